import dev.fluxion.dsl.calculus.FiniteDifference;

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
        Files.writeString(figure, svg(log2h, new double[][] {log2error}, new String[] {"sin at x = 1"}, "log2 h",
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

    /** A 400 x 300 line plot of each series against x, all scaled to one box, with a legend and axis captions. */
    static String svg(double[] x, double[][] series, String[] names, String xName, String yName) {
        double x0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE, y0 = Double.MAX_VALUE, y1 = -Double.MAX_VALUE;
        for (int i = 0; i < x.length; i++) {
            x0 = Math.min(x0, x[i]);
            x1 = Math.max(x1, x[i]);
            for (double[] y : series) {
                y0 = Math.min(y0, y[i]);
                y1 = Math.max(y1, y[i]);
            }
        }
        String[] colors = {"#0077BB", "#EE7733", "#009988", "#CC3311"};
        StringBuilder out = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"400\" height=\"300\">\n"
                + "<rect x=\"40\" y=\"20\" width=\"340\" height=\"240\" fill=\"none\" stroke=\"#999\"/>\n");
        for (int s = 0; s < series.length; s++) {
            out.append("<polyline fill=\"none\" stroke=\"").append(colors[s % colors.length]).append("\" points=\"");
            for (int i = 0; i < x.length; i++) {
                out.append(String.format(Locale.ROOT, "%.1f,%.1f ", 40 + 340 * (x[i] - x0) / (x1 - x0),
                        260 - 240 * (series[s][i] - y0) / (y1 - y0)));
            }
            out.append("\"/>\n<text x=\"50\" y=\"").append(36 + 14 * s).append("\" font-size=\"11\" fill=\"")
                    .append(colors[s % colors.length]).append("\">").append(names[s]).append("</text>\n");
        }
        return out.append(String.format(Locale.ROOT, "<text x=\"210\" y=\"290\" text-anchor=\"middle\" font-size=\"12\">"
                + "%s (%.3g to %.3g)</text>\n<text x=\"12\" y=\"140\" font-size=\"12\" text-anchor=\"middle\" "
                + "transform=\"rotate(-90 12 140)\">%s (%.3g to %.3g)</text>\n</svg>\n", xName, x0, x1, yName, y0, y1))
                .toString();
    }
}
