import dev.fluxion.dsl.calculus.TaylorPolynomial;
import dev.fluxion.dsl.expr.Expr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The Taylor approximation: the polynomial T_n(x) = sum_{k <= n} f^(k)(a) (x - a)^k / k! of exp and sin at
 * a = 0, evaluated at x = 1, against the order n. Lagrange's remainder bounds the error by
 * max |f^(n+1)| |x - a|^(n+1) / (n+1)!, which is e / (n+1)! for exp at 1 and 1 / (n+1)! for sin.
 *
 * <p>Run: {@code fluxion script TaylorApproximation.java OUTPUT_FOLDER}. Prints the error and the bound for orders
 * 0 to 16, the first order reaching 1e-10, and writes {@code taylor-approximation.svg}: log10 error against order.
 */
public class TaylorApproximation {
    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : ".");
        double x = 1;
        int orders = 17;
        Expr exp = Expr.parse("exp(x)");
        Expr sin = Expr.parse("sin(x)");
        double[] order = new double[orders];
        double[][] log10Error = new double[2][orders];
        int firstBelow = -1;
        boolean withinBound = true;
        double factorial = 1; // (n + 1)!
        System.out.println("order  T_n exp(1)          error exp   bound e/(n+1)!  error sin   bound 1/(n+1)!");
        for (int n = 0; n < orders; n++) {
            factorial *= n + 1;
            double expValue = TaylorPolynomial.of(exp, 0, n).valueAt(x);
            double expError = Math.abs(expValue - Math.exp(x));
            double sinError = Math.abs(TaylorPolynomial.of(sin, 0, n).valueAt(x) - Math.sin(x));
            order[n] = n;
            log10Error[0][n] = Math.log10(expError + 1e-17);
            log10Error[1][n] = Math.log10(sinError + 1e-17);
            // the bound holds up to the rounding of the sum, about 1e-16 relative
            withinBound &= expError <= Math.E / factorial + 1e-15 && sinError <= 1 / factorial + 1e-15;
            if (firstBelow < 0 && expError < 1e-10) firstBelow = n;
            System.out.printf(Locale.ROOT, "%-6d %.15f  %.3e   %.3e       %.3e   %.3e%n",
                    n, expValue, expError, Math.E / factorial, sinError, 1 / factorial);
        }
        System.out.println("T_3 of exp at 0: " + TaylorPolynomial.of(exp, 0, 3));
        System.out.println("first order with exp error below 1e-10 = " + firstBelow);
        System.out.println("every error within the Lagrange bound: " + withinBound);
        Files.createDirectories(folder);
        Path figure = folder.resolve("taylor-approximation.svg");
        Files.writeString(figure, svg(order, log10Error, new String[] {"exp at x = 1", "sin at x = 1"},
                "order n", "log10 |T_n(1) - f(1)|"));
        System.out.println("figure: " + figure);
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
