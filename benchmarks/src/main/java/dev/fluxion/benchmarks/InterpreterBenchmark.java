package dev.fluxion.benchmarks;

import dev.fluxion.dsl.tape.CompiledExpression;
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
 * The tape interpreter on its own ({@code interpreted()}): value, value and gradient, and one Hessian-vector product
 * of scalar-built Rosenbrock, whose scalar nodes are the arithmetic the rule table ({@code Rules}) states. The rows
 * that watch the interpreter's hot loops, which the generated code otherwise hides.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class InterpreterBenchmark {
    @Param({"100"})
    public int n;

    private CompiledExpression interpreted;
    private double[] x;
    private double[] direction;
    private double[] gradient;
    private double[] product;

    @Setup
    public void setUp() {
        interpreted = Rosenbrock.scalarBuilt(n).compile(Rosenbrock.scalarVariableNames(n)).interpreted();
        x = Rosenbrock.point(n, 42);
        direction = Rosenbrock.point(n, 7);
        gradient = new double[n];
        product = new double[n];
    }

    @Benchmark
    public double interpretedValue() {
        return interpreted.value(x);
    }

    @Benchmark
    public double interpretedValueAndGradient() {
        return interpreted.valueAndGradient(x, gradient);
    }

    @Benchmark
    public double[] interpretedHessianVectorProduct() {
        interpreted.hessianVectorProduct(x, direction, product);
        return product;
    }
}
