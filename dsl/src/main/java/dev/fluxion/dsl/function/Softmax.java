package dev.fluxion.dsl.function;

import dev.fluxion.dsl.number.Algebra;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The softmax softmax_i(z) = e^(z_i) / sum_j e^(z_j), computed without overflow as
 * e^(z_i - m) / sum_j e^(z_j - m) with m = max_j z_j (every exponent is at most 0, the denominator at least 1).
 *
 * <p>The result is a probability vector; its Jacobian is d softmax_i / d z_j = softmax_i (delta_ij - softmax_j),
 * and softmax is the gradient of {@link LogSumExp#logSumExp(List)}. Generic in the number type, so it works on
 * doubles, duals, jets and expressions alike. Defined for finite z.
 *
 * <p>Reference: J. S. Bridle, "Probabilistic interpretation of feedforward classification network outputs",
 * 1990; N. J. Higham, IMA J. Numer. Anal. 41 (2021) for the shifted evaluation.
 */
public final class Softmax {
    private Softmax() {
    }

    /** softmax(z) as an unmodifiable list of the same length; z must not be empty. */
    public static <T extends Algebra<T>> List<T> softmax(List<T> z) {
        T m = LogSumExp.largest(z, "softmax");
        T denominator = LogSumExp.sumOfShiftedExponentials(z, m);
        List<T> probabilities = new ArrayList<>(z.size());
        for (T zi : z) {
            probabilities.add(zi.minus(m).exp().div(denominator));
        }
        return Collections.unmodifiableList(probabilities);
    }
}
