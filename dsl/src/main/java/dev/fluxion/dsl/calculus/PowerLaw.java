package dev.fluxion.dsl.calculus;

import dev.fluxion.dsl.DslException;

/**
 * A power law y = c x^p, fitted as a straight line on log-log axes: the least-squares line
 * log10 y = log10 c + p log10 x through the points (log10 x_i, log10 y_i). Its slope p is the order of an error
 * that shrinks like h^p (1 for a forward difference, 2 for a centered one), or the exponent of any quantity that
 * scales as a power; the base of the logarithm does not change it.
 *
 * <p>With u_i = log10 x_i, v_i = log10 y_i and n points,
 * <pre>
 *     p = (n sum u v - sum u sum v) / (n sum u^2 - (sum u)^2),   log10 c = (sum v - p sum u) / n.
 * </pre>
 *
 * @param coefficient c
 * @param exponent    p, the slope on log-log axes
 */
public record PowerLaw(double coefficient, double exponent) {

    /**
     * The least-squares power law through the points (x[i], y[i]).
     *
     * @throws DslException if the arrays differ in length, hold fewer than two points, a value is not finite
     *                      and positive, or every x is the same
     */
    public static PowerLaw fit(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new DslException("a power-law fit needs as many y values as x values, got " + x.length + " x and "
                    + y.length + " y");
        }
        return fit(x, y, 0, x.length);
    }

    /**
     * The least-squares power law through the points (x[i], y[i]) for from &lt;= i &lt; to.
     *
     * @throws DslException if [from, to) is not a range of both arrays of at least two points, a value in it is not
     *                      finite and positive, or every x in it is the same
     */
    public static PowerLaw fit(double[] x, double[] y, int from, int to) {
        if (from < 0 || to > Math.min(x.length, y.length) || to - from < 2) {
            throw new DslException("a power-law fit needs at least two points; the range [" + from + ", " + to
                    + ") of arrays of " + x.length + " x and " + y.length + " y values does not hold them");
        }
        double n = to - from;
        double su = 0;
        double sv = 0;
        double suu = 0;
        double suv = 0;
        for (int i = from; i < to; i++) {
            if (!(x[i] > 0 && y[i] > 0 && Double.isFinite(x[i]) && Double.isFinite(y[i]))) {
                throw new DslException("a power-law fit takes logarithms, so its values must be finite and > 0; point "
                        + i + " is (" + x[i] + ", " + y[i] + ")");
            }
            double u = Math.log10(x[i]);
            double v = Math.log10(y[i]);
            su += u;
            sv += v;
            suu += u * u;
            suv += u * v;
        }
        double spread = n * suu - su * su;
        if (!(spread > 0)) {
            throw new DslException("a power-law fit needs two different x values; points " + from + " to " + (to - 1)
                    + " all have x = " + x[from]);
        }
        double exponent = (n * suv - su * sv) / spread;
        return new PowerLaw(Math.pow(10, (sv - exponent * su) / n), exponent);
    }

    /** The law's value c x^p at x. */
    public double valueAt(double x) {
        return coefficient * Math.pow(x, exponent);
    }
}
