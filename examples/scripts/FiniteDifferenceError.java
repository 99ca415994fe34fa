import dev.fluxion.dsl.calculus.FiniteDifference;
import dev.fluxion.dsl.calculus.StepSize;
import dev.fluxion.lab.report.LetsPlotFigures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Forward against centered differences for d/dx exp(x) at x = 1, with h from 1e-1 down to 1e-14.
 *
 * <p>Truncation error falls as h (forward) or h^2 (centered) while rounding error grows as eps / h, so each
 * method has a best step: about sqrt(eps) = 1.5e-8 for forward and cbrt(eps) = 6.1e-6 for centered, where
 * {@link StepSize#forwardOptimal} and {@link StepSize#centeredOptimal} put it from the error model.
 *
 * <p>At one point the rounding error is one particular number, not its typical size, so the error curve is
 * ragged near its minimum, and the forward difference's smallest error can fall at a step where the two roundings
 * happen to cancel. The script therefore also averages the errors over 64 points x = 1 + j / 1024 near 1: the mean
 * curve is smooth, and its minimum is the best step the model speaks of.
 *
 * <p>Run: {@code fluxion script FiniteDifferenceError.java OUTPUT_FOLDER}. Prints the errors, the fitted orders in
 * the truncation regime, the best measured steps against the models', and writes
 * {@code finite-difference-error.svg}: log10 error of both methods against log10 h, at x = 1 and averaged.
 */
public class FiniteDifferenceError {
    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : ".");
        double x = 1;
        double exact = Math.exp(x); // f = f' = f'' = f''' = e at x = 1
        int count = 53; // log10 h = -1, -1.25, ..., -14
        int points = 64; // x_j = 1 + j / 1024, for the mean error curves
        double[] log10h = new double[count];
        double[] forwardError = new double[count];
        double[] centeredError = new double[count];
        double[] forwardMean = new double[count];
        double[] centeredMean = new double[count];
        int bestForward = 0;
        int bestCentered = 0;
        int bestForwardMean = 0;
        int bestCenteredMean = 0;
        System.out.println("h            forward error  centered error  mean forward  mean centered");
        for (int k = 0; k < count; k++) {
            log10h[k] = -1 - 0.25 * k;
            double h = StepSize.representable(x, Math.pow(10, log10h[k]));
            double forward = Math.abs(FiniteDifference.forward(Math::exp, x, h) - exact);
            double centered = Math.abs(FiniteDifference.centered(Math::exp, x, h) - exact);
            double forwardSum = 0;
            double centeredSum = 0;
            for (int j = 0; j < points; j++) {
                double xj = 1 + j / 1024.0;
                double hj = StepSize.representable(xj, Math.pow(10, log10h[k]));
                forwardSum += Math.abs(FiniteDifference.forward(Math::exp, xj, hj) - Math.exp(xj));
                centeredSum += Math.abs(FiniteDifference.centered(Math::exp, xj, hj) - Math.exp(xj));
            }
            forwardError[k] = Math.log10(Math.max(forward, 1e-17));
            centeredError[k] = Math.log10(Math.max(centered, 1e-17));
            forwardMean[k] = Math.log10(Math.max(forwardSum / points, 1e-17));
            centeredMean[k] = Math.log10(Math.max(centeredSum / points, 1e-17));
            if (forwardError[k] < forwardError[bestForward]) bestForward = k;
            if (centeredError[k] < centeredError[bestCentered]) bestCentered = k;
            if (forwardMean[k] < forwardMean[bestForwardMean]) bestForwardMean = k;
            if (centeredMean[k] < centeredMean[bestCenteredMean]) bestCenteredMean = k;
            if (k % 4 == 0) {
                System.out.printf(Locale.ROOT, "%-12.2e %.3e      %.3e       %.3e     %.3e%n", h, forward, centered,
                        forwardSum / points, centeredSum / points);
            }
        }
        // the truncation regime: h from 1e-1 to 1e-3, where rounding is still negligible
        System.out.printf(Locale.ROOT, "forward order = %.4f%n", slope(log10h, forwardError, 0, 9));
        System.out.printf(Locale.ROOT, "centered order = %.4f%n", slope(log10h, centeredError, 0, 9));
        System.out.printf(Locale.ROOT, "best forward step at x = 1 alone: %.3e (error %.3e)%n",
                Math.pow(10, log10h[bestForward]), Math.pow(10, forwardError[bestForward]));
        System.out.printf(Locale.ROOT, "best forward step = %.3e (mean error %.3e over %d points)%n",
                Math.pow(10, log10h[bestForwardMean]), Math.pow(10, forwardMean[bestForwardMean]), points);
        // worst case: each value off by eps |f|; on average two roundings differ by a third of an ulp of f
        System.out.printf(Locale.ROOT, "model steps: worst case 2 sqrt(eps |f| / |f''|) = %.3e, "
                + "average sqrt(2 ulp(f) / (3 |f''|)) = %.3e; sqrt(eps) = %.3e%n",
                StepSize.forwardOptimal(x, exact, exact), Math.sqrt(2 * Math.ulp(exact) / (3 * exact)),
                Math.sqrt(StepSize.EPSILON));
        System.out.printf(Locale.ROOT, "best centered step = %.3e (error %.3e); cbrt(eps) = %.3e; model step = %.3e%n",
                Math.pow(10, log10h[bestCentered]), Math.pow(10, centeredError[bestCentered]),
                Math.cbrt(StepSize.EPSILON), StepSize.centeredOptimal(x, exact, exact));
        System.out.printf(Locale.ROOT, "best centered step, mean over %d points = %.3e (mean error %.3e)%n", points,
                Math.pow(10, log10h[bestCenteredMean]), Math.pow(10, centeredMean[bestCenteredMean]));
        System.out.printf(Locale.ROOT, "model error at the model steps: forward %.3e, centered %.3e%n",
                StepSize.forwardError(StepSize.forwardOptimal(x, exact, exact), exact, exact),
                StepSize.centeredError(StepSize.centeredOptimal(x, exact, exact), exact, exact));
        Files.createDirectories(folder);
        Path figure = folder.resolve("finite-difference-error.svg");
        Files.writeString(figure, LetsPlotFigures.linePlot(log10h, new double[][] {forwardError, centeredError, forwardMean, centeredMean},
                new String[] {"forward at x = 1", "centered at x = 1", "forward, mean of 64 points",
                    "centered, mean of 64 points"}, "log10 h", "log10 error"));
        System.out.println("figure: " + figure);
    }

    /** The least-squares slope of y against x over indices [from, to). */
    static double slope(double[] x, double[] y, int from, int to) {
        double n = to - from, sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int i = from; i < to; i++) {
            sx += x[i];
            sy += y[i];
            sxx += x[i] * x[i];
            sxy += x[i] * y[i];
        }
        return (n * sxy - sx * sy) / (n * sxx - sx * sx);
    }
}
