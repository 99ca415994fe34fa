/**
 * COCO's bbob suite of 24 noiseless test functions as landscapes: {@code bbob(f=F, dim=N, instance=I)}, built as
 * dsl expressions (so gradients and Hessians are exact) from COCO's own instance generator, with values that agree
 * with COCO's.
 *
 * <p>{@link dev.fluxion.landscapes.bbob.Bbob} is the provider, {@link dev.fluxion.landscapes.bbob.BbobFunction} the
 * 24 definitions and {@link dev.fluxion.landscapes.bbob.BbobGroup} COCO's five groups of them. The rest is the
 * machinery of the definitions: the legacy random numbers, an instance's draw, the transformations T_osz, T_asy,
 * Lambda and f_pen, Gallagher's peaks, and the non-smooth pieces with their derivative conventions.
 */
package dev.fluxion.landscapes.bbob;
