import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.dsl.tape.CompiledExpression;
import dev.fluxion.lab.report.LetsPlotFigures;
import dev.fluxion.optimizers.Optimizers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Gradient descent's convergence rate against the condition number kappa = L / mu of a quadratic. On
 * f(x, y) = (x^2 + kappa y^2) / 2 a step multiplies the error along x by (1 - lr) and along y by (1 - lr kappa).
 * With lr = 1 / L the slow direction x contracts by 1 - 1 / kappa per step; with the best constant step
 * lr = 2 / (mu + L) both contract by (kappa - 1) / (kappa + 1). Either way the rate tends to 1 as kappa grows, and
 * the steps needed for a fixed accuracy grow in proportion to kappa.
 *
 * <p>Run: {@code fluxion script ConditionNumberRate.java OUTPUT_FOLDER}. Fits the rate per step from 100 steps of
 * gd for kappa from 2 to 1000, prints it beside the theory, and writes {@code condition-number-rate.svg}:
 * log10 (1 - rate) against log10 kappa for both step sizes.
 */
public class ConditionNumberRate {
    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : ".");
        double[] kappas = {2, 5, 10, 20, 50, 100, 200, 500, 1000};
        int steps = 100;
        double[] log10Kappa = new double[kappas.length];
        double[][] log10Gap = new double[2][kappas.length]; // log10 (1 - rate): the slope of the figure is -1
        double largestDeviation = 0;
        System.out.println("kappa   rate lr=1/L  1 - 1/kappa   rate lr=2/(mu+L)  (kappa-1)/(kappa+1)");
        for (int i = 0; i < kappas.length; i++) {
            double kappa = kappas[i];
            CompiledExpression quadratic = Expr.parse("(x^2 + " + kappa + "*y^2) / 2").compile("x", "y");
            double plainRate = fittedRate(quadratic, 1 / kappa, steps);
            double bestRate = fittedRate(quadratic, 2 / (1 + kappa), steps);
            log10Kappa[i] = Math.log10(kappa);
            log10Gap[0][i] = Math.log10(1 - plainRate);
            log10Gap[1][i] = Math.log10(1 - bestRate);
            largestDeviation = Math.max(largestDeviation, Math.max(Math.abs(plainRate - (1 - 1 / kappa)),
                    Math.abs(bestRate - (kappa - 1) / (kappa + 1))));
            System.out.printf(Locale.ROOT, "%-7.0f %.6f     %.6f      %.6f          %.6f%n",
                    kappa, plainRate, 1 - 1 / kappa, bestRate, (kappa - 1) / (kappa + 1));
        }
        System.out.printf(Locale.ROOT, "largest deviation from theory = %.3e%n", largestDeviation);
        // 1 - rate = 2 / (kappa + 1) for the best step: the slope against log kappa tends to -1
        System.out.printf(Locale.ROOT, "slope of log(1 - rate) against log kappa = %.4f%n",
                (log10Gap[1][kappas.length - 1] - log10Gap[1][kappas.length - 4])
                        / (log10Kappa[kappas.length - 1] - log10Kappa[kappas.length - 4]));
        System.out.printf(Locale.ROOT, "steps for a 1e-6 reduction at kappa = 1000 with lr = 2/(mu+L): %.0f%n",
                Math.ceil(Math.log(1e-6) / Math.log(999.0 / 1001.0)));
        Files.createDirectories(folder);
        Path figure = folder.resolve("condition-number-rate.svg");
        Files.writeString(figure, LetsPlotFigures.linePlot(log10Kappa, log10Gap, new String[] {"lr = 1/L", "lr = 2/(mu+L)"},
                "log10 kappa", "log10 (1 - rate per step)"));
        System.out.println("figure: " + figure);
    }

    /** exp of the least-squares slope of log |x_k - x*| against k, over steps 10 to the end, of gd(lr) from (1, 1). */
    static double fittedRate(CompiledExpression quadratic, double learningRate, int steps) {
        double[] x = {1, 1};
        var run = Optimizers.gd().lr(learningRate).start(2);
        double n = 0, sk = 0, sl = 0, skk = 0, skl = 0;
        for (int k = 1; k <= steps; k++) {
            run.step(quadratic, x);
            if (k < 10) continue; // the fast direction's transient is gone by then
            double logDistance = Math.log(Math.hypot(x[0], x[1]));
            n++;
            sk += k;
            sl += logDistance;
            skk += (double) k * k;
            skl += k * logDistance;
        }
        return Math.exp((n * skl - sk * sl) / (n * skk - sk * sk));
    }
}
