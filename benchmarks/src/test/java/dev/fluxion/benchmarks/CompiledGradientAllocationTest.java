package dev.fluxion.benchmarks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fluxion.dsl.tape.CompiledExpression;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * A compiled value-and-gradient call allocates nothing, counted exactly on the calling thread (JMH's
 * {@code gc.alloc.rate.norm} also charges the JVM's background allocation to slow calls, so on a loaded machine
 * it can read a few bytes per call for a tape that allocates none).
 */
class CompiledGradientAllocationTest {
    /** Calls per measurement, and as many before it: enough to see one object per call, few enough to be quick. */
    private static final int CALLS = 2_000;

    private static double bytesPerCall(CompiledExpression f, double[] x) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        double[] gradient = new double[x.length];
        double sink = 0;
        for (int i = 0; i < CALLS; i++) {
            sink += f.valueAndGradient(x, gradient);
        }
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        for (int i = 0; i < CALLS; i++) {
            sink += f.valueAndGradient(x, gradient);
        }
        long after = threads.getThreadAllocatedBytes(thread);
        assertTrue(Double.isFinite(sink));
        return (double) (after - before) / CALLS;
    }

    private static void assertNoAllocation(String name, CompiledExpression f, double[] x) {
        double bytes = bytesPerCall(f, x);
        assertTrue(bytes < 1, name + " allocates " + bytes + " bytes per value-and-gradient call");
    }

    @Test
    void generatedKernelsAllocateNothing() {
        CompiledExpression beale = Beale.expression().compile(Beale.VARIABLES);
        assertTrue(beale.isGenerated(), "Beale compiles to bytecode");
        assertNoAllocation("Beale, generated", beale, Beale.point());
        assertNoAllocation("Beale, interpreted", beale.interpreted(), Beale.point());
        CompiledExpression rosenbrock = Rosenbrock.vectorBuilt(1000).compile("x");
        assertTrue(rosenbrock.isGenerated(), "vector-built Rosenbrock compiles to one fused loop");
        assertNoAllocation("vector-built Rosenbrock n=1000, generated", rosenbrock, Rosenbrock.point(1000, 42));
        assertNoAllocation("vector-built Rosenbrock n=1000, interpreted", rosenbrock.interpreted(),
                Rosenbrock.point(1000, 42));
        CompiledExpression scalarBuilt = Rosenbrock.scalarBuilt(10).compile(Rosenbrock.scalarVariableNames(10));
        assertTrue(scalarBuilt.isGenerated(), "scalar-built Rosenbrock n=10 compiles to bytecode");
        assertNoAllocation("scalar-built Rosenbrock n=10, generated", scalarBuilt, Rosenbrock.point(10, 42));
    }

    @Test
    void compiledGradientsAllocateNothing() {
        assertNoAllocation("Beale", Beale.expression().compile(Beale.VARIABLES), Beale.point());
        assertNoAllocation("vector-built Rosenbrock n=100", Rosenbrock.vectorBuilt(100).compile("x"),
                Rosenbrock.point(100, 42));
        assertNoAllocation("scalar-built Rosenbrock n=100",
                Rosenbrock.scalarBuilt(100).compile(Rosenbrock.scalarVariableNames(100)), Rosenbrock.point(100, 42));
        LogisticLoss logistic = LogisticLoss.seeded(1000, 20, 7);
        assertNoAllocation("logistic loss", logistic.expression().compile("w"), logistic.point(11));
        SoftmaxCrossEntropy softmax = SoftmaxCrossEntropy.seeded(10, 20, 5);
        assertNoAllocation("softmax cross-entropy", softmax.expression().compile("x"), softmax.point(13));
    }
}
