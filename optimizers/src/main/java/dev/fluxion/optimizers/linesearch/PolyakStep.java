package dev.fluxion.optimizers.linesearch;

import dev.fluxion.dsl.spec.Range;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.Signature;
import dev.fluxion.optimizers.StepContext;
import dev.fluxion.optimizers.Transform;
import dev.fluxion.optimizers.TransformState;
import java.util.List;

/**
 * Polyak's step size (Polyak, "Introduction to Optimization", 1987, section 5.3; Hazan and Kakade, "Revisiting the
 * Polyak step size", 2019): the step along d at which the linear model of f reaches the optimal value f*,
 * <pre>
 *   alpha = scale (f(x) - f*) / (-g'd),    u = alpha d,
 * </pre>
 * which for d = -g is the classical alpha = (f - f*) / ||g||^2. It evaluates nothing. f* is the objective's known
 * minimum when it states one and {@code fromFacts} is true (a landscape's facts, {@link StepContext#minimum()}), and
 * {@code fStar} otherwise; f(x) &lt;= f* gives alpha = 0. If d is not a descent direction the step is along -g
 * ({@link SearchLine}).
 *
 * @param fStar f*, finite
 * @param scale a factor on the step, 1 for Polyak's own (Loizou et al., AISTATS 2021, take 1/2 in SPS)
 * @param fromFacts whether the objective's own known minimum, when it has one, comes before {@code fStar}
 */
public record PolyakStep(double fStar, double scale, boolean fromFacts) implements Transform {
    /** The name in specs. */
    public static final String NAME = "polyak";
    /** The hyperparameters, in the order of the components and of specs. */
    public static final List<Hyperparameter> HYPERPARAMETERS = List.of(
            Hyperparameter.real("fStar", 0, new Range(Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY,
                    false), "the optimal value f* (a landscape's known minimum)"),
            Hyperparameter.real("scale", 1, Range.POSITIVE, "a factor on the step; 1 is Polyak's"),
            Hyperparameter.bool("fromFacts", true, "true: f* is the objective's known minimum when it states one"
                    + " (a landscape's facts), else fStar; false: always fStar"));
    /** The name, description and hyperparameters specs know it by. */
    public static final Signature<PolyakStep> SIGNATURE = new Signature<>(PolyakStep.class, NAME, HYPERPARAMETERS,
            "Polyak's step size along the incoming direction (-g if it is not a descent direction),"
            + " a = scale (f - f*) / (-g'd), no evaluations (Polyak 1987, section 5.3)");
    /** Polyak's step with every default: f* from the objective's facts, else 0; scale 1. */
    public static final PolyakStep DEFAULT = SIGNATURE.defaults();

    /** Checks every value against its hyperparameter. */
    public PolyakStep {
        Hyperparameter.check(NAME, HYPERPARAMETERS, fStar, scale, fromFacts);
    }

    /** This step with the optimal value f*. */
    public PolyakStep fStar(double fStar) {
        return new PolyakStep(fStar, scale, fromFacts);
    }

    /** This step with the factor {@code scale}. */
    public PolyakStep scale(double scale) {
        return new PolyakStep(fStar, scale, fromFacts);
    }

    /** This step taking f* from the objective's facts when they state it, or always from {@code fStar}. */
    public PolyakStep fromFacts(boolean fromFacts) {
        return new PolyakStep(fStar, scale, fromFacts);
    }

    @Override
    public TransformState init(int dimension) {
        return new TransformState() {
            // no evaluations: the budget is never touched
            private final SearchLine line = new SearchLine(NAME, 1, dimension);

            @Override
            public void update(double[] direction, StepContext context) {
                if (!line.start(direction, context)) {
                    return;
                }
                java.util.OptionalDouble known = fromFacts ? context.minimum() : java.util.OptionalDouble.empty();
                double gap = line.value0() - (known.isPresent() ? known.getAsDouble() : fStar);
                line.handOn(gap > 0 ? scale * gap / -line.slope0() : 0);
            }
        };
    }

    @Override
    public String spec() {
        return SIGNATURE.spec(this);
    }
}
