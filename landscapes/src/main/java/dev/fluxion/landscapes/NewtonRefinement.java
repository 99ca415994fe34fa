package dev.fluxion.landscapes;

import dev.fluxion.dsl.Objective;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Newton's method on the gradient, x &lt;- x - H(x)^-1 grad f(x), to pin down a critical point whose
 * coordinates the literature gives to a few digits only (Himmelblau's irrational minima, the six-hump camel's
 * minima) or not at all (the optimum of a regularized logistic regression). It converges quadratically from a
 * guess close enough to a non-degenerate critical point of any kind: minimum, maximum or saddle. The linear
 * systems are solved by EJML's LU decomposition.
 */
final class NewtonRefinement {
    private static final int MAX_ITERATIONS = 100;

    private NewtonRefinement() {
    }

    /**
     * The critical point Newton's method reaches from the guess, stopped when a step no longer shrinks the
     * gradient norm after it has fallen below 1e-10 times the starting scale, or after 100 iterations.
     *
     * @throws LandscapeException if the Hessian turns singular or the iteration does not converge
     */
    static double[] refine(Objective objective, double[] guess) {
        int n = objective.dimension();
        double[] x = guess.clone();
        double[] gradient = new double[n];
        double[][] hessian = new double[n][n];
        DMatrixRMaj h = new DMatrixRMaj(n, n);
        DMatrixRMaj g = new DMatrixRMaj(n, 1);
        DMatrixRMaj step = new DMatrixRMaj(n, 1);
        objective.valueAndGradient(x, gradient);
        double norm = norm(gradient);
        double tolerance = 1e-10 * Math.max(1, norm);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            objective.hessian(x, hessian);
            for (int i = 0; i < n; i++) {
                g.set(i, 0, gradient[i]);
                for (int j = 0; j < n; j++) {
                    h.set(i, j, hessian[i][j]);
                }
            }
            if (!CommonOps_DDRM.solve(h, g, step)) {
                throw new LandscapeException("Newton refinement from " + java.util.Arrays.toString(guess)
                        + " met a singular Hessian");
            }
            double[] next = x.clone();
            for (int i = 0; i < n; i++) {
                next[i] -= step.get(i, 0);
            }
            double[] nextGradient = new double[n];
            objective.valueAndGradient(next, nextGradient);
            double nextNorm = norm(nextGradient);
            if (norm <= tolerance && !(nextNorm < norm)) {
                return x;
            }
            x = next;
            gradient = nextGradient;
            norm = nextNorm;
        }
        if (norm <= tolerance) {
            return x;
        }
        throw new LandscapeException("Newton refinement from " + java.util.Arrays.toString(guess)
                + " did not converge: the gradient norm is still " + norm);
    }

    private static double norm(double[] v) {
        double sum = 0;
        for (double c : v) {
            sum += c * c;
        }
        return Math.sqrt(sum);
    }
}
