package dev.fluxion.benchmarks;

import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.dsl.expr.Point;
import dev.fluxion.dsl.tape.CompiledExpression;
import java.util.concurrent.TimeUnit;
import org.hipparchus.analysis.differentiation.Gradient;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Beale's function (2 variables): the compiled tape against the hand-written, Hipparchus and other baselines. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class BealeGradientBenchmark {
    private Expr expression;
    private CompiledExpression compiled;
    private Point point;
    private double[] x;
    private double[] gradient;

    @Setup
    public void setUp() {
        expression = Beale.expression();
        compiled = expression.compile(Beale.VARIABLES);
        x = Beale.point();
        point = Point.of(Beale.VARIABLES, x);
        gradient = new double[2];
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
        return Beale.valueAndGradient(x, gradient);
    }

    @Benchmark
    public Gradient hipparchusGradient() {
        return Beale.value(Gradient.variable(2, 0, x[0]), Gradient.variable(2, 1, x[1]));
    }

    @Benchmark
    public double centeredDifferences() {
        return CenteredDifferences.gradient(compiled, x, gradient);
    }

    @Benchmark
    public double[] treeWalkingDual() {
        return expression.gradientAt(point, Beale.VARIABLES);
    }
}
