import dev.fluxion.dsl.calculus.CriticalPoints;
import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.dsl.tape.CompiledExpression;
import dev.fluxion.lab.report.LetsPlotFigures;
import dev.fluxion.optimizers.Optimizer;
import dev.fluxion.optimizers.OptimizerState;
import dev.fluxion.optimizers.Optimizers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Adam against plain gradient descent on f(x) = (x - 3)^2 + 0.1 sin(5x), a parabola with a small ripple, from
 * x = 0 with the same learning rate 0.1.
 *
 * <p>Descent's step is lr f'(x): large far away, and shrinking with the gradient, so near the minimum it contracts
 * the error by a fixed factor each step. Adam's step is lr m / (sqrt v + eps), about lr in size whatever the
 * gradient's scale: it walks to the minimum at a steady 0.1 per step, then overshoots and oscillates until its
 * moment estimates settle.
 *
 * <p>Run: {@code fluxion script AdamVersusDescent.java OUTPUT_FOLDER}. Prints the global minimum (by
 * {@link CriticalPoints}), both runs every 20 steps, the steps each needs to come within 1e-8 of the minimum value,
 * and writes {@code adam-versus-descent.svg}: log10 (f(x_k) - f*) against k.
 */
public class AdamVersusDescent {
    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : ".");
        String formula = "(x - 3)^2 + 0.1*sin(5*x)";
        CompiledExpression f = Expr.parse(formula).compile("x");
        CriticalPoints found = CriticalPoints.find(Expr.parse(formula), -1, 6);
        double best = found.minimum().value();
        System.out.printf(Locale.ROOT, "global minimum on [-1, 6]: f* = %.12f at x* = %.12f (%d critical points)%n",
                best, found.minimum().locations().get(0), found.points().size());

        String[] names = {"gd(lr=0.1)", "adam(lr=0.1)"};
        Optimizer[] optimizers = {Optimizers.gd().lr(0.1), Optimizers.adam().lr(0.1)};
        int steps = 200;
        double[] step = new double[steps + 1];
        double[][] log10Gap = new double[names.length][steps + 1];
        int[] stepsToTarget = {-1, -1};
        double[][] finalX = new double[names.length][];
        for (int r = 0; r < names.length; r++) {
            OptimizerState run = optimizers[r].start(1);
            double[] x = {0};
            System.out.println(names[r] + ":");
            for (int k = 0; k <= steps; k++) {
                if (k > 0) run.step(f, x);
                // clamped at 0: the iterate can land a rounding error below the refined critical value
                double gap = Math.max(f.value(x) - best, 0);
                step[k] = k;
                log10Gap[r][k] = Math.log10(gap + 1e-16);
                if (stepsToTarget[r] < 0 && gap < 1e-8) stepsToTarget[r] = k;
                if (k % 20 == 0) {
                    System.out.printf(Locale.ROOT, "  step %3d  x = %.10f  f - f* = %.3e%n", k, x[0], gap);
                }
            }
            finalX[r] = x;
        }
        System.out.printf(Locale.ROOT, "steps to f - f* < 1e-8: gd %d, adam %d%n", stepsToTarget[0], stepsToTarget[1]);
        System.out.printf(Locale.ROOT, "final x: gd %.10f, adam %.10f%n", finalX[0][0], finalX[1][0]);
        Files.createDirectories(folder);
        Path figure = folder.resolve("adam-versus-descent.svg");
        Files.writeString(figure, LetsPlotFigures.linePlot(step, log10Gap, names, "step", "log10 (f(x_k) - f*)"));
        System.out.println("figure: " + figure);
    }
}
