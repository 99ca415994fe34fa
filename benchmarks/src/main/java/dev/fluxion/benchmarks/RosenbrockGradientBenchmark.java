package dev.fluxion.benchmarks;

import dev.fluxion.dsl.tape.CompiledExpression;
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
 * Rosenbrock in n dimensions, compiled from scalar-built and from vector-built expressions, against the
 * hand-written gradient, Hipparchus {@code Gradient} and centered differences. The tree walks are in
 * {@link RosenbrockTreeWalkBenchmark}, which skips n = 1000.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RosenbrockGradientBenchmark {
    @Param({"2", "10", "100", "1000"})
    public int n;

    private CompiledExpression scalarBuilt;
    private CompiledExpression vectorBuilt;
    private double[] x;
    private double[] gradient;
    private Gradient[] variables;

    @Setup
    public void setUp() {
        scalarBuilt = Rosenbrock.scalarBuilt(n).compile(Rosenbrock.scalarVariableNames(n));
        vectorBuilt = Rosenbrock.vectorBuilt(n).compile("x");
        if (!scalarBuilt.isGenerated() || !vectorBuilt.isGenerated()) {
            // the ratios to the hand-written gradient are bounded for generated code, split past the method limit
            throw new IllegalStateException("Rosenbrock n = " + n + " is not on generated code");
        }
        x = Rosenbrock.point(n, 42);
        gradient = new double[n];
        variables = new Gradient[n];
    }

    @Benchmark
    public double scalarBuiltValue() {
        return scalarBuilt.value(x);
    }

    @Benchmark
    public double scalarBuiltValueAndGradient() {
        return scalarBuilt.valueAndGradient(x, gradient);
    }

    @Benchmark
    public double vectorBuiltValue() {
        return vectorBuilt.value(x);
    }

    @Benchmark
    public double vectorBuiltValueAndGradient() {
        return vectorBuilt.valueAndGradient(x, gradient);
    }

    @Benchmark
    public double analyticValueAndGradient() {
        return Rosenbrock.valueAndGradient(x, gradient);
    }

    /** Creating the n variables is part of the cost: Hipparchus gradients are immutable. */
    @Benchmark
    public Gradient hipparchusGradient() {
        for (int i = 0; i < n; i++) {
            variables[i] = Gradient.variable(n, i, x[i]);
        }
        return Rosenbrock.value(variables);
    }

    /** 2n calls of the compiled (vector-built) value. */
    @Benchmark
    public double centeredDifferences() {
        return CenteredDifferences.gradient(vectorBuilt, x, gradient);
    }
}
