package dev.fluxion.optimizers;

import dev.fluxion.optimizers.schedule.Schedule;
import dev.fluxion.optimizers.transform.ScaleByLearningRate;
import dev.fluxion.optimizers.transform.Trace;
import java.util.List;

/**
 * The {@link FusedPass} of a trace and a learning rate in either order: chain(scale(lr), trace(decay, nesterov))
 * (what {@code momentum} and {@code nesterov} are, with the rate in the buffer, their default) and
 * chain(trace(decay, nesterov), scale(lr)) ({@code lrInBuffer=false}). With s = -eta_t, each u_i is rounded as the
 * two links' passes round it:
 * <pre>
 * rate first:  d = g_i s;  b_i = decay b_i + d;  u_i = nesterov ? d + decay b_i : b_i
 * trace first: b_i = decay b_i + g_i;  u_i = (nesterov ? g_i + decay b_i : b_i) s
 * </pre>
 * and x_i + u_i is rounded once, on the chain's own buffer b ("trace"). Kept because the step-floor benchmark's
 * momentum row showed it pays.
 */
final class FusedTracePass implements FusedPass {
    private final boolean rateFirst;
    private final double decay;
    private final boolean nesterov;
    private final Schedule learningRate;
    private final double[] trace;

    private FusedTracePass(boolean rateFirst, Trace link, Schedule learningRate, double[] trace) {
        this.rateFirst = rateFirst;
        this.decay = link.decay();
        this.nesterov = link.nesterov();
        this.learningRate = learningRate;
        this.trace = trace;
    }

    /** The pass for an optimizer that is exactly a trace and a learning rate, in either order, or null. */
    static FusedTracePass of(Optimizer optimizer, TransformState root) {
        List<Transform> links = FusedPass.twoLinks(optimizer);
        if (links == null) {
            return null;
        }
        Transform first = links.get(0);
        Transform second = links.get(1);
        boolean rateFirst = first instanceof ScaleByLearningRate && second instanceof Trace;
        boolean traceFirst = first instanceof Trace && second instanceof ScaleByLearningRate;
        if (!rateFirst && !traceFirst) {
            return null;
        }
        List<TransformState> parts = root.nested();
        double[] buffer = parts.get(rateFirst ? 1 : 0).savedBuffer("trace");
        if (buffer == null) {
            return null;
        }
        Trace link = (Trace) (rateFirst ? second : first);
        Schedule lr = ((ScaleByLearningRate) (rateFirst ? first : second)).lr();
        return new FusedTracePass(rateFirst, link, lr, buffer);
    }

    @Override
    public double apply(double[] gradient, double[] x, double[] old, long step) {
        double scale = -learningRate.at(step);
        if (gradient.length == 2) {
            // two variables written out, as in FusedScalePass: the inlined kernel's gradient comes from registers
            double u0 = update(0, gradient[0], scale);
            double u1 = update(1, gradient[1], scale);
            return FusedPass.moveTwo(x, old, u0, u1);
        }
        double squares = 0;
        for (int i = 0; i < gradient.length; i++) {
            double u = update(i, gradient[i], scale);
            double xi = x[i];
            x[i] = xi + u;
            old[i] = xi;
            squares += u * u;
        }
        return squares;
    }

    /** Moves the trace's b_i for the gradient component g and returns u_i, with s = -eta_t (see the class comment). */
    private double update(int i, double g, double scale) {
        double beta = decay;
        if (rateFirst) {
            double d = g * scale;
            double bi = beta * trace[i] + d;
            trace[i] = bi;
            return nesterov ? d + beta * bi : bi;
        }
        double bi = beta * trace[i] + g;
        trace[i] = bi;
        return (nesterov ? g + beta * bi : bi) * scale;
    }
}
