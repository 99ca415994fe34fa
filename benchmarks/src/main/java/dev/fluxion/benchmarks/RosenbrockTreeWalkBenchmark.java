package dev.fluxion.benchmarks;

import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.dsl.expr.Point;
import java.util.ArrayList;
import java.util.List;
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
 * Rosenbrock's gradient by walking the expression tree on dual numbers, one walk per variable, as
 * {@code Expr.gradientAt} does. n = 1000 is left out: a million-node walk per call takes a large part of a second
 * and tells nothing the smaller sizes do not (the cost grows as n^2).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RosenbrockTreeWalkBenchmark {
    @Param({"2", "10", "100"})
    public int n;

    private Expr scalarBuilt;
    private Expr vectorBuilt;
    private Point scalarPoint;
    private Point vectorPoint;
    private List<String> scalarNames;
    private List<String> vectorNames;

    @Setup
    public void setUp() {
        double[] x = Rosenbrock.point(n, 42);
        scalarBuilt = Rosenbrock.scalarBuilt(n);
        scalarNames = Rosenbrock.scalarVariableNames(n);
        scalarPoint = Point.of(scalarNames, x);
        vectorBuilt = Rosenbrock.vectorBuilt(n);
        vectorNames = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            vectorNames.add("x[" + i + "]");
        }
        vectorPoint = Point.of("x", x);
    }

    @Benchmark
    public double[] scalarBuiltTreeWalkingDual() {
        return scalarBuilt.gradientAt(scalarPoint, scalarNames);
    }

    @Benchmark
    public double[] vectorBuiltTreeWalkingDual() {
        return vectorBuilt.gradientAt(vectorPoint, vectorNames);
    }
}
