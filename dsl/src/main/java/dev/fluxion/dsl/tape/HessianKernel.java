package dev.fluxion.dsl.tape;

/**
 * A scalar tape's Hessian and Hessian-vector product turned into JVM bytecode by {@link GeneratedHessian}: the
 * forward-over-reverse sweep of {@link Sweeps#hessianVectorProduct} as straight-line code, for a whole Hessian in as
 * many directions as {@link HessianSparsity} has colours. It keeps no state between calls and allocates nothing, so
 * it is safe to call from many threads at once. Both methods give the interpreter's numbers bit for bit, or say that
 * they cannot (see {@link HessianMethod}), and the caller then runs the interpreter.
 *
 * <p>Callers check the array lengths; a kernel assumes x, u and the product have the tape's dimension.
 */
interface HessianKernel {

    /**
     * Writes the structurally nonzero entries of the Hessian into {@code hessian}, whose first n entries of each row
     * the caller has set to 0; false if some value, adjoint or entry was infinite or NaN, and the interpreter must
     * compute the Hessian instead.
     */
    boolean hessian(double[] x, double[][] hessian);

    /** Writes H(x) u into {@code product} and returns f(x); NaN if the interpreter must compute them instead. */
    double hessianVectorProduct(double[] x, double[] u, double[] product);
}
