import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.dsl.tape.CompiledExpression;
import dev.fluxion.lab.report.LetsPlotFigures;
import dev.fluxion.optimizers.Optimizers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Gradient descent's step-size threshold on a quadratic. On f(x, y) = (x^2 + 10 y^2) / 2 the Hessian is
 * diag(1, 10), so the smoothness constant is L = 10 and a step x <- x - lr grad f multiplies each coordinate by
 * (1 - lr lambda). Descent converges when |1 - lr lambda| < 1 for every eigenvalue lambda, that is lr < 2 / L = 0.2,
 * and diverges above, where the steep coordinate y flips sign and grows each step.
 *
 * <p>Run: {@code fluxion script StepSizeThreshold.java OUTPUT_FOLDER}. Runs 200 steps of gd(lr) from (1, 1) for
 * lr = 0.004, 0.008, ..., 0.3, prints the distance to the minimum, the last converging and first diverging rate,
 * and writes {@code step-size-threshold.svg}: log10 distance after 200 steps against the learning rate.
 */
public class StepSizeThreshold {
    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : ".");
        CompiledExpression quadratic = Expr.parse("(x^2 + 10*y^2) / 2").compile("x", "y");
        double smoothness = 10; // the largest eigenvalue of the Hessian
        int steps = 200;
        int rates = 75;
        double[] learningRate = new double[rates];
        double[][] log10Distance = new double[1][rates];
        double lastConverging = Double.NaN;
        double firstDiverging = Double.NaN;
        System.out.println("lr      |x - x*| after " + steps + " steps  verdict");
        for (int k = 0; k < rates; k++) {
            learningRate[k] = 0.004 * (k + 1);
            double[] x = {1, 1};
            Optimizers.gd().lr(learningRate[k]).minimize(quadratic, x, steps);
            double distance = Math.hypot(x[0], x[1]);
            log10Distance[0][k] = Math.log10(Math.min(distance, 1e30) + 1e-300);
            // the start is at distance sqrt 2: a run that ends 100 times closer has converged, one that ends
            // farther away has diverged; the rest stall: rates too small for 200 steps, and lr = 2 / L itself,
            // where y flips sign forever without shrinking
            double start = Math.sqrt(2);
            String verdict = distance < start / 100 ? "converges" : distance > start ? "diverges" : "stalls";
            if (verdict.equals("converges")) lastConverging = learningRate[k];
            if (verdict.equals("diverges") && Double.isNaN(firstDiverging)) firstDiverging = learningRate[k];
            if (k % 5 == 4 || Math.abs(learningRate[k] - 2 / smoothness) < 0.0081) {
                System.out.printf(Locale.ROOT, "%.3f   %.3e               %s%n", learningRate[k], distance, verdict);
            }
        }
        System.out.printf(Locale.ROOT, "last converging lr = %.3f, first diverging lr = %.3f%n",
                lastConverging, firstDiverging);
        System.out.printf(Locale.ROOT, "threshold estimate = %.4f, 2 / L = %.4f%n",
                (lastConverging + firstDiverging) / 2, 2 / smoothness);
        System.out.printf(Locale.ROOT, "fastest lr in theory = 2 / (mu + L) = %.4f, contraction per step %.4f%n",
                2 / (1 + smoothness), (smoothness - 1) / (smoothness + 1));
        Files.createDirectories(folder);
        Path figure = folder.resolve("step-size-threshold.svg");
        Files.writeString(figure, LetsPlotFigures.linePlot(learningRate, log10Distance, new String[] {"gd on (x^2 + 10 y^2) / 2"},
                "learning rate", "log10 distance after " + steps + " steps"));
        System.out.println("figure: " + figure);
    }
}
