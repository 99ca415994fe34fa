package dev.fluxion.dsl.number;

/**
 * The elementary complex functions (roots, powers, exponential, logarithm, circular and hyperbolic functions)
 * on the principal branch, written with z = a + i b so that a tiny b is carried linearly and never cancels.
 *
 * <p>References: W. Kahan, "Branch cuts for complex elementary functions", in The State of the Art in
 * Numerical Analysis, 1987; Abramowitz and Stegun, Handbook of Mathematical Functions, 4.3.55-4.5.51.
 */
final class ComplexElementary {

    private ComplexElementary() {
    }

    /**
     * The principal square root: with t = sqrt((|a| + |z|) / 2), sqrt z = t + i b / (2t) for a &gt;= 0 and
     * |b| / (2t) + i copysign(t, b) for a &lt; 0. Only sums of non-negative numbers are formed, so nothing
     * cancels; sqrt(x + i h) = sqrt x + i h / (2 sqrt x) exactly for x &gt; 0.
     */
    static Complex sqrt(Complex z) {
        double a = z.real();
        double b = z.imaginary();
        if (a == 0 && b == 0) {
            return new Complex(0, b);
        }
        double t = Math.sqrt(0.5 * Math.abs(a) + 0.5 * Math.hypot(a, b));
        if (a >= 0) {
            return new Complex(t, b / (2 * t));
        }
        return new Complex(Math.abs(b) / (2 * t), Math.copySign(t, b));
    }

    /**
     * The real cube root continued analytically about the real part: with s = sign(a) (1 for a = 0) and
     * w = s z, cbrt z = s cbrt(|w|) e^(i arg(w) / 3). For a &gt; 0 this is the principal cube root; for a &lt; 0
     * it is -cbrt(-z), which is analytic across the negative real axis, so cbrt(x + i h) = cbrt x
     * + i h / (3 cbrt(x)^2) for every real x != 0.
     */
    static Complex cbrt(Complex z) {
        double s = z.real() < 0 ? -1 : 1;
        double wa = s * z.real();
        double wb = s * z.imaginary();
        double root = Math.cbrt(Math.hypot(wa, wb));
        double angle = Math.atan2(wb, wa) / 3;
        return new Complex(s * root * Math.cos(angle), s * root * Math.sin(angle));
    }

    /** e^z = e^a (cos b + i sin b). */
    static Complex exp(Complex z) {
        double magnitude = Math.exp(z.real());
        double b = z.imaginary();
        if (b == 0) {
            return new Complex(magnitude, b);
        }
        return new Complex(magnitude * Math.cos(b), magnitude * Math.sin(b));
    }

    /**
     * e^z - 1 = expm1(a) cos b + (cos b - 1) + i e^a sin b, with cos b - 1 = -2 sin^2(b/2), so that for
     * small |z| neither part cancels.
     */
    static Complex expm1(Complex z) {
        double a = z.real();
        double b = z.imaginary();
        double halfSine = Math.sin(b / 2);
        return new Complex(Math.expm1(a) * Math.cos(b) - 2 * halfSine * halfSine, Math.exp(a) * Math.sin(b));
    }

    /**
     * log|z| = log sqrt(a^2 + b^2) without overflow and, near |z| = 1, without cancellation: there it is
     * (1/2) log1p((m - 1)(m + 1) + n^2) with m = max(|a|, |b|) and n = min(|a|, |b|), in which m - 1 is exact.
     */
    static double logModulus(double a, double b) {
        double m = Math.max(Math.abs(a), Math.abs(b));
        double n = Math.min(Math.abs(a), Math.abs(b));
        if (m >= 0.5 && m <= 2) {
            return 0.5 * Math.log1p((m - 1) * (m + 1) + n * n);
        }
        if (n == 0) {
            return Math.log(m);
        }
        return Math.log(Math.hypot(m, n));
    }

    /** The principal logarithm log z = log|z| + i atan2(b, a), with the cut along the negative real axis. */
    static Complex log(Complex z) {
        return new Complex(logModulus(z.real(), z.imaginary()), Math.atan2(z.imaginary(), z.real()));
    }

