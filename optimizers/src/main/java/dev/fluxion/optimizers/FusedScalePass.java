package dev.fluxion.optimizers;

import dev.fluxion.optimizers.schedule.Schedule;
import dev.fluxion.optimizers.transform.ScaleByLearningRate;
import java.util.List;

/**
 * The {@link FusedPass} of a learning rate alone, chain(scale(lr)) (what {@code gd} is): with s = -eta_t,
 * u_i = g_i s, rounded as the learning rate's pass rounds it, and x_i + u_i rounded once, in one pass instead of a
 * copy of g, the learning rate's pass and x += u. It has no buffers. Kept because the step-floor benchmark's gd row
 * showed it pays.
 */
final class FusedScalePass implements FusedPass {
    private final Schedule learningRate;

    private FusedScalePass(Schedule learningRate) {
        this.learningRate = learningRate;
    }

    /** The pass for an optimizer that is exactly one learning rate, written as a chain or named, or null. */
    static FusedScalePass of(Optimizer optimizer) {
        List<Transform> links = FusedPass.links(optimizer, 1);
        return links != null && links.get(0) instanceof ScaleByLearningRate rate ? new FusedScalePass(rate.lr())
                : null;
    }

    @Override
    public double apply(double[] gradient, double[] x, double[] old, long step) {
        double scale = -learningRate.at(step);
        if (gradient.length == 2) {
            return applyTwo(gradient, x, old, scale);
        }
        double squares = 0;
        for (int i = 0; i < gradient.length; i++) {
            double u = gradient[i] * scale;
            double xi = x[i];
            x[i] = xi + u;
            old[i] = xi;
            squares += u * u;
        }
        return squares;
    }

    /**
     * The pass for two variables written out, the same operations as the loop: the commonest case of the lab, where
     * the loop's bookkeeping costs as much as its arithmetic and the gradient, read at constant positions, comes from
     * registers where the objective's kernel is inlined. The loop's sum of squares starts at 0, which an added u_0^2
     * (never -0) does not change.
     */
    private static double applyTwo(double[] gradient, double[] x, double[] old, double scale) {
        double u0 = gradient[0] * scale;
        double u1 = gradient[1] * scale;
        return FusedPass.moveTwo(x, old, u0, u1);
    }
}
