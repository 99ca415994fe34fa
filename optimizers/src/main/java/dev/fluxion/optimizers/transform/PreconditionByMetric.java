package dev.fluxion.optimizers.transform;

import dev.fluxion.dsl.spec.Range;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.OptimizerException;
import dev.fluxion.optimizers.Signature;
import dev.fluxion.optimizers.StepContext;
import dev.fluxion.optimizers.Transform;
import dev.fluxion.optimizers.TransformState;
import java.util.List;

/**
 * Natural-gradient preconditioning, {@code preconditionByMetric(...)} (Amari, "Natural Gradient Works Efficiently in Learning", Neural
 * Computation 10, 1998): d &lt;- (G(x) + lambda I)^-1 d, where G is the objective's {@link dev.fluxion.dsl.Metric} (such as the
 * Fisher information). Follow it with the learning rate.
 *
 * <p>When the objective has no metric, {@code fallback} decides: {@code hessian} uses the Hessian (Newton's
 * direction; it must be positive definite), {@code identity} uses I (plain gradient), and {@code none} (the
 * default) is an error that names the two choices.
 *
 * @param damping  lambda &gt;= 0, added to the diagonal (Tikhonov damping)
 * @param fallback {@code none}, {@code hessian} or {@code identity}
 */
public record PreconditionByMetric(double damping, String fallback) implements Transform {
    /** The name in specs. */
    public static final String NAME = "preconditionByMetric";
    /** The hyperparameters, in the order of the components and of specs. */
    public static final List<Hyperparameter> HYPERPARAMETERS = List.of(
            Hyperparameter.real("damping", 0, Range.NON_NEGATIVE, "added to the metric's diagonal"),
            Hyperparameter.choice("fallback", "none", List.of("none", "hessian", "identity"),
                    "metric when the objective has none: none (an error), hessian, identity"));
    /** The name, description and hyperparameters specs know it by. */
    public static final Signature<PreconditionByMetric> SIGNATURE = new Signature<>(
            PreconditionByMetric.class, NAME, HYPERPARAMETERS,
            "d <- (G + damping I)^-1 d with G the objective's metric, the natural gradient's direction (Amari "
            + "1998)");
    /** The natural-gradient direction with every default. */
    public static final PreconditionByMetric DEFAULT = SIGNATURE.defaults();

    /** Checks every value against its hyperparameter. */
    public PreconditionByMetric {
        Hyperparameter.check(NAME, HYPERPARAMETERS, damping, fallback);
    }

    /** This direction with lambda = {@code damping} added to the metric's diagonal. */
    public PreconditionByMetric damping(double damping) {
        return new PreconditionByMetric(damping, fallback);
    }

    /** This direction with the metric {@code none}, {@code hessian} or {@code identity} when the objective has none. */
    public PreconditionByMetric fallback(String fallback) {
        return new PreconditionByMetric(damping, fallback);
    }

    @Override
    public TransformState init(int dimension) {
        return new TransformState() {
            private final double[][] metric = new double[dimension][dimension];
            private final double[] solution = new double[dimension];
            private final PositiveDefiniteSolver solver = new PositiveDefiniteSolver(dimension);

            @Override
            public void update(double[] direction, StepContext context) {
                boolean own = context.hasMetric();
                if (own) {
                    context.metric(context.point(), metric);
                } else {
                    fallbackMetric(context);
                }
                if (!solver.solve(metric, damping, direction, solution)) {
                    throw OptimizerException.atStep("natural gradient: the metric (" + (own ? "the objective's"
                            : fallback) + ") plus damping = " + damping + " is not positive definite at step "
                            + context.step() + "; raise damping", context.step(), -1);
                }
                System.arraycopy(solution, 0, direction, 0, dimension);
            }

            private void fallbackMetric(StepContext context) {
                switch (fallback) {
                    case "hessian" -> {
                        if (!context.hasHessian()) {
                            throw new OptimizerException("natural gradient: the objective has neither a metric nor a"
                                    + " Hessian; use natural(fallback=identity)");
                        }
                        context.hessian(context.point(), metric);
                    }
                    case "identity" -> {
                        for (int i = 0; i < dimension; i++) {
                            java.util.Arrays.fill(metric[i], 0);
                            metric[i][i] = 1;
                        }
                    }
                    default -> throw new OptimizerException("natural gradient: the objective has no metric"
                            + " (Objective.metric() is empty) and fallback = " + fallback + "; choose"
                            + " natural(fallback=hessian) or natural(fallback=identity), or give the objective a metric");
                }
            }
        };
    }

    @Override
    public String spec() {
        return SIGNATURE.spec(this);
    }
}
