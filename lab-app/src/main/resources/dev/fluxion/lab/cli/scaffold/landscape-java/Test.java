package {{package}};

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fluxion.landscapes.Landscape;
import dev.fluxion.landscapes.LandscapeRegistry;
import org.junit.jupiter.api.Test;

/** The values, gradients and facts of {@code {{name}}}, worked out by hand from its formula. */
class {{Class}}Test {

    private static Landscape landscape(String spec) {
        return LandscapeRegistry.load({{Class}}.class.getClassLoader()).create(spec);
    }

    @Test
    void theServicesFileMakesItAPlugin() {
        assertEquals("{{name}}(kappa=10)", landscape("{{name}}").spec());
    }

    @Test
    void valueAndGradientFollowTheFormula() {
        // at (0, 0): f = (0 - 1)^2 + 10 (0 - 2)^2 = 41, grad f = (2 (x - 1), 2 kappa (y - 2)) = (-2, -40)
        double[] gradient = new double[2];
        double value = landscape("{{name}}(kappa=10)").objective().valueAndGradient(new double[] {0, 0}, gradient);
        assertEquals(41, value, 1e-12);
        assertArrayEquals(new double[] {-2, -40}, gradient, 1e-12);
    }

    @Test
    void theMinimumIsZeroAtOneTwo() {
        Landscape bowl = landscape("{{name}}(kappa=100)");
        assertEquals(0, bowl.facts().minimum().getAsDouble());
        assertEquals(0, bowl.value(new double[] {1, 2}));
        assertEquals(0, bowl.valueGap(new double[] {1, 2}));
    }
}
