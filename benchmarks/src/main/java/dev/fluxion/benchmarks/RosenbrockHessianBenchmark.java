package dev.fluxion.benchmarks;

import dev.fluxion.dsl.tape.CompiledExpression;
import org.hipparchus.analysis.differentiation.DSFactory;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
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
 * The full Hessian of Rosenbrock with n = 20: compiled against Hipparchus {@code DerivativeStructure} of order 2 and
 * the hand-written tridiagonal Hessian. Scalar-built, the compiled Hessian is generated code (forward over reverse in
 * 3 directions, one per colour of the tridiagonal pattern); vector-built, and {@code interpreted()}, it is the
 * interpreter's (one Hessian-vector product per column). Also one Hessian-vector product, generated and interpreted.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RosenbrockHessianBenchmark {
    @Param({"20"})
    public int n;

    private CompiledExpression scalarBuilt;
    private CompiledExpression scalarBuiltInterpreted;
    private CompiledExpression vectorBuilt;
    private double[] direction;
    private double[] product;
    private DSFactory factory;
    private double[] x;
    private double[][] hessian;
    private DerivativeStructure[] variables;
    private int[] orders;

    @Setup
    public void setUp() {
        scalarBuilt = Rosenbrock.scalarBuilt(n).compile(Rosenbrock.scalarVariableNames(n));
        scalarBuiltInterpreted = scalarBuilt.interpreted();
        vectorBuilt = Rosenbrock.vectorBuilt(n).compile("x");
        direction = Rosenbrock.point(n, 7);
        product = new double[n];
        factory = new DSFactory(n, 2);
        x = Rosenbrock.point(n, 42);
        hessian = new double[n][n];
        variables = new DerivativeStructure[n];
        orders = new int[n];
    }

    @Benchmark
    public double[][] scalarBuiltCompiledHessian() {
        scalarBuilt.hessian(x, hessian);
        return hessian;
    }

    @Benchmark
    public double[][] scalarBuiltInterpretedHessian() {
        scalarBuiltInterpreted.hessian(x, hessian);
        return hessian;
    }

    @Benchmark
    public double[] scalarBuiltHessianVectorProduct() {
        scalarBuilt.hessianVectorProduct(x, direction, product);
        return product;
    }

    @Benchmark
    public double[] scalarBuiltInterpretedHessianVectorProduct() {
        scalarBuiltInterpreted.hessianVectorProduct(x, direction, product);
        return product;
    }

    @Benchmark
    public double[][] vectorBuiltCompiledHessian() {
        vectorBuilt.hessian(x, hessian);
        return hessian;
    }

    @Benchmark
    public double[][] analyticHessian() {
        Rosenbrock.hessian(x, hessian);
        return hessian;
    }

    /** Evaluates on order-2 derivative structures and reads the n(n+1)/2 second partials into the array. */
    @Benchmark
    public double[][] derivativeStructureHessian() {
        for (int i = 0; i < n; i++) {
            variables[i] = factory.variable(i, x[i]);
        }
        DerivativeStructure f = Rosenbrock.value(variables);
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                orders[i]++;
                orders[j]++;
                double entry = f.getPartialDerivative(orders);
                orders[i] = 0;
                orders[j] = 0;
                hessian[i][j] = entry;
                hessian[j][i] = entry;
            }
        }
        return hessian;
    }
}
