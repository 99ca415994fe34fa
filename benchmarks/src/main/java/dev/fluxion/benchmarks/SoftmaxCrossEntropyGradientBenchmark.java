package dev.fluxion.benchmarks;

import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.dsl.expr.Point;
import dev.fluxion.dsl.tape.CompiledExpression;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.analysis.differentiation.Gradient;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Softmax cross-entropy with K = 10 classes of a linear classifier (fixed seeded weights, d = 20 inputs), as a
 * function of the input, compiled from a vector expression, against the same baselines as the others.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SoftmaxCrossEntropyGradientBenchmark {
    private static final int CLASSES = 10;
    private static final int FEATURES = 20;

    private SoftmaxCrossEntropy loss;
    private Expr expression;
    private CompiledExpression compiled;
    private Point point;
    private List<String> names;
    private double[] x;
    private double[] gradient;
    private double[] logits;
    private Gradient[] variables;

    @Setup
    public void setUp() {
        loss = SoftmaxCrossEntropy.seeded(CLASSES, FEATURES, 5);
        expression = loss.expression();
        compiled = expression.compile("x");
        if (!compiled.isGenerated()) {
            // the ratio to the hand-written gradient is bounded for generated code (issue 19)
            throw new IllegalStateException("the loss is not on generated code: " + compiled);
        }
        x = loss.point(13);
        point = Point.of("x", x);
        names = new ArrayList<>();
        for (int j = 0; j < FEATURES; j++) {
            names.add("x[" + j + "]");
        }
        gradient = new double[FEATURES];
        logits = new double[CLASSES];
        variables = new Gradient[FEATURES];
    }

    @Benchmark
    public double compiledValue() {
        return compiled.value(x);
    }

    @Benchmark
    public double compiledValueAndGradient() {
        return compiled.valueAndGradient(x, gradient);
    }

    @Benchmark
    public double analyticValueAndGradient() {
        return loss.valueAndGradient(x, gradient, logits);
    }

    @Benchmark
    public Gradient hipparchusGradient() {
        for (int j = 0; j < FEATURES; j++) {
            variables[j] = Gradient.variable(FEATURES, j, x[j]);
        }
        return loss.value(variables);
    }

    @Benchmark
    public double centeredDifferences() {
        return CenteredDifferences.gradient(compiled, x, gradient);
    }

    @Benchmark
    public double[] treeWalkingDual() {
        return expression.gradientAt(point, names);
    }
}
