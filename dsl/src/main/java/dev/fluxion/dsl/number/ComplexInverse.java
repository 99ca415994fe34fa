package dev.fluxion.dsl.number;

/**
 * The inverse circular and hyperbolic complex functions on their principal branches, and the analytic
 * continuation of atan2.
 *
 * <p>The textbook forms asin z = -i log(i z + sqrt(1 - z^2)) and atanh z = (1/2) log((1 + z) / (1 - z)) lose a
 * small imaginary part entirely: |i z + sqrt(1 - z^2)| differs from 1 by about h, far below the rounding of
 * the sum. Here asin and acos follow Hull, Fairgrieve and Tang, who write the real and imaginary parts with
 * r = |z + 1| and s = |z - 1| so that every small quantity is formed without cancellation; the square b^2 of
 * the imaginary part is factored out where it would underflow, so that for z = x + i h with h as small as
 * 1e-200, Im asin z = h / sqrt(1 - x^2) to full relative precision. asinh, atan and acosh reduce to these by
 * rotations, which are exact.
 *
 * <p>References: T. E. Hull, T. F. Fairgrieve and P. T. P. Tang, "Implementing the complex arcsine and
 * arccosine functions using exception handling", ACM TOMS 23(3), 1997; W. Kahan, "Branch cuts for complex
 * elementary functions", 1987.
 */
final class ComplexInverse {
    /** Above this |Re asin argument| / A, the real part is taken from an arctangent, not an arcsine. */
    private static final double ARCSINE_CROSSOVER = 0.6417;
    /** Below this A = (r + s) / 2, the imaginary part is taken from log1p(A - 1 + ...). */
    private static final double LOG1P_CROSSOVER = 1.5;
    /** Above this magnitude of a part, asin z = pi/2 - arg z + i log(2|z|) to double precision. */
    private static final double LARGE = 1e150;
    private static final double LOG_TWO = Math.log(2);

    private ComplexInverse() {
    }

    /**
     * The parts of asin for x = |a| &gt;= 0 and y = |b| &gt;= 0, following Hull, Fairgrieve and Tang: with
     * r = |z + 1|, s = |z - 1|, A = (r + s)/2 and B = x / A, asin z = asin B + i log(A + sqrt(A^2 - 1)).
     * Returned as {real part of asin, real part of acos, imaginary part magnitude}, all for the first
     * quadrant; the callers restore the signs.
     */
    private static double[] firstQuadrant(double x, double y) {
        if (x > LARGE || y > LARGE) {
            double logModulus = Math.log(Math.max(x, y)) + 0.5 * Math.log1p(square(Math.min(x, y) / Math.max(x, y)));
            double angle = Math.atan2(x, y);
            return new double[] {angle, Math.atan2(y, x), LOG_TWO + logModulus};
        }
        double xp1 = x + 1;
        double xm1 = x - 1;
        double r = Math.hypot(xp1, y);
        double s = Math.hypot(xm1, y);
        double a = 0.5 * (r + s);
        double b = x / a;
        double apx = a + x;
        double asinPart;
        double acosPart;
        if (b <= ARCSINE_CROSSOVER) {
            asinPart = Math.asin(b);
            acosPart = Math.acos(b);
        } else if (x <= 1) {
            // A - x = (1/2)(y^2/(r + x + 1) + (s + 1 - x)) formed from positive terms only.
            double root = Math.sqrt(0.5 * apx * (y * y / (r + xp1) + (s - xm1)));
            asinPart = Math.atan(x / root);
            acosPart = Math.atan(root / x);
        } else {
            double root = y * Math.sqrt(0.5 * (apx / (r + xp1) + apx / (s + xm1)));
            asinPart = Math.atan(x / root);
            acosPart = Math.atan(root / x);
        }
        double imaginaryPart;
        if (a <= LOG1P_CROSSOVER) {
            // A - 1 and sqrt((A - 1)(A + 1)), with y factored out of the root so that y^2 may underflow.
            double am1;
            double root;
            if (x < 1) {
                double factor = 0.5 * (1 / (r + xp1) + 1 / (s - xm1));
                am1 = y * y * factor;
                root = y * Math.sqrt(factor * (a + 1));
            } else {
                am1 = 0.5 * (y * y / (r + xp1) + (s + xm1));
                root = Math.sqrt(am1 * (a + 1));
            }
            imaginaryPart = Math.log1p(am1 + root);
        } else {
            imaginaryPart = Math.log(a + Math.sqrt(a * a - 1));
        }
        return new double[] {asinPart, acosPart, imaginaryPart};
    }

    private static double square(double t) {
        return t * t;
    }

