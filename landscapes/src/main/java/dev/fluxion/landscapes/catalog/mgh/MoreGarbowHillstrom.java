package dev.fluxion.landscapes.catalog.mgh;

import dev.fluxion.dsl.expr.VectorExpr;
import dev.fluxion.dsl.expr.VectorVariable;
import dev.fluxion.dsl.spec.SpecNode;
import dev.fluxion.landscapes.Arguments;
import dev.fluxion.landscapes.Box;
import dev.fluxion.landscapes.Landscape;
import dev.fluxion.landscapes.LandscapeException;
import dev.fluxion.landscapes.LandscapeProvider;
import dev.fluxion.landscapes.Parameter;
import dev.fluxion.landscapes.Tag;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The 35 problems of Moré, Garbow and Hillstrom (1981), {@code mgh(problem=NAME, n=N, m=M, scale=S)}: each a sum of
 * squares f(x) = sum_{i=1}^m f_i(x)^2 built as a dsl expression (so its gradient and Hessian are exact), with the
 * paper's standard start x0 and what is known of its minimum.
 *
 * <p>Parameters: {@code problem}, the paper's name in lower case with dashes (numbered as in the paper: 1
 * {@code rosenbrock}, 2 {@code freudenstein-roth}, ..., 35 {@code chebyquad}); {@code n} and {@code m}, where the
 * paper lets them vary, 0 (the default) taking the problem's standard size and any size the paper does not allow
 * being refused with a message that says what it allows; {@code scale}, the factor of the start, 1, 10 or 100 in the
 * paper and in MINPACK's tests. Where x0 = 0 (Watson's function) the scaled start is scale (1, ..., 1), as in
 * MINPACK's drivers, since scaling zero would change nothing. A scale or size at which f overflows at the start is
 * refused (Jennrich and Sampson's e^{10 x} at 100 x0, Penalty II's e^{i/10} from about n = 3600 on).
 *
 * <p>Facts: the minimum f* and minimizers where the paper (or the sources each problem cites) gives them; where only
 * digits are published, the minimizer is pinned down by Newton's method from them and f* is f there, which the tests
 * check against the published digits. Tags: {@link Tag#ZERO_RESIDUAL} where f* = 0; {@link Tag#ILL_CONDITIONED}
 * where the Hessian's condition number at the (first listed) minimizer is 1000 or more, or infinite (a singular
 * Hessian); {@link Tag#BADLY_SCALED} where its diagonal there, over the variables that enter f, spans more than six
 * orders of magnitude. Where no minimizer is known at a size, the tags are those the problem has at its published
 * sizes.
 *
 * <p>Domain: the paper gives none, so the domain here is the box spanned by the start and the known minimizers,
 * widened on each side by half the largest of the box's width, its coordinates' magnitudes and 1, but never across 0
 * where the span does not reach it (a positive coordinate stops at half its least value): denominators such as Meyer's
 * t_i + x_3 keep their sign. Where Newton's method carries a minimizer out of that box (a root found from the distant
 * standard start), the box is spanned again with the minimizer found. It is a box to draw starts from, not a region
 * where f is tame.
 */
public final class MoreGarbowHillstrom implements LandscapeProvider {
    private static final List<Problem> PROBLEMS = List.of(new Rosenbrock(), new FreudensteinRoth(),
            new PowellBadlyScaled(), new BrownBadlyScaled(), new Beale(), new JennrichSampson(), new HelicalValley(),
            new Bard(), new Gaussian(), new Meyer(), new Gulf(), new Box3d(), new PowellSingular(), new Wood(),
            new KowalikOsborne(), new BrownDennis(), new Osborne1(), new BiggsExp6(), new Osborne2(), new Watson(),
            new ExtendedRosenbrock(), new ExtendedPowell(), new Penalty1(), new Penalty2(), new VariablyDimensioned(),
            new Trigonometric(), new BrownAlmostLinear(), new DiscreteBoundaryValue(), new DiscreteIntegralEquation(),
            new BroydenTridiagonal(), new BroydenBanded(), new LinearFullRank(), new LinearRank1(),
            new LinearRank1Zero(), new Chebyquad());

    @Override
    public String name() {
        return "mgh";
    }

