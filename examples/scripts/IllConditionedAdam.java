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
 * Gradient descent against Adam on the ill-conditioned quadratic f(x, y) = (x^2 + 100 y^2) / 2 (kappa = 100), from
 * (1, 1), for 1000 steps. Descent must keep lr below 2 / L = 0.02 for the steep y, and then crawls along the flat x
 * at 1 - lr per step. Adam divides each coordinate's step by the root mean square of its own gradient, so both
 * coordinates move about lr per step whatever their curvature.
 *
 * <p>Run: {@code fluxion script IllConditionedAdam.java OUTPUT_FOLDER}. Prints both runs' distance to the minimum
 * every 100 steps, the steps each needs to come within 1e-2 of it, and writes {@code ill-conditioned-adam.svg}:
 * log10 distance against the step.
 */
public class IllConditionedAdam {
    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : ".");
        CompiledExpression quadratic = Expr.parse("(x^2 + 100*y^2) / 2").compile("x", "y");
        String[] names = {"gd(lr=0.01)", "adam(lr=0.01)"};
        Optimizer[] optimizers = {Optimizers.gd().lr(0.01), Optimizers.adam().lr(0.01)};
        int steps = 1000;
        double[] step = new double[steps + 1];
        double[][] log10Distance = new double[names.length][steps + 1];
        int[] stepsToTarget = {-1, -1};
        System.out.println("step   |x - x*| gd   |x - x*| adam");
        OptimizerState[] runs = {optimizers[0].start(2), optimizers[1].start(2)};
        double[][] x = {{1, 1}, {1, 1}};
        for (int k = 0; k <= steps; k++) {
            step[k] = k;
            for (int r = 0; r < names.length; r++) {
                if (k > 0) runs[r].step(quadratic, x[r]);
                double distance = Math.hypot(x[r][0], x[r][1]);
                log10Distance[r][k] = Math.log10(distance + 1e-300);
                if (stepsToTarget[r] < 0 && distance < 1e-2) stepsToTarget[r] = k;
            }
            if (k % 100 == 0) {
                System.out.printf(Locale.ROOT, "%-6d %.3e     %.3e%n", k, Math.pow(10, log10Distance[0][k]),
                        Math.pow(10, log10Distance[1][k]));
            }
        }
        System.out.printf(Locale.ROOT, "steps to |x - x*| < 1e-2: gd %d, adam %d%n", stepsToTarget[0], stepsToTarget[1]);
        System.out.printf(Locale.ROOT, "gd's rate per step along x: 1 - lr = %.4f%n", 1 - 0.01);
        Files.createDirectories(folder);
        Path figure = folder.resolve("ill-conditioned-adam.svg");
        Files.writeString(figure, LetsPlotFigures.linePlot(step, log10Distance, names, "step", "log10 |x_k - x*|"));
        System.out.println("figure: " + figure);
    }
}
