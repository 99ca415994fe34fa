import dev.fluxion.dsl.calculus.*;
import dev.fluxion.lab.report.*;

import java.nio.file.Path;
import java.util.*;

/**
 * The derivative as a limit: the secant slope (sin(x + h) - sin x) / h tends to the tangent slope cos x as h
 * shrinks, and its error is h |sin x| / 2 to first order (Taylor: sin(x + h) = sin x + h cos x - h^2 sin x / 2).
 *
 * <p>Run: {@code fluxion script DerivativeAsLimit.java OUTPUT_FOLDER}. Prints the secant slope and its error for
 * h = 1, 1/2, ..., 2^-20, the ratio error / h (which tends to sin(1) / 2), the fitted order of the error, and writes
 * {@code derivative-as-limit.svg}: the error against h on log-log axes.
 */
public class DerivativeAsLimit {
    public static void main(String[] args) {
        double x = 1;
        double[] steps = StepSize.powersOfTwo(0, -20); // so x + h is exact and only the limit is measured
        DifferenceErrors secant = DifferenceErrors.at(DifferenceRule.FORWARD, Math::sin, Math::cos, x, steps);
        System.out.printf(Locale.ROOT, "tangent slope cos(1) = %.15f%n", Math.cos(x));
        System.out.println("h            secant slope        error       error / h");
        for (int k = 0; k < steps.length; k++) {
            System.out.printf(Locale.ROOT, "%-12.4e %.15f  %.3e   %.6f%n", steps[k],
                    FiniteDifference.forward(Math::sin, x, steps[k]), secant.error(k), secant.error(k) / steps[k]);
        }
        System.out.printf(Locale.ROOT, "limit of error / h: sin(1) / 2 = %.6f%n", Math.sin(x) / 2);
        System.out.printf(Locale.ROOT, "fitted order = %.4f%n", secant.order(11, 21)); // over the last ten halvings
        Figure figure = Figures.lines("The secant slope's error against h", Axis.log("h"),
                Axis.log("|secant slope - cos 1|"), List.of(new Series("sin at x = 1", steps, secant.errors())));
        System.out.println("figure: " + figure.save(Path.of(args.length > 0 ? args[0] : ".", "derivative-as-limit.svg")));
    }
}
