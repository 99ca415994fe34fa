import dev.fluxion.dsl.calculus.TaylorPolynomial;
import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.lab.report.LetsPlotFigures;

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
        Files.writeString(figure, LetsPlotFigures.linePlot(order, log10Error, new String[] {"exp at x = 1", "sin at x = 1"},
                "order n", "log10 |T_n(1) - f(1)|"));
        System.out.println("figure: " + figure);
    }
}
