package dev.fluxion.dsl.function;

/**
 * log Gamma and the polygamma functions on doubles, for x &gt; 0.
 *
 * <p>Both shift x upward with the recurrences Gamma(x + 1) = x Gamma(x) and
 * psi^(n)(x) = psi^(n)(x + 1) + (-1)^(n+1) n! / x^(n+1) until x is large, then sum the asymptotic (Stirling)
 * series with Bernoulli numbers B2 ... B16. Reference: Abramowitz and Stegun 6.1.40, 6.3.18, 6.4.11.
 */
public final class GammaFunction {
    /** Bernoulli numbers B_2, B_4, ..., B_16. */
    private static final double[] BERNOULLI = {
        1.0 / 6, -1.0 / 30, 1.0 / 42, -1.0 / 30, 5.0 / 66, -691.0 / 2730, 7.0 / 6, -3617.0 / 510
    };
    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);
    private static final double STIRLING_FROM = 15.0;

    private GammaFunction() {
    }

    /** log Gamma(x) for x &gt; 0; NaN for x &lt;= 0. */
    public static double logGamma(double x) {
        if (!(x > 0)) {
            return Double.NaN;
        }
        if (x == Double.POSITIVE_INFINITY) {
            return x;
        }
        if (x == 1 || x == 2) {
            return 0.0; // Gamma(1) = Gamma(2) = 1 exactly; the series would leave a rounding residue
        }
        double shift = 0.0;
        double product = 1.0;
        while (x < STIRLING_FROM) {
            product *= x;
            x += 1;
        }
        shift = Math.log(product);
        double inverse = 1.0 / x;
        double inverseSquared = inverse * inverse;
        double series = 0.0;
        double power = inverse;
        for (int k = 1; k <= BERNOULLI.length; k++) {
            series += BERNOULLI[k - 1] / ((2.0 * k) * (2.0 * k - 1)) * power;
            power *= inverseSquared;
        }
        return (x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI + series - shift;
    }

    /** The polygamma function psi^(n)(x) for x &gt; 0; n = 0 is digamma. NaN for x &lt;= 0. */
    public static double polygamma(int n, double x) {
        if (!(x > 0) || n < 0) {
            return Double.NaN;
        }
        double nFactorial = factorial(n);
        double sign = (n % 2 == 0) ? -1.0 : 1.0; // (-1)^(n+1)
        double threshold = STIRLING_FROM + 2 * n;
        double shifted = 0.0;
        while (x < threshold) {
            if (n == 0) {
                shifted -= 1.0 / x;
            } else {
                shifted += sign * nFactorial / Math.pow(x, n + 1);
            }
            x += 1;
        }
        double inverse = 1.0 / x;
        double asymptotic;
        if (n == 0) {
            asymptotic = Math.log(x) - 0.5 * inverse;
            double inverseSquared = inverse * inverse;
            double power = inverseSquared;
            for (int k = 1; k <= BERNOULLI.length; k++) {
                asymptotic -= BERNOULLI[k - 1] / (2.0 * k) * power;
                power *= inverseSquared;
            }
        } else {
            // (n-1)!/x^n + n!/(2 x^(n+1)) + sum_k B_2k (2k+n-1)!/((2k)! x^(2k+n))
            double sum = factorial(n - 1) * Math.pow(inverse, n) + nFactorial * 0.5 * Math.pow(inverse, n + 1);
            for (int k = 1; k <= BERNOULLI.length; k++) {
                double ratio = factorial(2 * k + n - 1) / factorial(2 * k);
                sum += BERNOULLI[k - 1] * ratio * Math.pow(inverse, 2 * k + n);
            }
            asymptotic = sign * sum;
        }
        return asymptotic + shifted;
    }

    private static double factorial(int n) {
        double f = 1.0;
        for (int i = 2; i <= n; i++) {
            f *= i;
        }
        return f;
    }
}
