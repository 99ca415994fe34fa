package dev.fluxion.landscapes;

import dev.fluxion.dsl.Metric;
import dev.fluxion.dsl.Objective;
import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.dsl.expr.VectorExpr;
import dev.fluxion.dsl.tape.CompiledExpression;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;

/**
 * A test landscape: an expression (so its gradient and Hessian come from the dsl, exactly) with what is known
 * about it ({@link Facts}), and the geometry a study measures against those facts: the distance to the nearest
 * known minimizer, the value gap f(x) - f*, and the Hessian's eigenvalues with the second-order classification.
 * A landscape may also be given by code alone, an {@link Objective} with its facts ({@link #of(Facts, Objective)}):
 * values and gradients are then the code's, and it has no expression to differentiate or print.
 *
 * <p>Landscapes are immutable and safe to share between threads. Build one from a spec with
 * {@link LandscapeRegistry#create(String)}.
 */
public final class Landscape {
    private final Expr expression;
    private final List<String> variables;
    private final Facts facts;
    private final Dataset data;
    /** A {@link LandscapeObjective} for a landscape of an expression, the code's own for one of code. */
    private final Objective objective;
    /** The loss with the batch weights as variables after x; null for a full-batch landscape. */
    private final CompiledExpression weightedLoss;
    private final int batch;
    private final boolean withReplacement;
    private final Metric metric;

    private Landscape(Expr expression, List<String> variables, Facts facts, Dataset data, Objective objective,
                      CompiledExpression weightedLoss, int batch, boolean withReplacement, Metric metric) {
        this.expression = expression;
        this.variables = variables;
        this.facts = facts;
        this.data = data;
        this.objective = objective;
        this.weightedLoss = weightedLoss;
        this.batch = batch;
        this.withReplacement = withReplacement;
        this.metric = metric;
    }

    /**
     * Starts a landscape for the given arguments (which name it and give its canonical spec), the expression
     * and the order of its variables (a vector variable of length m takes m consecutive slots).
     */
    public static Builder builder(Arguments arguments, Expr expression, List<String> variables) {
        return new Builder(arguments, expression, variables);
    }

    /**
     * A landscape given by code: {@code objective} gives f and its gradient (and its Hessian, if it has one), and
     * {@code facts} say what is known (the domain and start are required; a minimum, minimizers and constants where
     * known). Nothing symbolic is known of it: {@link #hasExpression()} is false. Runs of several threads share
     * {@code objective}, so it must be safe to call from several threads at once (a function of x alone is).
     *
     * @throws LandscapeException if the objective's dimension is not the facts'
     */
    public static Landscape of(Facts facts, Objective objective) {
        if (objective.dimension() != facts.dimension()) {
            throw new LandscapeException(facts.spec() + ": the objective has dimension " + objective.dimension()
                    + " but the facts have dimension " + facts.dimension());
        }
        return new Landscape(null, objective.variableNames(), facts, null, objective, null, 0, false,
                objective.metric().orElse(null));
    }

    /** Whether f is an expression ({@link #expression()}); false for a landscape given by code ({@link #of}). */
    public boolean hasExpression() {
        return expression != null;
    }

    /** The registry name, such as {@code rosenbrock}. */
    public String name() {
        return facts.name();
    }

    /** The canonical spec, every parameter written out; building it again gives the same landscape. */
    public String spec() {
        return facts.spec();
    }

    /**
     * The expression f.
     *
     * @throws LandscapeException for a landscape given by code, which has none (see {@link #hasExpression()})
     */
    public Expr expression() {
        if (expression == null) {
            throw new LandscapeException(spec() + " is given by code (an Objective), not by an expression");
        }
        return expression;
    }

    /** The variable order the expression was compiled for (vector variables by name). */
    public List<String> variables() {
        return variables;
    }

    /** The number of variables n. */
    public int dimension() {
        return facts.dimension();
    }

    /** What is known about it. */
    public Facts facts() {
        return facts;
    }

    /** The seeded synthetic data of a statistical or ML landscape, if it has any. */
    public Optional<Dataset> data() {
        return Optional.ofNullable(data);
    }

    /**
     * f as an {@link Objective}: values, gradients and exact Hessians from the compiled expression, with the
     * metric, L and mu filled in where known.
     */
    public Objective objective() {
        return objective;
    }

    /**
     * f as an {@link Objective} for one thread at a time, such as one optimizer run: the same numbers as
     * {@link #objective()}, from scratch arrays of its own rather than each thread's (see
     * {@link dev.fluxion.dsl.tape.CompiledExpression#confined()}). Cheap to make; make one per task. Not safe to call
     * from several threads at once, unlike {@link #objective()}.
     */
    public Objective confinedObjective() {
        // code has no scratch arrays of ours to separate: the code's objective is shared (see of)
        return objective instanceof LandscapeObjective compiled ? compiled.confined() : objective;
    }

