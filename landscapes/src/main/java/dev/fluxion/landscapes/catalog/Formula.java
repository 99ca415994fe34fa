package dev.fluxion.landscapes.catalog;

import dev.fluxion.dsl.DslException;
import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.landscapes.Arguments;
import dev.fluxion.landscapes.Landscape;
import dev.fluxion.landscapes.LandscapeException;
import dev.fluxion.landscapes.LandscapeProvider;
import dev.fluxion.landscapes.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Any formula the dsl parses, such as {@code formula("x^2 + 10*y^2")}, as a landscape over its variables in
 * sorted order, with an optional domain cube [lower, upper]^n, a known minimum value and known minimizers.
 *
 * <p>Parameters: {@code expression} (the formula, first, so it may be given positionally), {@code lower} and
 * {@code upper} (the domain cube), {@code minimum} (a number, or {@code unknown}), {@code minimizers}
 * (points separated by ';', coordinates by spaces or commas in the variables' sorted order, such as
 * {@code "0 0; 1 1"}, or {@code unknown}). The start is lower + 3/4 (upper - lower) in every coordinate.
 * A formula error names its column in the formula.
 */
public final class Formula implements LandscapeProvider {

    @Override
    public String name() {
        return "formula";
    }

    @Override
    public String description() {
        return "any parsed formula, with an optional domain, minimum and minimizers";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.text("expression", "x^2 + y^2", "the formula, in the dsl's syntax"),
                Parameter.real("lower", -5, -1e300, 1e300, "the lower end of the domain in every coordinate"),
                Parameter.real("upper", 5, -1e300, 1e300, "the upper end of the domain in every coordinate"),
                Parameter.text("minimum", "unknown", "the global minimum value, or unknown"),
                Parameter.text("minimizers", "unknown", "global minimizers as \"x y; x y\", or unknown"));
    }

    @Override
    public Landscape create(Arguments arguments) {
        String text = arguments.text("expression");
        Expr f;
        try {
            f = Expr.parse(text);
        } catch (DslException e) {
            throw new LandscapeException("formula: " + e.getMessage(), e.column());
        }
        List<String> variables = List.copyOf(f.variables());
        if (variables.isEmpty()) {
            throw new LandscapeException("formula: \"" + text + "\" has no variables to minimize over");
        }
        int n = variables.size();
        double lower = arguments.real("lower");
        double upper = arguments.real("upper");
        if (!(lower < upper)) {
            throw new LandscapeException("formula: the domain needs lower < upper, got lower = " + lower
                    + " and upper = " + upper);
        }
        double[] start = new double[n];
        Arrays.fill(start, lower + 0.75 * (upper - lower));
        Landscape.Builder builder = Landscape.builder(arguments, f, variables)
                .description("f(" + String.join(", ", variables) + ") = " + text)
                .domain(lower, upper)
                .start(start)
                .sources("user formula");
        String minimum = arguments.text("minimum").strip();
        if (!minimum.equals("unknown")) {
            try {
                builder.minimum(Double.parseDouble(minimum));
            } catch (NumberFormatException e) {
                throw new LandscapeException("formula: minimum must be a number or unknown, got '" + minimum + "'");
            }
        }
        String minimizers = arguments.text("minimizers").strip();
        if (!minimizers.equals("unknown")) {
            builder.minimizers(points(minimizers, variables).toArray(double[][]::new));
        }
        return builder.build();
    }

    private static List<double[]> points(String text, List<String> variables) {
        List<double[]> points = new ArrayList<>();
        for (String point : text.split(";")) {
            String[] coordinates = point.strip().split("[\\s,]+");
            if (coordinates.length != variables.size()) {
                throw new LandscapeException("formula: the minimizer '" + point.strip() + "' has dimension "
                        + coordinates.length + " but the formula has dimension " + variables.size() + " (variables "
                        + variables + ")");
            }
            double[] x = new double[coordinates.length];
            for (int i = 0; i < x.length; i++) {
                try {
                    x[i] = Double.parseDouble(coordinates[i]);
                } catch (NumberFormatException e) {
                    throw new LandscapeException("formula: the minimizer coordinate '" + coordinates[i]
                            + "' is not a number");
                }
            }
            points.add(x);
        }
        return points;
    }
}
