import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.lab.api.Compare;
import dev.fluxion.lab.api.LandscapeFactories;
import dev.fluxion.lab.api.Starts;
import dev.fluxion.lab.report.Figures;

import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Gradient clipping by global norm on the steep bowl f = r^4 / 4 + r^2 / 2 (r^2 = x^2 + y^2), whose gradient
 * (1 + r^2) (x, y) points straight away from 0. From r = 5, gd(lr=0.1) overshoots without bound (r^2 &gt; 2 / lr - 1);
 * {@code chain(clip(norm=1), gd(lr=0.1))} steps lr c = 0.1 towards 0 while ||grad f|| &gt; 1, then is plain descent.
 *
 * <p>Run: {@code fluxion script GradientClipping.java OUTPUT_FOLDER}. Prints the distances r, the clipped run's step
 * lengths and how far it strays from the line y = 4x / 3 it starts on, and writes {@code gradient-clipping.svg}.
 */
public class GradientClipping {
    public static void main(String[] args) {
        var bowl = LandscapeFactories.landscape(Expr.parse("(x^2 + y^2)^2 / 4 + (x^2 + y^2) / 2"), -5, 5, 0.0);
        var runs = Compare.builder().optimizers("gd(lr=0.1)", "chain(clip(norm=1), gd(lr=0.1))").landscapes(bowl)
                .starts(Starts.pointStart(3, 4)).steps(300).targets(1e-300).traces("every:1").threads(1).run().getRuns();
        double[] q = runs.get(0).getTrace().getPositions();
        System.out.println("gd(lr=0.1) from (3, 4), r = 5:");
        for (int k = 0; k <= 4; k++) System.out.printf(Locale.ROOT, "  step %d  r = %.10g%n", k, r(q, k));
        int diverged = 0;
        while (r(q, diverged) < 1e12) diverged++;
        System.out.printf("  r above 1e12 (diverged) at step %d: %s%n", diverged, runs.get(0).getOutcome().getCause());
        var clipped = runs.get(1).getTrace();
        double[] p = clipped.getPositions();
        System.out.println("chain(clip(norm=1), gd(lr=0.1)) from (3, 4):");
        for (int k = 0; k <= 60; k += 10) System.out.printf(Locale.ROOT, "  step %-3d r = %.6f  ||grad f|| = %9.4f  step length %.12f%n",
                k, r(p, k), clipped.getGradientNorm()[k], clipped.getStepLength()[k]);
        var lengths = IntStream.range(0, clipped.getSize()).filter(k -> clipped.getGradientNorm()[k] > 1)
                .mapToDouble(k -> clipped.getStepLength()[k]).summaryStatistics();
        System.out.printf(Locale.ROOT, "clipped steps (||grad f|| > 1): %d, step lengths from %.15f to %.15f%n",
                lengths.getCount(), lengths.getMin(), lengths.getMax());
        System.out.printf(Locale.ROOT, "largest distance from the line y = 4x/3: %.3e%n", IntStream.range(0, clipped.getSize())
                .mapToDouble(k -> Math.abs(4 * p[2 * k] - 3 * p[2 * k + 1]) / 5).max().getAsDouble());
        System.out.printf("steps to r < 1e-8 with clipping: %d%n",
                IntStream.range(0, clipped.getSize()).filter(k -> r(p, k) < 1e-8).findFirst().getAsInt());
        var figure = Figures.lossCurves(bowl, runs, "r^4 / 4 + r^2 / 2 from (3, 4): f - f* against step");
        System.out.println("figure: " + figure.save(Path.of(args[0], "gradient-clipping.svg")));
    }

    static double r(double[] positions, int k) {
        return Math.hypot(positions[2 * k], positions[2 * k + 1]);
    }
}