    /**
     * log(1 + z) = (1/2) log1p(2a + a^2 + b^2) + i atan2(b, 1 + a) for -1/2 &lt;= a &lt;= 1, where
     * 2a + a^2 + b^2 = |1 + z|^2 - 1 is formed without adding 1; the principal log(1 + z) otherwise.
     */
    static Complex log1p(Complex z) {
        double a = z.real();
        double b = z.imaginary();
        if (a >= -0.5 && a <= 1) {
            return new Complex(0.5 * Math.log1p(a * (2 + a) + b * b), Math.atan2(b, 1 + a));
        }
        return log(new Complex(1 + a, b));
    }

    /** sin z = sin a cosh b + i cos a sinh b. */
    static Complex sin(Complex z) {
        double a = z.real();
        double b = z.imaginary();
        return new Complex(Math.sin(a) * Math.cosh(b), Math.cos(a) * Math.sinh(b));
    }

    /** cos z = cos a cosh b - i sin a sinh b. */
    static Complex cos(Complex z) {
        double a = z.real();
        double b = z.imaginary();
        return new Complex(Math.cos(a) * Math.cosh(b), -Math.sin(a) * Math.sinh(b));
    }

    /**
     * tan z = -i tanh(i z): with tanh(-b + i a) = p + i q, tan z = q - i p. For z = x + i h this gives
     * tan x + i h (1 + tan^2 x), with no cancellation near x = pi/2, and it tends to +-i for large |b|.
     */
    static Complex tan(Complex z) {
        Complex rotated = tanh(new Complex(-z.imaginary(), z.real()));
        return new Complex(rotated.imaginary(), -rotated.real());
    }

    /** sinh z = sinh a cos b + i cosh a sin b. */
    static Complex sinh(Complex z) {
        double a = z.real();
        double b = z.imaginary();
        return new Complex(Math.sinh(a) * Math.cos(b), Math.cosh(a) * Math.sin(b));
    }

    /** cosh z = cosh a cos b + i sinh a sin b. */
    static Complex cosh(Complex z) {
        double a = z.real();
        double b = z.imaginary();
        return new Complex(Math.cosh(a) * Math.cos(b), Math.sinh(a) * Math.sin(b));
    }

    /**
     * tanh z by Kahan's formula: with t = tan b, beta = 1 + t^2, s = sinh a and rho = sqrt(1 + s^2) = cosh a,
     * tanh z = (beta rho s + i t) / (1 + beta s^2). For z = x + i h this is tanh x + i h / cosh^2 x, exact
     * even where tanh x rounds to +-1 (1 - tanh^2 x would give 0). For |a| &gt; 22, where e^(-2|a|) is below
     * the rounding of 1, tanh z = sign(a) + 4 i sin b cos b e^(-2|a|), so cosh a never overflows.
     *
     * <p>Reference: W. Kahan, "Branch cuts for complex elementary functions", 1987, procedure CTANH.
     */
    static Complex tanh(Complex z) {
        double a = z.real();
        double b = z.imaginary();
        if (Math.abs(a) > 22) {
            return new Complex(Math.copySign(1.0, a), 4 * Math.sin(b) * Math.cos(b) * Math.exp(-2 * Math.abs(a)));
        }
        double t = Math.tan(b);
        double beta = 1 + t * t;
        double s = Math.sinh(a);
        double rho = Math.sqrt(1 + s * s);
        double denominator = 1 + beta * s * s;
        return new Complex(beta * rho * s / denominator, t / denominator);
    }