    /**
     * Whether a run sees this landscape through minibatches ({@code batch=B} with B less than the data set's size):
     * then {@link #objectiveForRun(long)} is a {@link MinibatchObjective}.
     */
    public boolean isMinibatched() {
        return weightedLoss != null;
    }

    /** The minibatch size B, or 0 for the full batch. */
    public int batch() {
        return isMinibatched() ? batch : 0;
    }

    /**
     * The objective one run optimizes, for one thread at a time: {@link #confinedObjective()} for a full-batch
     * landscape, and otherwise a {@link MinibatchObjective} whose t-th gradient is that of minibatch t drawn by
     * {@link MinibatchSchedule} from {@code seed} (the run's seed), shuffled or with replacement as the spec's
     * {@code sampling} says. Its values are the batches'; the progress a
     * study reports (final gap, targets) is measured on {@link #objective()}, the full objective.
     */
    public Objective objectiveForRun(long seed) {
        return isMinibatched() ? minibatchObjective(seed, 0) : confinedObjective();
    }

    /**
     * The minibatch objective of a run with {@code seed} that has already made {@code gradientEvaluations} gradient
     * evaluations, so a restored run continues with the batches an uninterrupted one would draw.
     *
     * @throws LandscapeException if this landscape is not minibatched, or the count is negative
     */
    public MinibatchObjective minibatchObjective(long seed, long gradientEvaluations) {
        if (!isMinibatched()) {
            throw new LandscapeException(spec() + " has no minibatches (give it batch=B, 1 <= B < samples)");
        }
        if (gradientEvaluations < 0) {
            throw new LandscapeException("a run cannot have made " + gradientEvaluations + " gradient evaluations");
        }
        return new MinibatchObjective(spec(), weightedLoss.confined(), dimension(),
                new MinibatchSchedule(seed, data.size(), batch, withReplacement), metric, gradientEvaluations);
    }

    /** f(x). */
    public double value(double[] x) {
        return objective.value(x);
    }

    /**
     * The value gap f(x) - f*.
     *
     * @throws LandscapeException if the minimum is not known, or x has the wrong dimension
     */
    public double valueGap(double[] x) {
        double minimum = facts.minimum().orElseThrow(() -> new LandscapeException(spec()
                + " has no known minimum, so the value gap f(x) - f* is undefined"));
        return objective.value(x) - minimum;
    }

    /**
     * The Euclidean distance from x to the nearest known global minimizer.
     *
     * @throws LandscapeException if no minimizer is known, or x has the wrong dimension
     */
    public double distanceToNearestMinimizer(double[] x) {
        objective.checkDimension(x);
        List<double[]> minimizers = facts.globalMinimizers();
        if (minimizers.isEmpty()) {
            throw new LandscapeException(spec() + " has no known minimizer to measure a distance to");
        }
        double nearest = Double.POSITIVE_INFINITY;
        for (double[] m : minimizers) {
            double sum = 0;
            for (int i = 0; i < x.length; i++) {
                sum += (x[i] - m[i]) * (x[i] - m[i]);
            }
            nearest = Math.min(nearest, Math.sqrt(sum));
        }
        return nearest;
    }

    /** The Hessian's eigenvalues at x (EJML) and the classification min / max / saddle / degenerate. */
    public HessianSpectrum hessianSpectrumAt(double[] x) {
        return HessianSpectrum.at(objective, x);
    }

    @Override
    public String toString() {
        return spec();
    }

    /** The name of the batch weights u, the variables after x in a minibatch's compiled loss. */
    private static final String BATCH_WEIGHTS = "batch_weights";

    /** Collects a landscape's facts; the expression is compiled first, so points can be refined and valued. */
    public static final class Builder {
        private final Arguments arguments;
        private final Expr expression;
        private final List<String> variables;
        private final CompiledExpression compiled;
        private String description = "";
        private Box domain;
        private OptionalDouble minimum = OptionalDouble.empty();
        private final List<double[]> minimizers = new ArrayList<>();
        private final List<CriticalPoint> criticalPoints = new ArrayList<>();
        private OptionalDouble smoothness = OptionalDouble.empty();
        private OptionalDouble strongConvexity = OptionalDouble.empty();
        private double[] start;
        private final Set<Tag> tags = EnumSet.noneOf(Tag.class);
        private final List<String> sources = new ArrayList<>();
        private Metric metric;
        private Dataset data;
        private Function<SampleMean, Expr> loss;
        private int batch;
        private boolean withReplacement;

        private Builder(Arguments arguments, Expr expression, List<String> variables) {
            this.arguments = arguments;
            this.expression = expression;
            this.variables = List.copyOf(variables);
            this.compiled = expression.compile(this.variables);
        }

        /** The compiled expression, for computing facts (values, refinements) while building. */
        public Objective objective() {
            return compiled;
        }

        /** The number of variables. */
        public int dimension() {
            return compiled.dimension();
        }

