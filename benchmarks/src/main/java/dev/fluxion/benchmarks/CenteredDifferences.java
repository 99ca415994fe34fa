package dev.fluxion.benchmarks;

import dev.fluxion.dsl.Objective;

/**
 * The gradient by centered differences, g_i = (f(x + h_i e_i) - f(x - h_i e_i)) / (2 h_i), with
 * h_i = eps^(1/3) max(1, |x_i|): 2n value calls, error O(h^2). The baseline a user without derivatives has.
 */
public final class CenteredDifferences {
    private static final double STEP = Math.cbrt(Math.ulp(1.0));

    private CenteredDifferences() {
    }

    /**
     * Writes the centered-difference gradient of f at x into {@code gradient} and returns f(x) estimated as
     * the mean of the last pair of evaluations. x is perturbed in place and restored exactly.
     */
    public static double gradient(Objective f, double[] x, double[] gradient) {
        double last = 0;
        for (int i = 0; i < x.length; i++) {
            double xi = x[i];
            double h = STEP * Math.max(1, Math.abs(xi));
            x[i] = xi + h;
            double forward = f.value(x);
            x[i] = xi - h;
            double backward = f.value(x);
            x[i] = xi;
            gradient[i] = (forward - backward) / (2 * h);
            last = 0.5 * (forward + backward);
        }
        return last;
    }
}