    /**
     * z^p for a real constant p. An integer p (|p| &lt; 2^53) uses repeated squaring, which is exact complex
     * multiplication, and the reciprocal for p &lt; 0; p = 1/2 is the principal square root; otherwise
     * z^p = |z|^p e^(i p arg z), the principal branch e^(p log z), with |z|^p from {@link Math#pow} so that a
     * real base keeps its real power exactly. 0^p is the real 0^p.
     */
    static Complex power(Complex z, double p) {
        if (z.real() == 0 && z.imaginary() == 0) {
            return new Complex(Math.pow(0.0, p), 0);
        }
        if (p == Math.rint(p) && Math.abs(p) < 0x1p53) {
            long n = (long) Math.abs(p);
            Complex result = new Complex(1, 0);
            Complex square = z;
            while (n > 0) {
                if ((n & 1) == 1) {
                    result = result.times(square);
                }
                n >>= 1;
                if (n > 0) {
                    square = square.times(square);
                }
            }
            return p < 0 ? result.reciprocal() : result;
        }
        if (p == 0.5) {
            return sqrt(z);
        }
        double magnitude = Math.pow(Math.hypot(z.real(), z.imaginary()), p);
        double angle = p * Math.atan2(z.imaginary(), z.real());
        return new Complex(magnitude * Math.cos(angle), magnitude * Math.sin(angle));
    }

    /**
     * z^w = e^(w log z) on the principal branch: with w = c + i d, L = log|z| and theta = arg z,
     * z^w = |z|^c e^(-d theta) (cos(d L + c theta) + i sin(d L + c theta)). A real exponent goes through
     * {@link #power(Complex, double)}; 0^w is the real 0^c.
     */
    static Complex pow(Complex z, Complex w) {
        double c = w.real();
        double d = w.imaginary();
        if (d == 0) {
            return power(z, c);
        }
        if (z.real() == 0 && z.imaginary() == 0) {
            return new Complex(Math.pow(0.0, c), 0);
        }
        double logModulus = logModulus(z.real(), z.imaginary());
        double theta = Math.atan2(z.imaginary(), z.real());
        double magnitude = Math.pow(Math.hypot(z.real(), z.imaginary()), c) * Math.exp(-d * theta);
        double angle = d * logModulus + c * theta;
        return new Complex(magnitude * Math.cos(angle), magnitude * Math.sin(angle));
    }

    /**
     * hypot(z, w) = sqrt(q) with q = z^2 + w^2, on the principal branch: the analytic continuation of the real
     * hypot. With z = a + i b and w = c + i d, q = (a^2 + c^2 - b^2 - d^2) + 2i (a b + c d), and its principal
     * root is formed as in {@link #sqrt(Complex)}, t = sqrt((|Re q| + |q|) / 2) and Im = Im q / (2t), with
     * the squares scaled by a power of two s (the largest part, rounded down) and the imaginary part kept as
     * (a/s) b + (c/s) d. So nothing overflows, and a complex step of 1e-200 on arguments of 1e200 does not
     * underflow: hypot(x + i h, y) = hypot(x, y) + i h x / hypot(x, y).
     */
    static Complex hypot(Complex z, Complex w) {
        double largest = Math.max(Math.max(Math.abs(z.real()), Math.abs(z.imaginary())),
                Math.max(Math.abs(w.real()), Math.abs(w.imaginary())));
        if (largest == 0) {
            return new Complex(0, 0);
        }
        if (!Double.isFinite(largest)) {
            return new Complex(Math.hypot(z.real(), w.real()), Double.NaN);
        }
        double s = Math.scalb(1.0, Math.getExponent(largest));
        double a = z.real() / s;
        double b = z.imaginary() / s;
        double c = w.real() / s;
        double d = w.imaginary() / s;
        double realSquare = (a * a + c * c) - (b * b + d * d);
        // Im q / (2 s), with the small imaginary parts unscaled so that they cannot underflow.
        double halfImaginary = a * z.imaginary() + c * w.imaginary();
        double t = Math.sqrt(0.5 * Math.abs(realSquare) + 0.5 * Math.hypot(realSquare, 2 * halfImaginary / s));
        if (t == 0) {
            return new Complex(0, 0);
        }
        if (realSquare >= 0) {
            return new Complex(s * t, halfImaginary / t);
        }
        return new Complex(Math.abs(halfImaginary) / t, Math.copySign(s * t, halfImaginary));
    }
}
