package dev.fluxion.dsl.function;

/**
 * The convention for derivatives at the points where a function is not differentiable.
 *
 * <ul>
 *   <li>{@code heavisideAtZero}: the value of {@code heaviside(0)}, which is the slope of {@code relu} and of
 *       {@code leakyRelu}'s positive part at 0. The standard convention takes 0, so relu'(0) = 0.</li>
 *   <li>{@code signAtZero}: the value of {@code sign(0)}, which is the slope of {@code abs} at 0. Standard: 0.</li>
 *   <li>{@code tieShare}: at a tie x = y, the share of the derivative of max(x, y) that goes to x (the rest
 *       goes to y; for min(x, y) the roles swap). Standard: 0.5, so a tie splits evenly.</li>
 *   <li>{@code cuspSlope}: the slope of a root at 0, where its one-sided slope is +inf: sqrt, cbrt and x^p for
 *       0 &lt; p &lt; 1 (see {@link CuspPower}), and so the Euclidean norm and {@code hypot} at the origin.
 *       Standard: 0. Then sqrt(u) at a zero of u &gt;= 0 has the slope 0, a subgradient where sqrt(u) is a norm,
 *       and not inf * 0 = NaN; Ackley's gradient at its minimizer is 0. +inf gives back the one-sided slope.
 *       Strictly, the value stands in for the pole of x^q (q &lt; 0) at 0 ({@link CuspPower}), and a root's slope
 *       there is that times the root's constant factor: c for sqrt, c / 3 for cbrt, p c for x^p; 0 and +inf are
 *       the same slope for every root.</li>
 * </ul>
 *
 * <p>Every value lies in [0, 1] (for {@code signAtZero}, [-1, 1]; for {@code cuspSlope}, [0, +inf]) so that it is
 * a subgradient.
 *
 * <p>A convention is a plain value that an evaluation is given, never a global or per-thread setting: the tree walk
 * ({@code expr.gradientAt(point, variables, kinks)}), the checked walk and the compiled tape
 * ({@code expr.compile(order, kinks)}) apply every function {@link #bind(UnaryFunction) bound} to it. Binding
 * leaves a smooth function as it is and wraps one with a kink in a {@link KinkedUnary} or {@link KinkedBinary},
 * whose value reads this convention and whose derivative rule, the table's own, applies its functions bound to it
 * in turn. Under {@link #STANDARD} nothing is wrapped: the table's functions are the standard convention, so the
 * default path runs the very same code. Two evaluations under two conventions can run at once on any threads.
 *
 * @param heavisideAtZero value of the Heaviside step at 0, in [0, 1]
 * @param signAtZero      value of sign at 0, in [-1, 1]
 * @param tieShare        share of a max/min tie given to the first argument, in [0, 1]
 * @param cuspSlope       slope of a root at 0, in [0, +inf]
 */
public record Kinks(double heavisideAtZero, double signAtZero, double tieShare, double cuspSlope) {

    /** relu'(0) = 0, abs'(0) = 0, a tie in max/min splits evenly, and sqrt'(0) = 0. */
    public static final Kinks STANDARD = new Kinks(0.0, 0.0, 0.5, 0.0);

    /** Checks the ranges. */
    public Kinks {
        checkRange("heavisideAtZero", heavisideAtZero, 0, 1);
        checkRange("signAtZero", signAtZero, -1, 1);
        checkRange("tieShare", tieShare, 0, 1);
        checkRange("cuspSlope", cuspSlope, 0, Double.POSITIVE_INFINITY);
    }

    /** A convention with the standard slope 0 of roots at 0. */
    public Kinks(double heavisideAtZero, double signAtZero, double tieShare) {
        this(heavisideAtZero, signAtZero, tieShare, 0.0);
    }

    /** This convention with another slope for roots at 0. */
    public Kinks withCuspSlope(double slope) {
        return new Kinks(heavisideAtZero, signAtZero, tieShare, slope);
    }

    private static void checkRange(String name, double value, double low, double high) {
        if (!(value >= low && value <= high)) {
            throw new dev.fluxion.dsl.DslException(
                    "Kinks." + name + " = " + value + " is outside its allowed range [" + low + ", " + high + "]");
        }
    }

    /** Whether this is the standard convention, under which every function of the table is used as it is. */
    public boolean isStandard() {
        return this == STANDARD || equals(STANDARD);
    }

    /** f under this convention: f itself under {@link #STANDARD} or where f is smooth, else f bound to it. */
    public UnaryFunction bind(UnaryFunction f) {
        return isStandard() ? f : f.under(this);
    }

    /** f under this convention: f itself under {@link #STANDARD} or where f is smooth, else f bound to it. */
    public BinaryFunction bind(BinaryFunction f) {
        return isStandard() ? f : f.under(this);
    }

    /** The Heaviside step under this convention: 1 for x &gt; 0, 0 for x &lt; 0, {@code heavisideAtZero} at 0. */
    public double heaviside(double x) {
        return x > 0 ? 1.0 : x < 0 ? 0.0 : x == 0 ? heavisideAtZero : Double.NaN;
    }

    /** The sign under this convention: 1 for x &gt; 0, -1 for x &lt; 0, {@code signAtZero} at 0. */
    public double sign(double x) {
        return x > 0 ? 1.0 : x < 0 ? -1.0 : x == 0 ? signAtZero : Double.NaN;
    }

    /** 1 where x &gt; y, 0 where x &lt; y, {@code tieShare} where x = y. */
    public double greater(double x, double y) {
        return x > y ? 1.0 : x < y ? 0.0 : x == y ? tieShare : Double.NaN;
    }
}
