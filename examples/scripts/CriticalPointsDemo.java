import dev.fluxion.dsl.calculus.CriticalPoint;
import dev.fluxion.dsl.calculus.CriticalPoints;
import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.dsl.expr.Point;
import dev.fluxion.lab.report.LetsPlotFigures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Critical points: where f'(x) = 0, classified by the second-derivative test (and higher ones when f'' = 0).
 * f(x) = x^4 - 4x^2 has f' = 4x(x^2 - 2): minima at -sqrt 2 and sqrt 2 (value -4) and a maximum at 0.
 * g(x) = x^3 - 3x has g' = 3(x^2 - 1): a maximum at -1 (value 2) and a minimum at 1 (value -2).
 * h(x) = x^3 has h'(0) = h''(0) = 0 and h'''(0) = 6: an inflection, neither minimum nor maximum.
 *
 * <p>Run: {@code fluxion script CriticalPointsDemo.java OUTPUT_FOLDER}. Prints each point with its value,
 * class and the test that decided, the global extrema on [-2.5, 2.5], and writes {@code critical-points.svg}.
 */
public class CriticalPointsDemo {
    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : ".");
        String[] formulas = {"x^4 - 4*x^2", "x^3 - 3*x", "x^3"};
        double a = -2.5;
        double b = 2.5;
        for (String formula : formulas) {
            CriticalPoints found = CriticalPoints.find(Expr.parse(formula), a, b);
            System.out.println("f(x) = " + formula + " on [" + a + ", " + b + "]:");
            for (CriticalPoint point : found.points()) {
                System.out.printf(Locale.ROOT, "  x = %+.12f  f = %+.12f  %s (by %s)%n", point.location(),
                        point.value(), point.classification(), point.decidedBy());
            }
            System.out.printf(Locale.ROOT, "  global minimum %.6f at %s, global maximum %.6f at %s%n",
                    found.minimum().value(), found.minimum().locations(), found.maximum().value(),
                    found.maximum().locations());
        }
        int points = 101;
        double[] grid = new double[points];
        double[][] values = new double[2][points];
        for (int i = 0; i < points; i++) {
            grid[i] = -2.5 + 5.0 * i / (points - 1);
            values[0][i] = Expr.parse(formulas[0]).valueAt(Point.of("x", grid[i]));
            values[1][i] = Expr.parse(formulas[1]).valueAt(Point.of("x", grid[i]));
        }
        Files.createDirectories(folder);
        Path figure = folder.resolve("critical-points.svg");
        Files.writeString(figure, LetsPlotFigures.linePlot(grid, values, new String[] {formulas[0], formulas[1]}, "x", "f(x)"));
        System.out.println("figure: " + figure);
    }
}