    @Override
    public String description() {
        return "the 35 Moré-Garbow-Hillstrom (1981) problems, f = sum f_i(x)^2, with standard starts and minima";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.choice("problem", "rosenbrock", PROBLEMS.stream().map(Problem::name).toList(),
                        "the problem, named as in the paper and numbered 1 to 35 in this order"),
                Parameter.integer("n", 0, 0, SizeRule.LIMIT, "the number of variables where the problem lets it"
                        + " vary; 0 takes the problem's standard n"),
                Parameter.integer("m", 0, 0, SizeRule.M_LIMIT, "the number of residuals where the problem lets it"
                        + " vary; 0 takes the problem's standard m"),
                Parameter.real("scale", 1, 1e-3, 1e3, "the factor of the standard start x0 (1, 10 and 100 in the"
                        + " literature)"));
    }

    @Override
    public Landscape create(Arguments arguments) {
        Problem problem = PROBLEMS.stream().filter(p -> p.name().equals(arguments.text("problem"))).findFirst()
                .orElseThrow();
        Size size = problem.sizes().resolve(problem.name(), arguments.integer("n"), arguments.integer("m"));
        double scale = arguments.real("scale");
        Landscape landscape = assemble(problem, size, scale, null);
        List<double[]> minimizers = landscape.facts().globalMinimizers();
        if (minimizers.stream().allMatch(landscape.facts().domain()::contains)) {
            return landscape;
        }
        // Newton's method carried a minimizer out of the box its guess spanned (a root found from the distant
        // standard start, as for Broyden's functions): build again around the minimizers found
        return assemble(problem, size, scale, minimizers);
    }

    /**
     * The landscape of a problem at a size, with the problem's minimizers (pinned down where only digits are known)
     * or, when given, the minimizers already found.
     */
    private Landscape assemble(Problem problem, Size size, double scale, List<double[]> found) {
        VectorVariable x = VectorExpr.variable("x", size.n());
        Residuals residuals = problem.residuals(x, size);
        if (residuals.count() != size.m()) {
            throw new IllegalStateException(problem.name() + " built " + residuals.count() + " residuals for m = "
                    + size.m());
        }
        double[] start = scaled(problem.start(size), scale);
        Landscape.Builder builder = Landscape.builder(canonical(problem, size, scale), residuals.sumOfSquares(),
                        List.of("x"))
                .description("Moré-Garbow-Hillstrom problem " + problem.number() + ", " + problem.title() + " (n = "
                        + size.n() + ", m = " + size.m() + ")")
                .start(start);
        if (!Double.isFinite(builder.objective().value(start))) {
            throw new LandscapeException(canonical(problem, size, scale).spec() + ": f is not finite at the start"
                    + " scale x0 (it overflows); take a smaller scale or size");
        }
        if (found == null) {
            List<double[]> exact = problem.minimizers(size);
            List<double[]> near = problem.minimizersNear(size);
            builder.domain(domain(start, Stream.concat(exact.stream(), near.stream()).toList()))
                    .minimizers(exact.toArray(double[][]::new));
            near.forEach(builder::minimizerNear);
        } else {
            builder.domain(domain(start, found)).minimizers(found.toArray(double[][]::new));
        }
        problem.minimum(size).ifPresent(builder::minimum);
        problem.criticalPointsNear(size).forEach(p -> builder.criticalPointNear(p.curvature(), p.guess()));
        List<String> sources = new ArrayList<>(List.of(References.MGH, References.ALGORITHM_566));
        sources.addAll(problem.sources());
        return builder.tags(problem.tags(size).toArray(Tag[]::new)).sources(sources.toArray(String[]::new)).build();
    }

    /** The arguments with the sizes written out, so the canonical spec says which n and m were built. */
    private Arguments canonical(Problem problem, Size size, double scale) {
        return Arguments.bind(this, new SpecNode.Call(name(), List.of(
                new SpecNode.Argument("problem", new SpecNode.Word(problem.name(), 1), 1),
                new SpecNode.Argument("n", new SpecNode.Number(size.n(), Integer.toString(size.n()), 1), 1),
                new SpecNode.Argument("m", new SpecNode.Number(size.m(), Integer.toString(size.m()), 1), 1),
                new SpecNode.Argument("scale", new SpecNode.Number(scale, Parameter.format(scale), 1), 1)), 1));
    }

    /** scale x0, or scale (1, ..., 1) where x0 = 0 and scale differs from 1. */
    private static double[] scaled(double[] x0, double scale) {
        if (scale != 1 && Arrays.stream(x0).allMatch(v -> v == 0)) {
            double[] start = new double[x0.length];
            Arrays.fill(start, scale);
            return start;
        }
        return Arrays.stream(x0).map(v -> scale * v).toArray();
    }

    /** The box spanned by the start and the minimizers, widened as the class comment says. */
    private static Box domain(double[] start, List<double[]> minimizers) {
        double[] lower = start.clone();
        double[] upper = start.clone();
        for (double[] p : minimizers) {
            for (int i = 0; i < p.length; i++) {
                lower[i] = Math.min(lower[i], p[i]);
                upper[i] = Math.max(upper[i], p[i]);
            }
        }
        for (int i = 0; i < start.length; i++) {
            double pad = Math.max(Math.max(upper[i] - lower[i], 1), Math.max(Math.abs(lower[i]), Math.abs(upper[i])))
                    / 2;
            double low = lower[i];
            double high = upper[i];
            lower[i] = low > 0 ? low / 2 : low - pad;
            upper[i] = high < 0 ? high / 2 : high + pad;
        }
        return new Box(lower, upper);
    }
}
