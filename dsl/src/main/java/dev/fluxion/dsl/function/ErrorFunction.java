package dev.fluxion.dsl.function;

/**
 * The error function erf and its complement erfc on doubles, to about 1e-15 relative accuracy.
 *
 * <p>For |x| &lt; 2.5, erf comes from the series erf(x) = (2/sqrt(pi)) e^(-x^2) sum_n 2^n x^(2n+1) / (2n+1)!!,
 * whose terms are all positive, so nothing cancels. For x &gt;= 2.5, erfc comes from the continued fraction
 * erfc(x) = (e^(-x^2)/sqrt(pi)) / (x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))), evaluated from the tail; erfc
 * takes the continued fraction from x = 1 on (400 terms below 2.5), where 1 - erf would lose digits to cancellation.
 * Reference: Abramowitz and Stegun, 7.1.6 and 7.1.14.
 */
public final class ErrorFunction {
    private static final double TWO_OVER_SQRT_PI = 2.0 / Math.sqrt(Math.PI);
    private static final double ONE_OVER_SQRT_PI = 1.0 / Math.sqrt(Math.PI);
    private static final double SERIES_LIMIT = 2.5;
    private static final double FRACTION_FROM = 1.0;
    /** Terms of the continued fraction: it converges more slowly the smaller x is. */
    private static final int FRACTION_TERMS_NEAR_ONE = 400;
    private static final int FRACTION_TERMS = 120;

    private ErrorFunction() {
    }

    /** erf(x) = (2/sqrt(pi)) integral_0^x e^(-t^2) dt. */
    public static double erf(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        double a = Math.abs(x);
        double result = a < SERIES_LIMIT ? series(a) : 1.0 - tail(a);
        return x < 0 ? -result : result;
    }

    /** erfc(x) = 1 - erf(x), accurate for large x where erf(x) rounds to 1. */
    public static double erfc(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        // 1 - erf(x) would cancel where erfc is small, so from x = 1 on erfc comes from the continued fraction
        if (x >= FRACTION_FROM) {
            return tail(x);
        }
        if (x <= -FRACTION_FROM) {
            return 2.0 - tail(-x);
        }
        return 1.0 - (x < 0 ? -series(-x) : series(x));
    }

    private static double series(double a) {
        double twoASquared = 2 * a * a;
        double term = a;
        double sum = a;
        for (int n = 1; n < 200; n++) {
            term *= twoASquared / (2 * n + 1);
            sum += term;
            if (term < 1e-17 * sum) {
                break;
            }
        }
        return TWO_OVER_SQRT_PI * Math.exp(-a * a) * sum;
    }

    private static double tail(double a) {
        if (a > 27.3) {
            return 0.0;
        }
        double fraction = a;
        for (int k = a < SERIES_LIMIT ? FRACTION_TERMS_NEAR_ONE : FRACTION_TERMS; k >= 1; k--) {
            fraction = a + (k / 2.0) / fraction;
        }
        return ONE_OVER_SQRT_PI * Math.exp(-a * a) / fraction;
    }
}
