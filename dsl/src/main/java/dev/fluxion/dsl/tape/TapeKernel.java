package dev.fluxion.dsl.tape;

/**
 * A tape turned into JVM bytecode by {@link KernelCompiler}: the value, and the value with its reverse-mode
 * gradient, as straight-line code over local variables, with each sum over an element-wise vector expression fused
 * into one loop. It keeps no state between calls, so it is safe to call from many threads at once. It allocates
 * nothing, except the arrays of the vectors a matrix-vector product reads and writes (made at each call).
 *
 * <p>Callers check the array lengths; a kernel assumes x and the gradient have the tape's dimension.
 */
interface TapeKernel {

    /** f(x), as {@link Sweeps#value} computes it. */
    double value(double[] x);

    /** Writes grad f(x) into {@code gradient} and returns f(x), as the interpreter's reverse sweep does. */
    double valueAndGradient(double[] x, double[] gradient);
}
