package {{package}};

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fluxion.dsl.Objective;
import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.optimizers.OptimizerRegistry;
import org.junit.jupiter.api.Test;

/** The steps of {@code {{name}}} on f(x, y) = x^2 + 4 y^2, worked out by hand. */
class {{Class}}Test {
    private static final Objective BOWL = Expr.parse("x^2 + 4*y^2").compile("x", "y");

    @Test
    void theServicesFileMakesItAPluginWhoseSpecParsesToTheTypedValue() {
        OptimizerRegistry registry = OptimizerRegistry.load({{Class}}Provider.class.getClassLoader());
        assertEquals({{Class}}.DEFAULT.lr(0.5), registry.parse("{{name}}(lr=0.5)"));
        assertEquals("{{name}}(lr=0.5)", registry.parse("{{name}}(lr=0.5)").spec());
    }

    @Test
    void aStepHasLengthLrAgainstTheGradient() {
        // at (3, 1) the gradient is (2x, 8y) = (6, 8), of norm 10: the step is -0.5 (0.6, 0.8) = (-0.3, -0.4)
        double[] x = {3, 1};
        {{Class}}.DEFAULT.lr(0.5).start(2).step(BOWL, x);
        assertArrayEquals(new double[] {2.7, 0.6}, x, 1e-15);
    }

    @Test
    void aZeroGradientTakesNoStep() {
        double[] x = {0, 0};
        {{Class}}.DEFAULT.start(2).step(BOWL, x);
        assertArrayEquals(new double[] {0, 0}, x);
    }
}
