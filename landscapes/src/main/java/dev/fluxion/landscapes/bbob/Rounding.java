package dev.fluxion.landscapes.bbob;

import dev.fluxion.dsl.function.UnaryFunction;
import dev.fluxion.dsl.number.Algebra;

/**
 * The roundings of the bbob functions, piecewise constant, so their derivative is 0 wherever it exists (everywhere
 * but at the jumps, where the convention is 0 as well): a function built on them has the slope of its other terms
 * only, and plateaus where those vanish.
 */
enum Rounding implements UnaryFunction {
    /** round(x) = floor(x + 1/2), the rounding of Katsuura's function (f23). */
    NEAREST("round") {
        @Override public double value(double x) { return Math.floor(x + 0.5); }
    },
    /**
     * The step ellipsoid's rounding (f7): round(x) where |x| &gt; 1/2, and round(10 x) / 10 where |x| &lt;= 1/2, so
     * steps of width 1 far out and of width 1/10 near 0.
     */
    STEP("stepRound") {
        @Override public double value(double x) {
            return Math.abs(x) > 0.5 ? Math.floor(x + 0.5) : Math.floor(10.0 * x + 0.5) / 10.0;
        }
    };

    private final String functionName;

    Rounding(String functionName) {
        this.functionName = functionName;
    }

    @Override
    public String symbol() {
        return functionName;
    }

    @Override
    public <T extends Algebra<T>> T derivative(T x) {
        return x.lift(0);
    }
}
