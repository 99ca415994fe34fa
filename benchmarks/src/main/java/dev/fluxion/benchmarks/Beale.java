package dev.fluxion.benchmarks;

import dev.fluxion.dsl.expr.Expr;
import java.util.List;
import org.hipparchus.CalculusFieldElement;

/**
 * Beale's function, f(x, y) = (1.5 - x + x y)^2 + (2.25 - x + x y^2)^2 + (2.625 - x + x y^3)^2, minimum 0 at
 * (3, 0.5): as a parsed expression, by hand, and for Hipparchus.
 *
 * <p>Reference: E. M. L. Beale, On an iterative method for finding a local minimum of a function of more than
 * one variable, Princeton University report 25 (1958).
 */
public final class Beale {
    /** The variable order of every benchmark: x, then y. */
    public static final List<String> VARIABLES = List.of("x", "y");

    private static final double[] CONSTANTS = {1.5, 2.25, 2.625};

    private Beale() {
    }

    /** f as an expression, parsed from its formula. */
    public static Expr expression() {
        return Expr.parse("(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2");
    }

    /** The fixed point of the benchmarks, away from the minimum so that no term vanishes. */
    public static double[] point() {
        return new double[] {1.2, 0.7};
    }

    /**
     * f and its gradient by hand. With t_k = c_k - x + x y^k (k = 1, 2, 3): df/dx = sum 2 t_k (y^k - 1),
     * df/dy = sum 2 t_k k x y^(k-1).
     */
    public static double valueAndGradient(double[] point, double[] gradient) {
        double x = point[0];
        double y = point[1];
        double f = 0;
        double dx = 0;
        double dy = 0;
        double yPowerBelow = 1;
        for (int k = 1; k <= 3; k++) {
            double yPower = yPowerBelow * y;
            double term = CONSTANTS[k - 1] - x + x * yPower;
            f += term * term;
            dx += 2 * term * (yPower - 1);
            dy += 2 * term * k * x * yPowerBelow;
            yPowerBelow = yPower;
        }
        gradient[0] = dx;
        gradient[1] = dy;
        return f;
    }

    /** f on any Hipparchus field of derivatives. */
    public static <T extends CalculusFieldElement<T>> T value(T x, T y) {
        T xy = x.multiply(y);
        T xy2 = xy.multiply(y);
        T xy3 = xy2.multiply(y);
        T first = xy.subtract(x).add(1.5);
        T second = xy2.subtract(x).add(2.25);
        T third = xy3.subtract(x).add(2.625);
        return first.square().add(second.square()).add(third.square());
    }
}
