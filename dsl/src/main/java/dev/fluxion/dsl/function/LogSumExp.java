package dev.fluxion.dsl.function;

import dev.fluxion.dsl.DslException;
import dev.fluxion.dsl.number.Algebra;
import java.util.List;

/**
 * The log-sum-exp lse(z) = log(sum_i e^(z_i)), computed without overflow as
 * lse(z) = m + log(sum_i e^(z_i - m)) with m = max_i z_i, so every exponent is at most 0 and the sum lies in
 * [1, n]. Its gradient is the softmax: d lse / d z_j = e^(z_j) / sum_i e^(z_i) (see {@link Softmax}).
 *
 * <p>The shift m is built with {@link Algebra#max(Algebra)}, so the formula is generic in the number type and holds
 * for expressions too; m cancels from every derivative (d lse / d m = 1 - sum_i softmax_i = 0), so a tie in the
 * maximum changes nothing. Defined for finite z.
 *
 * <p>Reference: N. J. Higham, "Accurately computing the log-sum-exp and softmax functions", IMA J. Numer.
 * Anal. 41 (2021).
 */
public final class LogSumExp {
    private LogSumExp() {
    }

    /** lse(z) = m + log(sum_i e^(z_i - m)), m = max_i z_i; z must not be empty. */
    public static <T extends Algebra<T>> T logSumExp(List<T> z) {
        T m = largest(z, "logSumExp");
        return m.plus(sumOfShiftedExponentials(z, m).log());
    }

    /** m = max_i z_i, folded with {@link Algebra#max(Algebra)}; names {@code caller} if z is empty or holds null. */
    static <T extends Algebra<T>> T largest(List<T> z, String caller) {
        if (z == null || z.isEmpty()) {
            throw new DslException(caller + " needs at least one value, got " + (z == null ? "null" : "[]"));
        }
        T m = null;
        for (int i = 0; i < z.size(); i++) {
            T zi = z.get(i);
            if (zi == null) {
                throw new DslException(caller + ": value " + i + " of " + z.size() + " is null");
            }
            m = m == null ? zi : m.max(zi);
        }
        return m;
    }

    /** sum_i e^(z_i - m), which lies in [1, n] when m = max_i z_i. */
    static <T extends Algebra<T>> T sumOfShiftedExponentials(List<T> z, T m) {
        T sum = null;
        for (T zi : z) {
            T term = zi.minus(m).exp();
            sum = sum == null ? term : sum.plus(term);
        }
        return sum;
    }
}