        /** One line on what it is. */
        public Builder description(String text) {
            this.description = text;
            return this;
        }

        /** The search domain. */
        public Builder domain(Box box) {
            this.domain = box;
            return this;
        }

        /** The search domain [lower, upper]^n. */
        public Builder domain(double lower, double upper) {
            return domain(Box.cube(dimension(), lower, upper));
        }

        /** The global minimum value f* as the literature states it. */
        public Builder minimum(double value) {
            this.minimum = OptionalDouble.of(value);
            return this;
        }

        /** Global minimizers at the coordinates given. */
        public Builder minimizers(double[]... points) {
            for (double[] p : points) {
                minimizers.add(p.clone());
            }
            return this;
        }

        /** A global minimizer found by Newton's method from a guess the literature gives to a few digits. */
        public Builder minimizerNear(double... guess) {
            minimizers.add(NewtonRefinement.refine(compiled, guess));
            return this;
        }

        /** A critical point of the stated kind at the coordinates given; its value is f there. */
        public Builder criticalPoint(Curvature curvature, double... location) {
            criticalPoints.add(new CriticalPoint(location, compiled.value(location), curvature));
            return this;
        }

        /** A critical point of the stated kind found by Newton's method from a guess. */
        public Builder criticalPointNear(Curvature curvature, double... guess) {
            return criticalPoint(curvature, NewtonRefinement.refine(compiled, guess));
        }

        /** The smoothness constant L. */
        public Builder smoothness(double lipschitz) {
            this.smoothness = OptionalDouble.of(lipschitz);
            return this;
        }

        /** The strong-convexity constant mu. */
        public Builder strongConvexity(double mu) {
            this.strongConvexity = OptionalDouble.of(mu);
            return this;
        }

        /** The default start. */
        public Builder start(double... x) {
            this.start = x.clone();
            return this;
        }

        /** Tags. */
        public Builder tags(Tag... more) {
            tags.addAll(Arrays.asList(more));
            return this;
        }

        /** References the facts come from. */
        public Builder sources(String... references) {
            sources.addAll(Arrays.asList(references));
            return this;
        }

        /** A metric, such as the Fisher information. */
        public Builder metric(Metric m) {
            this.metric = m;
            return this;
        }

        /** The seeded data behind the loss. */
        public Builder data(Dataset dataset) {
            this.data = dataset;
            return this;
        }

        /**
         * Makes the landscape a data landscape that a run may see through minibatches of {@code batch} samples
         * (0, or the data set's size, is the full batch: nothing changes). {@code loss} writes the loss with a
         * {@link SampleMean}: given {@link SampleMean#FULL} it must give the landscape's expression, and the
         * minibatch objective is the same formula with the batch's weighted mean. The data must be given first.
         *
         * @throws LandscapeException if {@code batch} is larger than the data set, naming both
         */
        public Builder minibatches(int batch, Function<SampleMean, Expr> loss) {
            if (data == null) {
                throw new LandscapeException(arguments.spec() + ": give the data before the minibatches");
            }
            if (batch < 0 || batch > data.size()) {
                throw new LandscapeException(arguments.spec() + ": batch = " + batch + " is larger than the data set's "
                        + data.size() + " samples; batch must be in 1.." + data.size() + ", or 0 for the full batch");
            }
            this.loss = loss;
            this.batch = batch;
            Object sampling = arguments.asMap().get(MinibatchSchedule.SAMPLING.name());
            this.withReplacement = "replacement".equals(sampling);
            return this;
        }

        /** The landscape; the domain and the start are required. */
        public Landscape build() {
            if (domain == null || start == null) {
                throw new LandscapeException(arguments.spec() + ": a landscape needs a domain and a start");
            }
            if (!minimizers.isEmpty() && minimum.isEmpty()) {
                minimum = OptionalDouble.of(compiled.value(minimizers.get(0)));
            }
            if (dimension() == 1) {
                tags.add(Tag.ONE_DIMENSIONAL); // a fact of the dimension: scalable landscapes at dim=1 have it too
            }
            Facts facts = new Facts(arguments.landscape(), arguments.spec(), description, dimension(), domain, minimum,
                    minimizers, criticalPoints, smoothness, strongConvexity, start, tags, sources);
            LandscapeObjective objective = new LandscapeObjective(arguments.spec(), compiled, metric, smoothness,
                    strongConvexity, minimum);
            CompiledExpression weightedLoss = null;
            if (loss != null && batch > 0 && batch < data.size()) {
                VectorExpr weights = VectorExpr.variable(BATCH_WEIGHTS, data.size());
                List<String> withWeights = new ArrayList<>(variables);
                withWeights.add(BATCH_WEIGHTS);
                weightedLoss = loss.apply(perSample -> perSample.dot(weights)).compile(withWeights);
            }
            return new Landscape(expression, variables, facts, data, objective, weightedLoss, batch, withReplacement,
                    metric);
        }
    }
}
