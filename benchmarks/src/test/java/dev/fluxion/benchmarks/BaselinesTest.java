package dev.fluxion.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fluxion.dsl.tape.CompiledExpression;
import org.hipparchus.analysis.differentiation.DSFactory;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.hipparchus.analysis.differentiation.Gradient;
import org.junit.jupiter.api.Test;

/**
 * The benchmarks compare like with like: every hand-written, Hipparchus and finite-difference baseline computes
 * the same value and gradient (and Hessian) as the compiled expression, at the benchmarks' own points.
 */
class BaselinesTest {
    private static final double EXACT = 1e-12;
    private static final double DIFFERENCES = 1e-6;

    private static void assertClose(double expected, double actual, double relative, String what) {
        double scale = Math.max(1, Math.abs(expected));
        assertTrue(Math.abs(expected - actual) <= relative * scale,
                what + ": expected " + expected + " but was " + actual);
    }

    private static void assertClose(double[] expected, double[] actual, double relative, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            assertClose(expected[i], actual[i], relative, what + "[" + i + "]");
        }
    }

    /** Checks value and gradient of the analytic, Hipparchus and centered-difference baselines against f. */
    private static void checkGradients(CompiledExpression f, double[] x, double analyticValue, double[] analytic,
                                       Gradient hipparchus, String name) {
        double[] compiled = new double[x.length];
        double value = f.valueAndGradient(x, compiled);
        assertClose(value, f.value(x), EXACT, name + " value against valueAndGradient");
        assertClose(value, analyticValue, EXACT, name + " analytic value");
        assertClose(compiled, analytic, EXACT, name + " analytic gradient");
        assertClose(value, hipparchus.getValue(), EXACT, name + " Hipparchus value");
        assertClose(compiled, hipparchus.getGradient(), EXACT, name + " Hipparchus gradient");
        double[] differences = new double[x.length];
        double[] before = x.clone();
        CenteredDifferences.gradient(f, x, differences);
        // Rounding in f(x +- h) costs about eps |f| / h, which dominates for the long Rosenbrocks.
        for (int i = 0; i < x.length; i++) {
            double tolerance = DIFFERENCES * Math.max(1, Math.abs(compiled[i])) + 1e-9 * Math.abs(value);
            assertTrue(Math.abs(compiled[i] - differences[i]) <= tolerance,
                    name + " centered differences[" + i + "]: " + compiled[i] + " against " + differences[i]);
        }
        assertClose(before, x, 0, name + " point restored after differences");
    }

    private static Gradient[] variables(double[] x) {
        Gradient[] variables = new Gradient[x.length];
        for (int i = 0; i < x.length; i++) {
            variables[i] = Gradient.variable(x.length, i, x[i]);
        }
        return variables;
    }

    @Test
    void bealeBaselinesAgreeWithTheTape() {
        double[] x = Beale.point();
        double[] analytic = new double[2];
        double value = Beale.valueAndGradient(x, analytic);
        Gradient[] v = variables(x);
        checkGradients(Beale.expression().compile(Beale.VARIABLES), x, value, analytic, Beale.value(v[0], v[1]),
                "Beale");
    }

    @Test
    void rosenbrockBaselinesAgreeWithBothTapes() {
        // n = 1000 is left to the vector-built tape alone: compiling 1000 scalar terms takes seconds.
        for (int n : new int[] {2, 10, 100, 1000}) {
            double[] x = Rosenbrock.point(n, 42);
            double[] analytic = new double[n];
            double value = Rosenbrock.valueAndGradient(x, analytic);
            assertClose(value, Rosenbrock.value(x), EXACT, "Rosenbrock value by hand");
            Gradient hipparchus = Rosenbrock.value(variables(x));
            checkGradients(Rosenbrock.vectorBuilt(n).compile("x"), x, value, analytic, hipparchus,
                    "vector-built Rosenbrock n=" + n);
            if (n <= 100) {
                checkGradients(Rosenbrock.scalarBuilt(n).compile(Rosenbrock.scalarVariableNames(n)), x, value,
                        analytic, hipparchus, "scalar-built Rosenbrock n=" + n);
            }
        }
    }

    @Test
    void rosenbrockHessiansAgree() {
        int n = 20;
        double[] x = Rosenbrock.point(n, 42);
        double[][] analytic = new double[n][n];
        Rosenbrock.hessian(x, analytic);
        DSFactory factory = new DSFactory(n, 2);
        DerivativeStructure[] variables = new DerivativeStructure[n];
        for (int i = 0; i < n; i++) {
            variables[i] = factory.variable(i, x[i]);
        }
        DerivativeStructure f = Rosenbrock.value(variables);
        double[][] compiled = new double[n][n];
        Rosenbrock.vectorBuilt(n).compile("x").hessian(x, compiled);
        double[][] scalarCompiled = new double[n][n];
        Rosenbrock.scalarBuilt(n).compile(Rosenbrock.scalarVariableNames(n)).hessian(x, scalarCompiled);
        for (int i = 0; i < n; i++) {
            assertClose(compiled[i], analytic[i], EXACT, "analytic Hessian row " + i);
            assertClose(compiled[i], scalarCompiled[i], EXACT, "scalar-built Hessian row " + i);
            for (int j = 0; j < n; j++) {
                int[] orders = new int[n];
                orders[i]++;
                orders[j]++;
                assertClose(compiled[i][j], f.getPartialDerivative(orders), EXACT,
                        "DerivativeStructure H[" + i + "][" + j + "]");
            }
        }
    }

    @Test
    void logisticLossBaselinesAgreeWithTheTape() {
        LogisticLoss loss = LogisticLoss.seeded(1000, 20, 7);
        double[] w = loss.point(11);
        double[] analytic = new double[20];
        double value = loss.valueAndGradient(w, analytic);
        checkGradients(loss.expression().compile("w"), w, value, analytic, loss.value(variables(w)),
                "logistic loss");
    }

    @Test
    void softmaxCrossEntropyBaselinesAgreeWithTheTape() {
        SoftmaxCrossEntropy loss = SoftmaxCrossEntropy.seeded(10, 20, 5);
        double[] x = loss.point(13);
        double[] analytic = new double[20];
        double value = loss.valueAndGradient(x, analytic, new double[10]);
        checkGradients(loss.expression().compile("x"), x, value, analytic, loss.value(variables(x)),
                "softmax cross-entropy");
    }
}
