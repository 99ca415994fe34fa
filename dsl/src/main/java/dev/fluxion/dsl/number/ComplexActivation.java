package dev.fluxion.dsl.number;

import dev.fluxion.dsl.function.Unary;

/**
 * The smooth activation functions of machine learning as complex functions, each in the form that is stable
 * for a large real part (no e^a is formed that could overflow), so that the complex step works on them at any
 * real point.
 */
final class ComplexActivation {
    private static final double SQRT_HALF = Math.sqrt(0.5);

    private ComplexActivation() {
    }

    /** sigmoid z = 1 / (1 + e^-z) for a &gt;= 0 and e^z / (1 + e^z) for a &lt; 0. */
    static Complex sigmoid(Complex z) {
        if (z.real() >= 0) {
            return ComplexElementary.exp(z.unaryMinus()).plus(1).reciprocal();
        }
        Complex e = ComplexElementary.exp(z);
        return e.div(e.plus(1));
    }

    /** log sigmoid z = -softplus(-z). */
    static Complex logSigmoid(Complex z) {
        return softplus(z.unaryMinus()).unaryMinus();
    }

    /** softplus z = log(1 + e^z) = z + log1p(e^-z) for a &gt; 0 and log1p(e^z) otherwise. */
    static Complex softplus(Complex z) {
        if (z.real() > 0) {
            return z.plus(ComplexElementary.log1p(ComplexElementary.exp(z.unaryMinus())));
        }
        return ComplexElementary.log1p(ComplexElementary.exp(z));
    }

    /** silu z = z sigmoid z. */
    static Complex silu(Complex z) {
        return z.times(sigmoid(z));
    }

    /** mish z = z tanh(softplus z). */
    static Complex mish(Complex z) {
        return z.times(ComplexElementary.tanh(softplus(z)));
    }

    /**
     * gelu z = (z / 2) erfc(-z / sqrt 2), with the complex erfc from its Taylor series in the imaginary part
     * (see {@code ComplexTaylor}), so it holds for |b| &lt;= 1e-3 (1 + |a| / sqrt 2), the complex-step regime.
     */
    static Complex gelu(Complex z) {
        return z.times(0.5).times(ComplexTaylor.apply(Unary.ERFC, z.times(-SQRT_HALF)));
    }
}
