package dev.fluxion.dsl.function;

import dev.fluxion.dsl.number.Algebra;

/**
 * The table of built-in two-argument functions, each with its value on doubles and its two partial
 * derivatives written with the operations of {@link Algebra}, shared by every face of the dsl.
 *
 * <p>max and min split the derivative at a tie by {@link Kinks#tieShare()}, through {@link #GREATER}.
 */
public enum Binary implements BinaryFunction {
    /** x + y. */
    ADD("+") {
        @Override public double value(double x, double y) { return x + y; }
        @Override public <T extends Algebra<T>> T partialFirst(T x, T y) { return x.lift(1); }
        @Override public <T extends Algebra<T>> T partialSecond(T x, T y) { return x.lift(1); }
    },
    /** x - y. */
    SUB("-") {
        @Override public double value(double x, double y) { return x - y; }
        @Override public <T extends Algebra<T>> T partialFirst(T x, T y) { return x.lift(1); }
        @Override public <T extends Algebra<T>> T partialSecond(T x, T y) { return x.lift(-1); }
    },
    /** x * y. */
    MUL("*") {
        @Override public double value(double x, double y) { return x * y; }
        @Override public <T extends Algebra<T>> T partialFirst(T x, T y) { return y; }
        @Override public <T extends Algebra<T>> T partialSecond(T x, T y) { return x; }
    },
    /** x / y; partials 1/y and -x/y^2. */
    DIV("/") {
        @Override public double value(double x, double y) { return x / y; }
        @Override public <T extends Algebra<T>> T partialFirst(T x, T y) { return y.pow(-1); }
        @Override public <T extends Algebra<T>> T partialSecond(T x, T y) { return x.div(y.square()).unaryMinus(); }
    },
    /** x^y for x &gt; 0; partials y x^(y-1) and x^y ln x. */
    POW("^") {
        @Override public double value(double x, double y) { return Math.pow(x, y); }
        @Override public <T extends Algebra<T>> T partialFirst(T x, T y) { return y.times(x.pow(y.minus(1))); }
        @Override public <T extends Algebra<T>> T partialSecond(T x, T y) { return x.pow(y).times(x.log()); }
    },
    /** log of x to base b: ln x / ln b; partials 1 / (x ln b) and -ln x / (b ln^2 b). */
    LOG_BASE("log") {
        @Override public double value(double x, double b) { return Math.log(x) / Math.log(b); }
        @Override public <T extends Algebra<T>> T partialFirst(T x, T b) { return x.times(b.log()).pow(-1); }
        @Override public <T extends Algebra<T>> T partialSecond(T x, T b) {
            return x.log().div(b.times(b.log().square())).unaryMinus();
        }
    },
    /** atan2(y, x), the angle of (x, y); partials x / (x^2 + y^2) by y and -y / (x^2 + y^2) by x. */
    ATAN2("atan2") {
        @Override public double value(double y, double x) { return Math.atan2(y, x); }
        @Override public <T extends Algebra<T>> T partialFirst(T y, T x) { return x.div(x.square().plus(y.square())); }
        @Override public <T extends Algebra<T>> T partialSecond(T y, T x) {
            return y.div(x.square().plus(y.square())).unaryMinus();
        }
    },
    /**
     * sqrt(x^2 + y^2) without overflow; partials x / hypot and y / hypot, with hypot^-1 a {@link CuspPower}, so that
     * at the origin, the cone's tip, both are 0 by the convention ({@link Kinks#cuspSlope()}), a subgradient.
     */
    HYPOT("hypot") {
        @Override public double value(double x, double y) { return Math.hypot(x, y); }
        @Override public <T extends Algebra<T>> T partialFirst(T x, T y) { return x.times(x.hypot(y).apply(CuspPower.of(-1))); }
        @Override public <T extends Algebra<T>> T partialSecond(T x, T y) { return y.times(x.hypot(y).apply(CuspPower.of(-1))); }
    },
    /** max(x, y); partials greater(x, y) and 1 - greater(x, y). */
    MAX("max") {
        @Override public double value(double x, double y) { return Math.max(x, y); }
        @Override public <T extends Algebra<T>> T partialFirst(T x, T y) { return x.apply(GREATER, y); }
        @Override public <T extends Algebra<T>> T partialSecond(T x, T y) { return x.lift(1).minus(x.apply(GREATER, y)); }
    },
    /** min(x, y); partials 1 - greater(x, y) and greater(x, y). */
    MIN("min") {
        @Override public double value(double x, double y) { return Math.min(x, y); }
        @Override public <T extends Algebra<T>> T partialFirst(T x, T y) { return x.lift(1).minus(x.apply(GREATER, y)); }
        @Override public <T extends Algebra<T>> T partialSecond(T x, T y) { return x.apply(GREATER, y); }
    },
    /** 1 where x &gt; y, 0 where x &lt; y, the convention's tie share where x = y; both partials are 0. */
    GREATER("greater") {
        @Override public double value(double x, double y) { return Kinks.STANDARD.greater(x, y); }
        @Override public double value(double x, double y, Kinks kinks) { return kinks.greater(x, y); }
        @Override public <T extends Algebra<T>> T partialFirst(T x, T y) { return x.lift(0); }
        @Override public <T extends Algebra<T>> T partialSecond(T x, T y) { return x.lift(0); }
    },
    /**
     * leakyRelu(x, alpha): x for x &gt; 0, alpha x otherwise. Partials alpha + (1 - alpha) heaviside(x) by x and
     * the negative part x (1 - heaviside(x)) = min(x, 0) by alpha.
     *
     * <p>At x = 0 both partials take the branch that h = heaviside(0) picks (the x &lt;= 0 branch under the
     * standard convention h = 0): the slope in x is h + (1 - h) alpha, and the slope in alpha is 0 with an
     * x-derivative of 1 - h, which is also the alpha-derivative of the slope in x. So the mixed second partials
     * agree, and every face (hyper-duals, jets, the tape's Hessian, either order of symbolic differentiation)
     * gives the same symmetric Hessian [[0, 1 - h], [1 - h, 0]] at x = 0.
     */
    LEAKY_RELU("leakyRelu") {
        @Override public double value(double x, double alpha) { return x > 0 ? x : alpha * x; }
        @Override public <T extends Algebra<T>> T partialFirst(T x, T alpha) {
            return alpha.plus(x.lift(1).minus(alpha).times(x.heaviside()));
        }
        @Override public <T extends Algebra<T>> T partialSecond(T x, T alpha) { return negativePart(x); }
    },
    /**
     * elu(x, alpha): x for x &gt; 0, alpha (e^x - 1) otherwise. Partials heaviside(x) + (1 - heaviside(x)) alpha
     * e^n(x) by x, and e^n(x) - 1 by alpha, with n(x) = x (1 - heaviside(x)) = min(x, 0) the negative part, so
     * that no e^x overflows for a large x.
     *
     * <p>At x = 0, with h = heaviside(0), the partials take the branch that h picks, as for {@link #LEAKY_RELU}:
     * elu'(0) = h + (1 - h) alpha, d/dalpha = 0, and both mixed second partials are 1 - h. The second derivative
     * in x is elu''(0) = alpha (1 - h)^2: alpha, the second derivative of the x &lt;= 0 branch, under the standard
     * convention h = 0, and 0 (the x &gt; 0 branch) when h = 1.
     */
    ELU("elu") {
        @Override public double value(double x, double alpha) { return x > 0 ? x : alpha * Math.expm1(x); }
        @Override public <T extends Algebra<T>> T partialFirst(T x, T alpha) {
            T step = x.heaviside();
            return step.plus(x.lift(1).minus(step).times(alpha).times(negativePart(x).exp()));
        }
        @Override public <T extends Algebra<T>> T partialSecond(T x, T alpha) { return negativePart(x).expm1(); }
    };

    /**
     * min(x, 0) written as x (1 - heaviside(x)), so that its slope at 0 is 1 - heaviside(0): the branch that the
     * slope of {@link #LEAKY_RELU} and {@link #ELU} in x takes there. (-relu(-x), the same values, would have
     * the slope heaviside(0) at 0, the other branch, and the Hessian would not be symmetric.) At x = +inf it is
     * NaN (inf times 0).
     */
    private static <T extends Algebra<T>> T negativePart(T x) {
        return x.times(x.lift(1).minus(x.heaviside()));
    }

    /** The functions whose value or partials reach a kink (hypot through the cusp power at the origin). */
    private static final java.util.Set<Binary> KINKED = java.util.EnumSet.of(HYPOT, MAX, MIN, GREATER, LEAKY_RELU, ELU);

    private final String functionName;

    /** Itself where smooth at every order, otherwise bound to the convention. */
    @Override
    public BinaryFunction under(Kinks kinks) {
        return KINKED.contains(this) ? new KinkedBinary(this, kinks) : this;
    }

    Binary(String functionName) {
        this.functionName = functionName;
    }

    @Override
    public String symbol() {
        return functionName;
    }
}
