package dev.fluxion.landscapes;

import dev.fluxion.dsl.Metric;
import dev.fluxion.dsl.Objective;
import dev.fluxion.dsl.tape.CompiledExpression;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A landscape's compiled expression as an {@link Objective}, with the capabilities its facts know: the metric
 * (such as a Fisher information), the smoothness constant L and the strong-convexity constant mu. Values,
 * gradients and Hessians come from the dsl's tape; a point of the wrong dimension is a
 * {@link LandscapeException} naming both dimensions.
 */
final class LandscapeObjective implements Objective {
    private final String spec;
    private final CompiledExpression compiled;
    private final Metric metric;
    private final OptionalDouble smoothness;
    private final OptionalDouble strongConvexity;
    private final OptionalDouble minimum;

    LandscapeObjective(String spec, CompiledExpression compiled, Metric metric, OptionalDouble smoothness,
                       OptionalDouble strongConvexity, OptionalDouble minimum) {
        this.spec = spec;
        this.compiled = compiled;
        this.metric = metric;
        this.smoothness = smoothness;
        this.strongConvexity = strongConvexity;
        this.minimum = minimum;
    }

    /**
     * The same objective for one thread at a time, with the compiled expression's scratch arrays of its own
     * ({@link CompiledExpression#confined()}).
     */
    LandscapeObjective confined() {
        return new LandscapeObjective(spec, compiled.confined(), metric, smoothness, strongConvexity, minimum);
    }

    @Override
    public int dimension() {
        return compiled.dimension();
    }

    @Override
    public List<String> variableNames() {
        return compiled.variableNames();
    }

    @Override
    public double value(double[] x) {
        checkDimension(x);
        return compiled.value(x);
    }

    @Override
    public double valueAndGradient(double[] x, double[] gradient) {
        checkDimension(x);
        if (gradient.length != dimension()) {
            throw new LandscapeException("the gradient array has length " + gradient.length + " but " + spec
                    + " has dimension " + dimension());
        }
        return compiled.valueAndGradient(x, gradient);
    }

    @Override
    public boolean hasHessian() {
        return true;
    }

    @Override
    public void hessian(double[] x, double[][] hessian) {
        checkDimension(x);
        compiled.hessian(x, hessian);
    }

    @Override
    public Optional<Metric> metric() {
        if (metric == null) {
            return Optional.empty();
        }
        return Optional.of((x, out) -> {
            checkDimension(x);
            metric.at(x, out);
        });
    }

    /** The landscape's known minimum f*, from its facts. */
    @Override
    public OptionalDouble minimum() {
        return minimum;
    }

    @Override
    public OptionalDouble smoothness() {
        return smoothness;
    }

    @Override
    public OptionalDouble strongConvexity() {
        return strongConvexity;
    }

    @Override
    public void checkDimension(double[] x) {
        if (x.length != dimension()) {
            throw new LandscapeException("a point of dimension " + x.length + " was given to " + spec
                    + ", which has dimension " + dimension() + " (variables " + variableNames() + ")");
        }
    }

    @Override
    public String toString() {
        return spec;
    }
}
