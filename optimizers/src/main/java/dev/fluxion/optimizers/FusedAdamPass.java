package dev.fluxion.optimizers;

import dev.fluxion.optimizers.schedule.Schedule;
import dev.fluxion.optimizers.transform.BiasCorrection;
import dev.fluxion.optimizers.transform.ScaleByAdam;
import dev.fluxion.optimizers.transform.ScaleByLearningRate;
import java.util.List;

/**
 * The {@link FusedPass} of Adam's moments followed by the learning rate, chain(scaleByAdam, scale(lr)): one pass
 * instead of three, with the same bits (each u_i is (-eta_t) d_i as the learning rate's pass rounds it, and
 * x_i + u_i is rounded once), on the chain's own buffers m and v. Kept because the step-floor and 10^6-parameter
 * benchmarks showed it pays.
 */
final class FusedAdamPass implements FusedPass {
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final boolean epsInsideSqrt;
    private final boolean biasCorrection;
    private final Schedule learningRate;
    private final double[] m;
    private final double[] v;
    private final BiasCorrection.Sequence first;
    private final BiasCorrection.Sequence second;

    private FusedAdamPass(ScaleByAdam adam, Schedule learningRate, double[] m, double[] v) {
        this.beta1 = adam.beta1();
        this.beta2 = adam.beta2();
        this.epsilon = adam.eps();
        this.epsInsideSqrt = adam.epsInsideSqrt();
        this.biasCorrection = adam.biasCorrection();
        this.learningRate = learningRate;
        this.m = m;
        this.v = v;
        this.first = new BiasCorrection.Sequence(beta1);
        this.second = new BiasCorrection.Sequence(beta2);
    }

    /**
     * The pass for an optimizer that is exactly chain(scaleByAdam, scale(lr)), written so or named ({@code adam}),
     * or null for any other.
     */
    static FusedAdamPass of(Optimizer optimizer, TransformState root) {
        List<Transform> links = FusedPass.twoLinks(optimizer);
        if (links == null || !(links.get(0) instanceof ScaleByAdam adam)
                || !(links.get(1) instanceof ScaleByLearningRate rate)) {
            return null;
        }
        List<TransformState> parts = root.nested();
        double[] m = parts.get(0).savedBuffer("m");
        double[] v = parts.get(0).savedBuffer("v");
        if (m == null || v == null) {
            return null;
        }
        return new FusedAdamPass(adam, rate.lr(), m, v);
    }

    @Override
    public double apply(double[] gradient, double[] x, double[] old, long step) {
        long t = step + 1;
        double c1 = biasCorrection ? first.correction(t) : 1;
        double c2 = biasCorrection ? second.correction(t) : 1;
        double scale = -learningRate.at(step);
        if (gradient.length == 2) {
            // two variables written out, as in FusedScalePass: the inlined kernel's gradient comes from registers
            double u0 = update(0, gradient[0], c1, c2, scale);
            double u1 = update(1, gradient[1], c1, c2, scale);
            return FusedPass.moveTwo(x, old, u0, u1);
        }
        double squares = 0;
        for (int i = 0; i < gradient.length; i++) {
            double u = update(i, gradient[i], c1, c2, scale);
            double xi = x[i];
            x[i] = xi + u;
            old[i] = xi;
            squares += u * u;
        }
        return squares;
    }

    /** Moves m_i and v_i for the gradient component g and returns u_i, with bias corrections c1, c2 and s = -eta_t. */
    private double update(int i, double g, double c1, double c2, double scale) {
        double mi = beta1 * m[i] + (1 - beta1) * g;
        double vi = beta2 * v[i] + (1 - beta2) * g * g;
        m[i] = mi;
        v[i] = vi;
        double mHat = mi / c1;
        double vHat = vi / c2;
        double d = epsInsideSqrt ? mHat / Math.sqrt(vHat + epsilon) : mHat / (Math.sqrt(vHat) + epsilon);
        return d * scale;
    }
}
