package dev.fluxion.dsl.function;

import dev.fluxion.dsl.number.Real;

/**
 * The table of built-in two-argument functions, each with its value on doubles and its two partial
 * derivatives written with the operations of {@link Real}, shared by every face of the dsl.
 *
 * <p>max and min split the derivative at a tie by {@link Kinks#tieShare()}, through {@link #GREATER}.
 */
public enum Binary implements BinaryFunction {
    /** x + y. */
    ADD("+") {
        @Override public double value(double x, double y) { return x + y; }
        @Override public <T extends Real<T>> T partialFirst(T x, T y) { return x.lift(1); }
        @Override public <T extends Real<T>> T partialSecond(T x, T y) { return x.lift(1); }
    },
    /** x - y. */
    SUB("-") {
        @Override public double value(double x, double y) { return x - y; }
        @Override public <T extends Real<T>> T partialFirst(T x, T y) { return x.lift(1); }
        @Override public <T extends Real<T>> T partialSecond(T x, T y) { return x.lift(-1); }
    },
    /** x * y. */
    MUL("*") {
        @Override public double value(double x, double y) { return x * y; }
        @Override public <T extends Real<T>> T partialFirst(T x, T y) { return y; }
        @Override public <T extends Real<T>> T partialSecond(T x, T y) { return x; }
    },
    /** x / y; partials 1/y and -x/y^2. */
    DIV("/") {
        @Override public double value(double x, double y) { return x / y; }
        @Override public <T extends Real<T>> T partialFirst(T x, T y) { return y.pow(-1); }
        @Override public <T extends Real<T>> T partialSecond(T x, T y) { return x.div(y.square()).unaryMinus(); }
    },
    /** x^y for x &gt; 0; partials y x^(y-1) and x^y ln x. */
    POW("^") {
        @Override public double value(double x, double y) { return Math.pow(x, y); }
        @Override public <T extends Real<T>> T partialFirst(T x, T y) { return y.times(x.pow(y.minus(1))); }
        @Override public <T extends Real<T>> T partialSecond(T x, T y) { return x.pow(y).times(x.log()); }
    },
    /** log of x to base b: ln x / ln b; partials 1 / (x ln b) and -ln x / (b ln^2 b). */
    LOG_BASE("log") {
        @Override public double value(double x, double b) { return Math.log(x) / Math.log(b); }
        @Override public <T extends Real<T>> T partialFirst(T x, T b) { return x.times(b.log()).pow(-1); }
        @Override public <T extends Real<T>> T partialSecond(T x, T b) {
            return x.log().div(b.times(b.log().square())).unaryMinus();
        }
    },
    /** atan2(y, x), the angle of (x, y); partials x / (x^2 + y^2) by y and -y / (x^2 + y^2) by x. */
    ATAN2("atan2") {
        @Override public double value(double y, double x) { return Math.atan2(y, x); }
        @Override public <T extends Real<T>> T partialFirst(T y, T x) { return x.div(x.square().plus(y.square())); }
        @Override public <T extends Real<T>> T partialSecond(T y, T x) {
            return y.div(x.square().plus(y.square())).unaryMinus();
        }
    },
    /** sqrt(x^2 + y^2) without overflow; partials x / hypot and y / hypot. */
    HYPOT("hypot") {
        @Override public double value(double x, double y) { return Math.hypot(x, y); }
        @Override public <T extends Real<T>> T partialFirst(T x, T y) { return x.div(x.hypot(y)); }
        @Override public <T extends Real<T>> T partialSecond(T x, T y) { return y.div(x.hypot(y)); }
    },
    /** max(x, y); partials greater(x, y) and 1 - greater(x, y). */
    MAX("max") {
        @Override public double value(double x, double y) { return Math.max(x, y); }
        @Override public <T extends Real<T>> T partialFirst(T x, T y) { return x.apply(GREATER, y); }
        @Override public <T extends Real<T>> T partialSecond(T x, T y) { return x.lift(1).minus(x.apply(GREATER, y)); }
    },
    /** min(x, y); partials 1 - greater(x, y) and greater(x, y). */
    MIN("min") {
        @Override public double value(double x, double y) { return Math.min(x, y); }
        @Override public <T extends Real<T>> T partialFirst(T x, T y) { return x.lift(1).minus(x.apply(GREATER, y)); }
        @Override public <T extends Real<T>> T partialSecond(T x, T y) { return x.apply(GREATER, y); }
    },
    /** 1 where x &gt; y, 0 where x &lt; y, the convention's tie share where x = y; both partials are 0. */
    GREATER("greater") {
        @Override public double value(double x, double y) { return Kinks.current().greater(x, y); }
        @Override public <T extends Real<T>> T partialFirst(T x, T y) { return x.lift(0); }
        @Override public <T extends Real<T>> T partialSecond(T x, T y) { return x.lift(0); }
    },
    /**
     * leakyRelu(x, alpha): x for x &gt; 0, alpha x otherwise. Partials alpha + (1 - alpha) heaviside(x) by x and
     * min(x, 0) = -relu(-x) by alpha.
     */
    LEAKY_RELU("leakyRelu") {
        @Override public double value(double x, double alpha) { return x > 0 ? x : alpha * x; }
        @Override public <T extends Real<T>> T partialFirst(T x, T alpha) {
            return alpha.plus(x.lift(1).minus(alpha).times(x.heaviside()));
        }
        @Override public <T extends Real<T>> T partialSecond(T x, T alpha) { return x.unaryMinus().relu().unaryMinus(); }
    },
    /**
     * elu(x, alpha): x for x &gt; 0, alpha (e^x - 1) otherwise. Partials heaviside(x) + (1 - heaviside(x)) alpha
     * e^min(x, 0) by x, and e^min(x, 0) - 1 by alpha. min(x, 0) is written -relu(-x) so no e^x overflows.
     */
    ELU("elu") {
        @Override public double value(double x, double alpha) { return x > 0 ? x : alpha * Math.expm1(x); }
        @Override public <T extends Real<T>> T partialFirst(T x, T alpha) {
            T step = x.heaviside();
            T negativePart = x.unaryMinus().relu().unaryMinus();
            return step.plus(x.lift(1).minus(step).times(alpha).times(negativePart.exp()));
        }
        @Override public <T extends Real<T>> T partialSecond(T x, T alpha) {
            return x.unaryMinus().relu().unaryMinus().expm1();
        }
    };

    private final String functionName;

    Binary(String functionName) {
        this.functionName = functionName;
    }

    @Override
    public String symbol() {
        return functionName;
    }
}
