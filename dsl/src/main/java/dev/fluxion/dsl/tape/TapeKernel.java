package dev.fluxion.dsl.tape;

/**
 * A tape turned into JVM bytecode by {@link KernelCompiler}: the value, and the value with its reverse-mode
 * gradient, as straight-line code over local variables, with each sum over an element-wise vector expression fused
 * into one loop. It keeps no state between calls, so it is safe to call from many threads at once. It allocates
 * nothing. A kernel that keeps vectors whole (a matrix product and its argument, see {@link KernelMethod}) keeps
 * them in the interpreter's buffers of the calling thread ({@link Workspace}); other kernels ignore the buffers,
 * which may then be null.
 *
 * <p>Callers check the array lengths; a kernel assumes x and the gradient have the tape's dimension.
 */
interface TapeKernel {

    /** f(x), as {@link Sweeps#value} computes it; {@code values} is the workspace's value buffer. */
    double value(double[] x, double[] values);

    /**
     * Writes grad f(x) into {@code gradient} and returns f(x), as the interpreter's reverse sweep does;
     * {@code values} and {@code adjoints} are the workspace's buffers.
     */
    double valueAndGradient(double[] x, double[] gradient, double[] values, double[] adjoints);

    /**
     * Whether the kernel is split into several methods ({@link KernelSplit}), which pass values and adjoints through
     * the buffers: then they are never null.
     */
    default boolean isSplit() {
        return false;
    }

    /** The parts of a split kernel that run repeated blocks as loops ({@link RerolledLoop}); 0 for the others. */
    default int loops() {
        return 0;
    }

    /** Of those, the loops that run each block's reverse steps right after its forward ones; 0 for the others. */
    default int fusedLoops() {
        return 0;
    }
}
