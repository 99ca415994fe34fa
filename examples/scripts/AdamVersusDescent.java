import dev.fluxion.dsl.calculus.CriticalPoints;
import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.lab.api.Compare;
import dev.fluxion.lab.api.LandscapeFactories;
import dev.fluxion.lab.api.Starts;
import dev.fluxion.lab.report.Figures;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Adam against gradient descent on f(x) = (x - 3)^2 + 0.1 sin(5x) from x = 0, both at lr = 0.1: descent's step
 * lr f'(x) shrinks with the gradient, Adam's lr m / (sqrt v + eps) stays about lr long, so it overshoots.
 * Run: {@code fluxion script AdamVersusDescent.java OUTPUT_FOLDER}. Prints f* by {@link CriticalPoints}, the gaps,
 * the steps to f - f* &lt; 1e-8 and where the runs end, and writes {@code adam-versus-descent.svg}, the loss curves.
 */
public class AdamVersusDescent {
    public static void main(String[] args) {
        Expr f = Expr.parse("(x - 3)^2 + 0.1*sin(5*x)");
        CriticalPoints found = CriticalPoints.find(f, -1, 6);
        double best = found.minimum().value(), xStar = found.minimum().locations().get(0);
        System.out.printf(Locale.ROOT, "global minimum on [-1, 6]: f* = %.12f at x* = %.12f (%d critical points)%n",
                best, xStar, found.points().size());
        // f* left unknown to the runs, so that they go all 200 steps (rounding would end one at f - f* <= 0)
        var runs = Compare.builder().optimizers("gd(lr=0.1)", "adam(lr=0.1)").landscapes(LandscapeFactories.landscape(f, -1, 6))
                .starts(Starts.pointStart(0)).steps(200).traces("every:1").threads(1).run().getRuns();
        var gaps = runs.stream().map(run -> Arrays.stream(run.getTrace().getLoss()).map(value -> value - best).toArray()).toList();
        for (int k = 20; k <= 60; k += 20) System.out.printf(Locale.ROOT, "f - f* after %d steps: gd %.3e; adam %.3e%n", k,
                gaps.get(0)[k], gaps.get(1)[k]);
        int[] reached = gaps.stream().mapToInt(g -> IntStream.range(0, g.length).filter(k -> g[k] < 1e-8).findFirst().orElse(-1))
                .toArray();
        System.out.printf("steps to f - f* < 1e-8: gd %d, adam %d%n", reached[0], reached[1]);
        System.out.printf(Locale.ROOT, "final x: gd %.10f (step %d), adam %.10f%n", runs.get(0).getFinalPoint().get(0),
                runs.get(0).getSteps(), runs.get(1).getFinalPoint().get(0));
        var bowl = LandscapeFactories.landscape(f, -1, 6, best); // the loss curves measure f - f*
        System.out.println("figure: " + Figures.lossCurves(bowl, runs).save(Path.of(args[0], "adam-versus-descent.svg")));
    }
}
