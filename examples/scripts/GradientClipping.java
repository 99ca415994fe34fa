import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.dsl.tape.CompiledExpression;
import dev.fluxion.lab.report.LetsPlotFigures;
import dev.fluxion.optimizers.OptimizerState;
import dev.fluxion.optimizers.Optimizers;
import dev.fluxion.optimizers.StepInfo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Gradient clipping by global norm on a steep bowl: f(x, y) = r^4 / 4 + r^2 / 2 with r^2 = x^2 + y^2, whose gradient
 * (1 + r^2) (x, y) points straight away from the minimum at 0 and grows like r^3.
 *
 * <p>Plain descent with lr = 0.1 multiplies r by 1 - lr (1 + r^2) per step, which overshoots to the far side when
 * r^2 &gt; 2 / lr - 1 = 19, and from r = 5 the overshoots grow without bound. Clipping the gradient to norm c = 1
 * first, {@code chain(clip(norm=1), gd(lr=0.1))}, keeps its direction and caps its length: while ||grad f|| &gt; 1
 * every step has length lr c = 0.1 and moves straight towards 0, and once r^3 + r &lt; 1 the steps are plain
 * descent again, converging at 1 - lr per step.
 *
 * <p>Run: {@code fluxion script GradientClipping.java OUTPUT_FOLDER}. Prints both runs' distances, the clipped
 * run's step lengths and how far it strays from the line y = 4x / 3 it starts on, and writes
 * {@code gradient-clipping.svg}: log10 r against the step for both.
 */
public class GradientClipping {
    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : ".");
        CompiledExpression bowl = Expr.parse("(x^2 + y^2)^2 / 4 + (x^2 + y^2) / 2").compile("x", "y");
        int steps = 300;
        double[] step = new double[steps + 1];
        double[][] log10r = new double[2][steps + 1];

        OptimizerState plain = Optimizers.gd().lr(0.1).start(2);
        double[] x = {3, 4};
        System.out.println("gd(lr=0.1) from (3, 4), r = 5:");
        int diverged = -1;
        for (int k = 0; k <= steps; k++) {
            double r = Math.hypot(x[0], x[1]);
            step[k] = k;
            log10r[0][k] = Math.log10(Math.min(r, 1e12));
            if (k <= 4) System.out.printf(Locale.ROOT, "  step %d  r = %.10g%n", k, r);
            if (diverged < 0 && !(r < 1e12)) diverged = k;
            if (diverged < 0) plain.step(bowl, x);
        }
        System.out.printf(Locale.ROOT, "  r above 1e12 (diverged) at step %d%n", diverged);

        OptimizerState clipped = Optimizers.chain(Optimizers.clip().norm(1), Optimizers.gd().lr(0.1)).start(2);
        x = new double[] {3, 4};
        int clippedSteps = 0;
        double shortest = Double.MAX_VALUE;
        double longest = 0;
        double offLine = 0;
        int reached = -1;
        System.out.println("chain(clip(norm=1), gd(lr=0.1)) from (3, 4):");
        for (int k = 0; k <= steps; k++) {
            double r = Math.hypot(x[0], x[1]);
            log10r[1][k] = Math.log10(Math.max(r, 1e-300));
            offLine = Math.max(offLine, Math.abs(4 * x[0] - 3 * x[1]) / 5); // distance from the line y = 4x / 3
            if (reached < 0 && r < 1e-8) reached = k;
            if (k == steps) break;
            StepInfo info = clipped.step(bowl, x);
            if (info.gradientNorm() > 1) {
                clippedSteps++;
                shortest = Math.min(shortest, info.stepLength());
                longest = Math.max(longest, info.stepLength());
            }
            if (k % 10 == 0 && k <= 60) {
                System.out.printf(Locale.ROOT, "  step %-3d r = %.6f  ||grad f|| = %9.4f  step length %.12f%n", k, r,
                        info.gradientNorm(), info.stepLength());
            }
        }
        System.out.printf(Locale.ROOT, "clipped steps (||grad f|| > 1): %d, step lengths from %.15f to %.15f%n",
                clippedSteps, shortest, longest);
        System.out.printf(Locale.ROOT, "largest distance from the line y = 4x/3: %.3e%n", offLine);
        System.out.printf(Locale.ROOT, "steps to r < 1e-8 with clipping: %d%n", reached);
        Files.createDirectories(folder);
        Path figure = folder.resolve("gradient-clipping.svg");
        Files.writeString(figure, LetsPlotFigures.linePlot(step, log10r, new String[] {"gd(lr=0.1)", "clip(norm=1), gd(lr=0.1)"}, "step",
                "log10 r (capped at 1e12)"));
        System.out.println("figure: " + figure);
    }
}