    /**
     * The principal arcsine, asin z = -i log(i z + sqrt(1 - z^2)), with cuts (-inf, -1] and [1, inf):
     * Re = asin(B) (or the equivalent arctangent when B &gt; 0.6417), Im = log(A + sqrt(A^2 - 1)) (or
     * log1p(A - 1 + sqrt((A - 1)(A + 1))) for A &lt;= 1.5), with the signs of a and b, where
     * A = (|z + 1| + |z - 1|)/2 and B = a / A.
     */
    static Complex asin(Complex z) {
        double a = z.real();
        double b = z.imaginary();
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return new Complex(Double.NaN, Double.NaN);
        }
        double[] parts = firstQuadrant(Math.abs(a), Math.abs(b));
        return new Complex(Math.copySign(parts[0], a), Math.copySign(parts[2], b));
    }

    /**
     * The principal arccosine, acos z = pi/2 - asin z, computed directly so that the real part does not
     * cancel near z = 1: Re = acos(B) (or the equivalent arctangent), pi minus that for a &lt; 0, and
     * Im = -Im asin z.
     */
    static Complex acos(Complex z) {
        double a = z.real();
        double b = z.imaginary();
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return new Complex(Double.NaN, Double.NaN);
        }
        double[] parts = firstQuadrant(Math.abs(a), Math.abs(b));
        double realPart = a < 0 || (a == 0 && 1 / a < 0) ? Math.PI - parts[1] : parts[1];
        return new Complex(realPart, -Math.copySign(parts[2], b));
    }

    /** asinh z = -i asin(i z): with asin(-b + i a) = p + i q, asinh z = q - i p. */
    static Complex asinh(Complex z) {
        Complex rotated = asin(new Complex(-z.imaginary(), z.real()));
        return new Complex(rotated.imaginary(), -rotated.real());
    }

    /**
     * acosh z = log(z + sqrt(z + 1) sqrt(z - 1)) = +-i acos z, the sign chosen so that Re acosh z &gt;= 0: with
     * acos z = p + i q, acosh z = -q + i p when q &lt;= 0 and q - i p otherwise.
     */
    static Complex acosh(Complex z) {
        Complex w = acos(z);
        double p = w.real();
        double q = w.imaginary();
        if (q < 0 || (q == 0 && 1 / q < 0)) {
            return new Complex(-q, p);
        }
        return new Complex(q, -p);
    }

    /**
     * The principal inverse hyperbolic tangent, with cuts (-inf, -1] and [1, inf):
     * Re atanh z = sign(a) (1/4) log1p(4|a| / ((1 - |a|)^2 + b^2)) and
     * Im atanh z = (1/2) atan2(2b, (1 - a)(1 + a) - b^2). For z = x + i h these are atanh x and
     * (1/2) atan2(2h, 1 - x^2) = h / (1 - x^2): nothing cancels.
     */
    static Complex atanh(Complex z) {
        double a = z.real();
        double b = z.imaginary();
        // Re atanh is odd in a; with |a| the argument of log1p is >= 0, so it never nears -1 and cancels.
        double x = Math.abs(a);
        double realPart = Math.copySign(0.25 * Math.log1p(4 * x / ((1 - x) * (1 - x) + b * b)), a);
        // 1 - a^2 - b^2, with the larger part in the exact factored form.
        double denominator = Math.abs(a) >= Math.abs(b) ? (1 - a) * (1 + a) - b * b : (1 - b) * (1 + b) - a * a;
        return new Complex(realPart, 0.5 * Math.atan2(2 * b, denominator));
    }

    /** atan z = -i atanh(i z): with atanh(-b + i a) = p + i q, atan z = q - i p. */
    static Complex atan(Complex z) {
        Complex rotated = atanh(new Complex(-z.imaginary(), z.real()));
        return new Complex(rotated.imaginary(), -rotated.real());
    }

    /**
     * atan2(y, x) continued analytically about the real parts y0 = Re y and x0 = Re x: for |x0| &gt;= |y0| it
     * is atan(y / x) + k with k = 0 for x0 &gt;= 0 and copysign(pi, y0) for x0 &lt; 0; otherwise
     * copysign(pi/2, y0) - atan(x / y). Each constant is locally constant, so the result is analytic wherever
     * the real atan2 is smooth, and its real part at real arguments is the real atan2.
     */
    static Complex atan2(Complex y, Complex x) {
        double y0 = y.real();
        double x0 = x.real();
        if (Double.isNaN(y0) || Double.isNaN(x0)) {
            return new Complex(Double.NaN, Double.NaN);
        }
        if (x0 == 0 && y0 == 0) {
            // The origin is a singular point: only an unperturbed origin has a meaningful (real) angle.
            boolean still = x.imaginary() == 0 && y.imaginary() == 0;
            return new Complex(Math.atan2(y0, x0), still ? 0 : Double.NaN);
        }
        if (Math.abs(x0) >= Math.abs(y0)) {
            Complex angle = atan(y.div(x));
            return x0 > 0 ? angle : angle.plus(Math.copySign(Math.PI, y0));
        }
        return atan(x.div(y)).unaryMinus().plus(Math.copySign(Math.PI / 2, y0));
    }
}
