import dev.fluxion.dsl.calculus.GradientCheck;
import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.dsl.expr.Point;
import dev.fluxion.lab.report.LetsPlotFigures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Gradient checking: compare a hand-written gradient of f(x, y) = x^2 y + sin(x y) with a numerical one, by the
 * relative error |a - n| / (|a| + |n|). A correct gradient agrees to about 1e-10 (the centered difference's own
 * error); a gradient with a chain-rule bug (d/dx sin(x y) written as cos(x y), the inner factor y forgotten) is off
 * by a relative error of order 0.1, whatever the step.
 *
 * <p>Run: {@code fluxion script GradientCheckDemo.java OUTPUT_FOLDER}. Prints both checks, the dsl's own gradient
 * checked the same way, and writes {@code gradient-check.svg}: log10 relative error against log10 h for both.
 */
public class GradientCheckDemo {
    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : ".");
        ToDoubleFunction<double[]> f = p -> p[0] * p[0] * p[1] + Math.sin(p[0] * p[1]);
        double[] at = {1.5, -0.7};
        double[] correct = correctGradient(at);
        double[] buggy = buggyGradient(at);

        GradientCheck good = GradientCheck.byCenteredDifference(f, at, correct);
        GradientCheck bad = GradientCheck.byCenteredDifference(f, at, buggy);
        System.out.printf(Locale.ROOT, "correct gradient: relative error = %.3e, passes 1e-6: %b%n",
                good.relativeError(), good.passes(1e-6));
        System.out.printf(Locale.ROOT, "buggy gradient: relative error = %.3e, passes 1e-6: %b, worst component = %d%n",
                bad.relativeError(), bad.passes(1e-6), bad.worstComponent());
        System.out.printf(Locale.ROOT, "buggy component errors: d/dx %.3e, d/dy %.3e%n",
                bad.componentErrors()[0], bad.componentErrors()[1]);

        // the dsl differentiates the formula itself; Richardson extrapolation checks it to about 1e-12
        Expr formula = Expr.parse("x^2 * y + sin(x * y)");
        GradientCheck dsl = GradientCheck.of(formula, Point.of("x", at[0], "y", at[1]));
        System.out.printf(Locale.ROOT, "dsl gradient: relative error = %.3e%n", dsl.relativeError());

        int count = 41; // log10 h = -1, -1.25, ..., -11
        double[] log10h = new double[count];
        double[] goodError = new double[count];
        double[] badError = new double[count];
        for (int k = 0; k < count; k++) {
            log10h[k] = -1 - 0.25 * k;
            double[] numerical = centeredGradient(f, at, Math.pow(10, log10h[k]));
            goodError[k] = Math.log10(GradientCheck.compare(correct, numerical).relativeError() + 1e-17);
            badError[k] = Math.log10(GradientCheck.compare(buggy, numerical).relativeError() + 1e-17);
        }
        Files.createDirectories(folder);
        Path figure = folder.resolve("gradient-check.svg");
        Files.writeString(figure, LetsPlotFigures.linePlot(log10h, new double[][] {goodError, badError},
                new String[] {"correct gradient", "buggy gradient"}, "log10 h", "log10 relative error"));
        System.out.println("figure: " + figure);
    }

    /** (2xy + y cos(xy), x^2 + x cos(xy)). */
    static double[] correctGradient(double[] p) {
        double x = p[0], y = p[1];
        return new double[] {2 * x * y + y * Math.cos(x * y), x * x + x * Math.cos(x * y)};
    }

    /** The same with the chain rule's inner factor y forgotten in the first component. */
    static double[] buggyGradient(double[] p) {
        double x = p[0], y = p[1];
        return new double[] {2 * x * y + Math.cos(x * y), x * x + x * Math.cos(x * y)};
    }

    /** Centered differences (f(x + h e_i) - f(x - h e_i)) / 2h with one step h for every component. */
    static double[] centeredGradient(ToDoubleFunction<double[]> f, double[] x, double h) {
        double[] gradient = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double[] plus = x.clone();
            double[] minus = x.clone();
            plus[i] += h;
            minus[i] -= h;
            gradient[i] = (f.applyAsDouble(plus) - f.applyAsDouble(minus)) / (plus[i] - minus[i]);
        }
        return gradient;
    }
}
