import static dev.fluxion.dsl.calculus.DifferenceRule.*;
import dev.fluxion.dsl.calculus.*;
import dev.fluxion.lab.report.*;

import java.nio.file.Path;
import java.util.*;
import java.util.stream.IntStream;

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
 * {@code finite-difference-error.svg}: the errors of both methods against h, at x = 1 and averaged.
 */
public class FiniteDifferenceError {
    public static void main(String[] args) {
        double x = 1, e = Math.exp(x); // f = f' = f'' = f''' = e at x = 1
        double[] steps = StepSize.powersOfTen(-1, -14, 4);
        double[] near = IntStream.range(0, 64).mapToDouble(j -> 1 + j / 1024.0).toArray();
        DifferenceErrors forward = DifferenceErrors.at(FORWARD, Math::exp, Math::exp, x, steps);
        DifferenceErrors centered = DifferenceErrors.at(CENTERED, Math::exp, Math::exp, x, steps);
        DifferenceErrors forwardMean = DifferenceErrors.meanOver(FORWARD, Math::exp, Math::exp, near, steps);
        DifferenceErrors centeredMean = DifferenceErrors.meanOver(CENTERED, Math::exp, Math::exp, near, steps);
        System.out.println("h            forward error  centered error  mean forward  mean centered");
        for (int k = 0; k < steps.length; k += 4) {
            System.out.printf(Locale.ROOT, "%-12.2e %.3e      %.3e       %.3e     %.3e%n", StepSize.representable(x,
                    steps[k]), forward.error(k), centered.error(k), forwardMean.error(k), centeredMean.error(k));
        }
        // the truncation regime: h from 1e-1 to 1e-3, where rounding is still negligible
        System.out.printf(Locale.ROOT, "forward order = %.4f%ncentered order = %.4f%n", forward.order(0, 9),
                centered.order(0, 9));
        System.out.printf(Locale.ROOT, "best forward step at x = 1 alone: %.3e (error %.3e)%n",
                forward.bestStep(), forward.bestError());
        System.out.printf(Locale.ROOT, "best forward step = %.3e (mean error %.3e over %d points)%n",
                forwardMean.bestStep(), forwardMean.bestError(), near.length);
        // worst case: each value off by eps |f|; on average two roundings differ by a third of an ulp of f
        System.out.printf(Locale.ROOT, "model steps: worst case 2 sqrt(eps |f| / |f''|) = %.3e, "
                + "average sqrt(2 ulp(f) / (3 |f''|)) = %.3e; sqrt(eps) = %.3e%n",
                StepSize.forwardOptimal(x, e, e), Math.sqrt(2 * Math.ulp(e) / (3 * e)), Math.sqrt(StepSize.EPSILON));
        System.out.printf(Locale.ROOT, "best centered step = %.3e (error %.3e); cbrt(eps) = %.3e; model step = %.3e%n",
                centered.bestStep(), centered.bestError(), Math.cbrt(StepSize.EPSILON), StepSize.centeredOptimal(x, e, e));
        System.out.printf(Locale.ROOT, "best centered step, mean over %d points = %.3e (mean error %.3e)%n",
                near.length, centeredMean.bestStep(), centeredMean.bestError());
        System.out.printf(Locale.ROOT, "model error at the model steps: forward %.3e, centered %.3e%n",
                StepSize.forwardError(StepSize.forwardOptimal(x, e, e), e, e),
                StepSize.centeredError(StepSize.centeredOptimal(x, e, e), e, e));
        Figure figure = Figures.lines("Finite-difference error against the step", Axis.log("h"), Axis.log("error"),
                List.of(new Series("forward at x = 1", steps, forward.errors()),
                        new Series("centered at x = 1", steps, centered.errors()),
                        new Series("forward, mean of 64 points", steps, forwardMean.errors()),
                        new Series("centered, mean of 64 points", steps, centeredMean.errors())));
        System.out.println("figure: " + figure.save(Path.of(args.length > 0 ? args[0] : ".", "finite-difference-error.svg")));
    }
}
