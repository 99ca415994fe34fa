package dev.fluxion.dsl;

/**
 * A Riemannian metric on parameter space, such as the Fisher information matrix of a statistical model:
 * a symmetric positive-definite matrix G(x) that natural-gradient methods use to precondition the gradient.
 */
@FunctionalInterface
public interface Metric {

    /** Writes G(x) (n by n, symmetric positive definite) into {@code out}. */
    void at(double[] x, double[][] out);
}
