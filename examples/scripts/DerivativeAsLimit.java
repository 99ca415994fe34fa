import dev.fluxion.dsl.calculus.FiniteDifference;
import dev.fluxion.lab.report.LetsPlotFigures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The derivative as a limit: the secant slope (sin(x + h) - sin x) / h tends to the tangent slope cos x as h
 * shrinks, and its error is h |sin x| / 2 to first order (Taylor: sin(x + h) = sin x + h cos x - h^2 sin x / 2).
 *
 * <p>Run: {@code fluxion script DerivativeAsLimit.java OUTPUT_FOLDER}. Prints the secant slope and its error for
 * h = 1, 1/2, ..., 2^-20, the ratio error / h (which tends to sin(1) / 2), the fitted order of the error, and writes
 * {@code derivative-as-limit.svg}: log2 error against log2 h.
 */
public class DerivativeAsLimit {
    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : ".");
        double x = 1;
        double tangentSlope = Math.cos(x);
        int halvings = 21;
        double[] log2h = new double[halvings];
        double[] log2error = new double[halvings];
        System.out.printf(Locale.ROOT, "tangent slope cos(1) = %.15f%n", tangentSlope);
        System.out.println("h            secant slope        error       error / h");
        for (int k = 0; k < halvings; k++) {
            double h = Math.scalb(1.0, -k); // powers of two, so x + h is exact and only the limit is measured
            double secantSlope = FiniteDifference.forward(Math::sin, x, h);
            double error = Math.abs(secantSlope - tangentSlope);
            log2h[k] = -k;
            log2error[k] = Math.log(error) / Math.log(2);
            System.out.printf(Locale.ROOT, "%-12.4e %.15f  %.3e   %.6f%n", h, secantSlope, error, error / h);
        }
        // least-squares slope of log error against log h over the last ten halvings: the order of the error
        System.out.printf(Locale.ROOT, "limit of error / h: sin(1) / 2 = %.6f%n", Math.sin(x) / 2);
        System.out.printf(Locale.ROOT, "fitted order = %.4f%n", slope(log2h, log2error, halvings - 10, halvings));
        Files.createDirectories(folder);
        Path figure = folder.resolve("derivative-as-limit.svg");
        Files.writeString(figure, LetsPlotFigures.linePlot(log2h, new double[][] {log2error}, new String[] {"sin at x = 1"}, "log2 h",
                "log2 |secant slope - cos 1|"));
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
