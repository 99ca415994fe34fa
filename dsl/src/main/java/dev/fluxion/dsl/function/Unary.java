package dev.fluxion.dsl.function;

import dev.fluxion.dsl.number.Algebra;

/**
 * The table of built-in one-argument functions: each states its value on doubles and, right beside it, its
 * derivative rule written with the operations of {@link Algebra}. Every face of the dsl (dual numbers,
 * hyper-duals, jets, complex step, symbolic derivative) takes its derivatives from this table.
 *
 * <p>Non-smooth functions take their slope at the kink from the convention of the evaluation ({@link Kinks}):
 * relu'(0) is heaviside(0), abs'(0) is sign(0). The table's own values are those of {@link Kinks#STANDARD}; under
 * another convention the functions that reach a kink are {@link Kinks#bind(UnaryFunction) bound} to it.
 */
public enum Unary implements UnaryFunction {
    /** -x. */
    NEG("-") {
        @Override public double value(double x) { return -x; }
        @Override public <T extends Algebra<T>> T derivative(T x) { return x.lift(-1); }
    },
    /** sqrt(x); (sqrt x)' = 1 / (2 sqrt x), a cusp at 0 whose slope is the convention's (0 by default). */
    SQRT("sqrt") {
        @Override public double value(double x) { return Math.sqrt(x); }
        @Override public <T extends Algebra<T>> T derivative(T x) { return x.sqrt().times(2).apply(CuspPower.of(-1)); }
    },
    /** The real cube root; (cbrt x)' = 1 / (3 cbrt(x)^2), a cusp at 0 whose slope is the convention's (0 by default). */
    CBRT("cbrt") {
        @Override public double value(double x) { return Math.cbrt(x); }
        @Override public <T extends Algebra<T>> T derivative(T x) { return x.cbrt().apply(CuspPower.of(-2)).div(3); }
    },
    /** e^x; (e^x)' = e^x. */
    EXP("exp") {
        @Override public double value(double x) { return Math.exp(x); }
        @Override public <T extends Algebra<T>> T derivative(T x) { return x.exp(); }
    },
    /** e^x - 1; its derivative is e^x. */
    EXPM1("expm1") {
        @Override public double value(double x) { return Math.expm1(x); }
        @Override public <T extends Algebra<T>> T derivative(T x) { return x.exp(); }
    },
    /**
     * ln x; (ln x)' = 1/x, written as a quotient: on dual numbers and jets the derivative of 1/w along a tangent
     * a is then -(a/w)/w rather than -a/w^2, which stays finite for a tiny w with a tiny a (log(exp(x)) at
     * x = -400), where w^2 would underflow.
     */
    LOG("log") {
        @Override public double value(double x) { return Math.log(x); }
        @Override public <T extends Algebra<T>> T derivative(T x) { return x.lift(1).div(x); }
    },
    /** ln(1 + x); its derivative is 1 / (1 + x), a quotient as for {@link #LOG}. */
    LOG1P("log1p") {
        @Override public double value(double x) { return Math.log1p(x); }
        @Override public <T extends Algebra<T>> T derivative(T x) { return x.lift(1).div(x.plus(1)); }
    },
    /** sin x; (sin x)' = cos x. */
    SIN("sin") {
        @Override public double value(double x) { return Math.sin(x); }
        @Override public <T extends Algebra<T>> T derivative(T x) { return x.cos(); }
    },
    /** cos x; (cos x)' = -sin x. */
    COS("cos") {
        @Override public double value(double x) { return Math.cos(x); }
        @Override public <T extends Algebra<T>> T derivative(T x) { return x.sin().unaryMinus(); }
    },
    /** tan x; (tan x)' = 1 + tan^2 x. */
    TAN("tan") {
        @Override public double value(double x) { return Math.tan(x); }
        @Override public <T extends Algebra<T>> T derivative(T x) { return x.tan().square().plus(1); }
    },
    /** arcsin x on [-1, 1]; its derivative is 1 / sqrt(1 - x^2). */
    ASIN("asin") {
        @Override public double value(double x) { return Math.asin(x); }
        @Override public <T extends Algebra<T>> T derivative(T x) {
            return x.lift(1).minus(x.square()).pow(-0.5);
        }
    },
    /** arccos x on [-1, 1]; its derivative is -1 / sqrt(1 - x^2). */
    ACOS("acos") {
        @Override public double value(double x) { return Math.acos(x); }
        @Override public <T extends Algebra<T>> T derivative(T x) {
            return x.lift(1).minus(x.square()).pow(-0.5).unaryMinus();
        }
    },
    /** arctan x; its derivative is 1 / (1 + x^2). */
    ATAN("atan") {
        @Override public double value(double x) { return Math.atan(x); }
        @Override public <T extends Algebra<T>> T derivative(T x) { return x.square().plus(1).pow(-1); }
    },
    /** sinh x; its derivative is cosh x. */
    SINH("sinh") {
        @Override public double value(double x) { return Math.sinh(x); }
        @Override public <T extends Algebra<T>> T derivative(T x) { return x.cosh(); }
    },
    /** cosh x; its derivative is sinh x. */
    COSH("cosh") {
        @Override public double value(double x) { return Math.cosh(x); }
        @Override public <T extends Algebra<T>> T derivative(T x) { return x.sinh(); }
    },
    /**
     * tanh x; its derivative is 1 - tanh^2 x = 1 / cosh^2 x = 4 sigmoid(2x) sigmoid(-2x), computed in the last
     * form: 1 - tanh^2 cancels for a large |x| (a relative error of 1e-8 at x = -10.21, and 0 for 1.7e-17 at
     * x = -20), 1 / cosh^2 overflows in its own derivative for |x| &gt; 710, while the sigmoids keep their
     * relative accuracy (and that of every higher derivative) at any x.
     */
    TANH("tanh") {
        @Override public double value(double x) { return Math.tanh(x); }
        @Override public <T extends Algebra<T>> T derivative(T x) {
            return x.times(2).sigmoid().times(x.times(-2).sigmoid()).times(4);
        }
    },
    /** asinh x = ln(x + sqrt(x^2 + 1)); its derivative is 1 / sqrt(x^2 + 1). */
    ASINH("asinh") {
        @Override public double value(double x) {
            double a = Math.abs(x);
            double result = a > 1e8 ? Math.log(a) + Math.log(2) : Math.log1p(a + a * a / (1 + Math.sqrt(1 + a * a)));
            return Math.copySign(result, x);
        }
        @Override public <T extends Algebra<T>> T derivative(T x) { return x.square().plus(1).pow(-0.5); }
    },
    /**
     * acosh x = ln(x + sqrt(x^2 - 1)) on [1, inf), computed as log1p(t + sqrt(t (t + 2))) with t = x - 1 (exact
     * for x &lt;= 2), which keeps its relative accuracy near 1 where acosh x ~ sqrt(2t); ln x + ln 2 above 1e8.
     * Its derivative is 1 / (sqrt(x - 1) sqrt(x + 1)), with no cancellation near 1.
     */
    ACOSH("acosh") {
        @Override public double value(double x) {
            if (!(x >= 1)) {
                return Double.NaN;
            }
            double t = x - 1;
            return x > 1e8 ? Math.log(x) + Math.log(2) : Math.log1p(t + Math.sqrt(t * (t + 2)));
        }
        @Override public <T extends Algebra<T>> T derivative(T x) {
            return x.minus(1).sqrt().times(x.plus(1).sqrt()).pow(-1);
        }
    },
    /** atanh x = ln((1 + x) / (1 - x)) / 2 on (-1, 1); its derivative is 1 / (1 - x^2). */
    ATANH("atanh") {
        @Override public double value(double x) { return 0.5 * (Math.log1p(x) - Math.log1p(-x)); }
        @Override public <T extends Algebra<T>> T derivative(T x) { return x.lift(1).minus(x.square()).pow(-1); }
    },
    /** |x|; its derivative is sign(x), so abs'(0) is the convention's sign(0). */
    ABS("abs") {
        @Override public double value(double x) { return Math.abs(x); }
        @Override public <T extends Algebra<T>> T derivative(T x) { return x.sign(); }
    },
    /** sign(x): -1, 1, and the convention's value at 0 (0 by default); its derivative is 0. */
    SIGN("sign") {
        @Override public double value(double x) { return Kinks.STANDARD.sign(x); }
        @Override public double value(double x, Kinks kinks) { return kinks.sign(x); }
        @Override public <T extends Algebra<T>> T derivative(T x) { return x.lift(0); }
    },
    /** The Heaviside step: 0 below 0, 1 above, the convention's value at 0; its derivative is 0. */
    HEAVISIDE("heaviside") {
        @Override public double value(double x) { return Kinks.STANDARD.heaviside(x); }
        @Override public double value(double x, Kinks kinks) { return kinks.heaviside(x); }
        @Override public <T extends Algebra<T>> T derivative(T x) { return x.lift(0); }
    },
    /** erf x; its derivative is (2 / sqrt(pi)) e^(-x^2). */
    ERF("erf") {
        @Override public double value(double x) { return ErrorFunction.erf(x); }
        @Override public <T extends Algebra<T>> T derivative(T x) {
            return x.square().unaryMinus().exp().times(2 / Math.sqrt(Math.PI));
        }
    },
    /** erfc x = 1 - erf x; its derivative is -(2 / sqrt(pi)) e^(-x^2). */
    ERFC("erfc") {
        @Override public double value(double x) { return ErrorFunction.erfc(x); }
        @Override public <T extends Algebra<T>> T derivative(T x) {
            return x.square().unaryMinus().exp().times(-2 / Math.sqrt(Math.PI));
        }
    },
    /** log Gamma(x) on (0, inf); its derivative is digamma(x). */
    LOG_GAMMA("logGamma") {
        @Override public double value(double x) { return GammaFunction.logGamma(x); }
        @Override public <T extends Algebra<T>> T derivative(T x) { return x.apply(new Polygamma(0)); }
    },
    /** sigmoid(x) = 1 / (1 + e^-x), without overflow; its derivative is sigmoid(x) sigmoid(-x). */
    SIGMOID("sigmoid") {
        @Override public double value(double x) {
            if (x >= 0) {
                return 1.0 / (1.0 + Math.exp(-x));
            }
            double e = Math.exp(x);
            return e / (1.0 + e);
        }
        @Override public <T extends Algebra<T>> T derivative(T x) { return x.sigmoid().times(x.unaryMinus().sigmoid()); }
    },
    /** log sigmoid(x) = -softplus(-x); its derivative is sigmoid(-x). */
    LOG_SIGMOID("logSigmoid") {
        @Override public double value(double x) { return -SOFTPLUS.value(-x); }
        @Override public <T extends Algebra<T>> T derivative(T x) { return x.unaryMinus().sigmoid(); }
    },
    /** softplus(x) = log(1 + e^x) = max(x, 0) + log1p(e^-|x|); its derivative is sigmoid(x). */
    SOFTPLUS("softplus") {
        @Override public double value(double x) { return Math.max(x, 0.0) + Math.log1p(Math.exp(-Math.abs(x))); }
        @Override public <T extends Algebra<T>> T derivative(T x) { return x.sigmoid(); }
    },
    /** relu(x) = max(x, 0); its derivative is heaviside(x), so relu'(0) follows the convention. */
    RELU("relu") {
        @Override public double value(double x) { return x > 0 ? x : x <= 0 ? 0.0 : x; }
        @Override public <T extends Algebra<T>> T derivative(T x) { return x.heaviside(); }
    },
    /** gelu(x) = x Phi(x) with Phi(x) = erfc(-x / sqrt 2) / 2; its derivative is Phi(x) + x phi(x). */
    GELU("gelu") {
        @Override public double value(double x) { return 0.5 * x * ErrorFunction.erfc(-x / Math.sqrt(2)); }
        @Override public <T extends Algebra<T>> T derivative(T x) {
            T cdf = x.times(-1 / Math.sqrt(2)).erfc().times(0.5);
            T density = x.square().times(-0.5).exp().times(1 / Math.sqrt(2 * Math.PI));
            return cdf.plus(x.times(density));
        }
    },
    /** silu(x) = x sigmoid(x), also called swish; its derivative is sigmoid(x) (1 + x sigmoid(-x)). */
    SILU("silu") {
        @Override public double value(double x) { return x * SIGMOID.value(x); }
        @Override public <T extends Algebra<T>> T derivative(T x) {
            return x.sigmoid().times(x.times(x.unaryMinus().sigmoid()).plus(1));
        }
    },
    /** mish(x) = x tanh(softplus(x)); its derivative is tanh(sp) + x sigmoid(x) (1 - tanh^2(sp)). */
    MISH("mish") {
        @Override public double value(double x) { return x * Math.tanh(SOFTPLUS.value(x)); }
        @Override public <T extends Algebra<T>> T derivative(T x) {
            T t = x.softplus().tanh();
            return t.plus(x.times(x.sigmoid()).times(x.lift(1).minus(t.square())));
        }
    };

    /** The functions whose value or rule (at some order) reaches a kink: sqrt and cbrt through the cusp power. */
    private static final java.util.Set<Unary> KINKED = java.util.EnumSet.of(SQRT, CBRT, ABS, SIGN, HEAVISIDE, RELU);

    private final String functionName;

    /** Itself where smooth at every order, otherwise bound to the convention. */
    @Override
    public UnaryFunction under(Kinks kinks) {
        return KINKED.contains(this) ? new KinkedUnary(this, kinks) : this;
    }

    Unary(String functionName) {
        this.functionName = functionName;
    }

    @Override
    public String symbol() {
        return functionName;
    }
}
