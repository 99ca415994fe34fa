import dev.fluxion.dsl.calculus.GradientCheck;
import dev.fluxion.dsl.calculus.StepSize;
import dev.fluxion.dsl.expr.*;
import dev.fluxion.lab.report.*;

import java.nio.file.Path;
import java.util.*;
import java.util.function.ToDoubleFunction;

/**
 * Gradient checking: compare a hand-written gradient of f(x, y) = x^2 y + sin(x y) with a numerical one, by the
 * relative error |a - n| / (|a| + |n|). A correct gradient agrees to about 1e-10 (the centered difference's own
 * error); a gradient with a chain-rule bug (d/dx sin(x y) written as cos(x y), the inner factor y forgotten) is off
 * by a relative error of order 0.1, whatever the step.
 *
 * <p>Run: {@code fluxion script GradientCheckDemo.java OUTPUT_FOLDER}. Prints both checks, the dsl's own gradient
 * checked the same way, and writes {@code gradient-check.svg}: the relative error against h for both.
 */
public class GradientCheckDemo {
    public static void main(String[] args) {
        ToDoubleFunction<double[]> f = p -> p[0] * p[0] * p[1] + Math.sin(p[0] * p[1]);
        double x = 1.5, y = -0.7;
        double[] at = {x, y};
        double[] correct = {2 * x * y + y * Math.cos(x * y), x * x + x * Math.cos(x * y)};
        double[] buggy = {2 * x * y + Math.cos(x * y), x * x + x * Math.cos(x * y)}; // the inner factor y forgotten
        GradientCheck good = GradientCheck.byCenteredDifference(f, at, correct);
        GradientCheck bad = GradientCheck.byCenteredDifference(f, at, buggy);
        System.out.printf(Locale.ROOT, "correct gradient: relative error = %.3e, passes 1e-6: %b%n",
                good.relativeError(), good.passes(1e-6));
        System.out.printf(Locale.ROOT, "buggy gradient: relative error = %.3e, passes 1e-6: %b, worst component = %d%n",
                bad.relativeError(), bad.passes(1e-6), bad.worstComponent());
        System.out.printf(Locale.ROOT, "buggy component errors: d/dx %.3e, d/dy %.3e%n",
                bad.componentErrors()[0], bad.componentErrors()[1]);
        // the dsl differentiates the formula itself; Richardson extrapolation checks it to about 1e-12
        GradientCheck dsl = GradientCheck.of(Expr.parse("x^2 * y + sin(x * y)"), Point.of("x", x, "y", y));
        System.out.printf(Locale.ROOT, "dsl gradient: relative error = %.3e%n", dsl.relativeError());

        double[] steps = StepSize.powersOfTen(-1, -11, 4);
        Figure figure = Figures.lines("Gradient check against the step", Axis.log("h"), Axis.log("relative error"),
                List.of(new Series("correct gradient", steps, Arrays.stream(steps)
                        .map(h -> GradientCheck.byCenteredDifference(f, at, correct, h).relativeError()).toArray()),
                        new Series("buggy gradient", steps, Arrays.stream(steps)
                        .map(h -> GradientCheck.byCenteredDifference(f, at, buggy, h).relativeError()).toArray())));
        System.out.println("figure: " + figure.save(Path.of(args.length > 0 ? args[0] : ".", "gradient-check.svg")));
    }
}
