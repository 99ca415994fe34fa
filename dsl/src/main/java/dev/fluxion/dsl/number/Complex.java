package dev.fluxion.dsl.number;

import dev.fluxion.dsl.function.Binary;
import dev.fluxion.dsl.function.BinaryFunction;
import dev.fluxion.dsl.function.CuspPower;
import dev.fluxion.dsl.function.PowerOf;
import dev.fluxion.dsl.function.Unary;
import dev.fluxion.dsl.function.UnaryFunction;

/**
 * A complex number a + i b, for the complex-step derivative: for an analytic f and a real x,
 * f(x + i h) = f(x) + i h f'(x) - h^2 f''(x) / 2 - i h^3 f'''(x) / 6 + ..., so
 * f'(x) = Im f(x + i h) / h + O(h^2) and f(x) = Re f(x + i h) + O(h^2). No difference is taken, so h can be
 * as small as 1e-200 and the derivative is exact to rounding.
 *
 * <p>The arithmetic is exact complex arithmetic (division by Smith's algorithm, so no intermediate overflows).
 * {@link #apply(UnaryFunction)} and {@link #apply(BinaryFunction, Complex)} compute the true principal-branch
 * complex function for every built-in of {@link Unary} and {@link Binary} that has one, written so that a tiny
 * imaginary part is never lost to cancellation: for z = x + i h with h tiny, Im f(z) = h f'(x) to full
 * relative precision. The formulas are stated on the methods of the package-private classes
 * {@code ComplexElementary}, {@code ComplexInverse}, {@code ComplexActivation} and {@code ComplexKink}, and
 * summarized on {@link #apply(UnaryFunction)}.
 *
 * <p>The non-analytic functions (abs, sign, heaviside, relu, min, max, greater, leakyRelu, elu) follow the
 * complex-step convention of Martins, Sturdza and Alonso: the branch is chosen by the real part, and at the
 * kink itself the slope is the one of {@code Kinks.current()}, as for every other face of the dsl.
 *
 * <p>Reference: J. R. R. A. Martins, P. Sturdza and J. J. Alonso, "The complex-step derivative
 * approximation", ACM Transactions on Mathematical Software 29(3), 2003, 245-262.
 *
 * @param real      the real part a
 * @param imaginary the imaginary part b
 */
public record Complex(double real, double imaginary) implements Real<Complex> {

    /** The imaginary unit i. */
    public static final Complex I = new Complex(0, 1);

    /** a + i b. */
    public static Complex of(double real, double imaginary) {
        return new Complex(real, imaginary);
    }

    /** The real number x as a complex number x + 0 i. */
    public static Complex real(double x) {
        return new Complex(x, 0);
    }

    /** The real part a. */
    @Override
    public double value() {
        return real;
    }

    /** c + 0 i. */
    @Override
    public Complex lift(double constant) {
        return new Complex(constant, 0);
    }

    /** The modulus |z| = sqrt(a^2 + b^2), without overflow. */
    public double modulus() {
        return Math.hypot(real, imaginary);
    }

    /** The principal argument atan2(b, a), in (-pi, pi]. */
    public double argument() {
        return Math.atan2(imaginary, real);
    }

    /** The complex conjugate a - i b. */
    public Complex conjugate() {
        return new Complex(real, -imaginary);
    }

    /** (a + c) + i (b + d). */
    @Override
    public Complex plus(Complex o) {
        return new Complex(real + o.real, imaginary + o.imaginary);
    }

    /** (a - c) + i (b - d). */
    @Override
    public Complex minus(Complex o) {
        return new Complex(real - o.real, imaginary - o.imaginary);
    }

    /** (a c - b d) + i (a d + b c). */
    @Override
    public Complex times(Complex o) {
        return new Complex(real * o.real - imaginary * o.imaginary, real * o.imaginary + imaginary * o.real);
    }

    /**
     * (a + i b) / (c + i d) by Smith's algorithm: for |c| &gt;= |d|, with r = d / c and s = c + d r,
     * the quotient is ((a + b r) + i (b - a r)) / s, and symmetrically for |d| &gt; |c|. No square of c or d
     * is formed, so nothing overflows or underflows that the quotient does not.
     *
     * <p>Reference: R. L. Smith, "Algorithm 116: Complex division", Communications of the ACM 5(8), 1962.
     */
    @Override
    public Complex div(Complex o) {
        double c = o.real;
        double d = o.imaginary;
        if (d == 0) {
            return new Complex(real / c, imaginary / c);
        }
        if (Math.abs(c) >= Math.abs(d)) {
            double r = d / c;
            double s = c + d * r;
            return new Complex((real + imaginary * r) / s, (imaginary - real * r) / s);
        }
        double r = c / d;
        double s = c * r + d;
        return new Complex((real * r + imaginary) / s, (imaginary * r - real) / s);
    }

    /** -a - i b. */
    @Override
    public Complex unaryMinus() {
        return new Complex(-real, -imaginary);
    }

    /** (a + c) + i b. */
    @Override
    public Complex plus(double c) {
        return new Complex(real + c, imaginary);
    }

    /** (a - c) + i b. */
    @Override
    public Complex minus(double c) {
        return new Complex(real - c, imaginary);
    }

    /** a c + i b c. */
    @Override
    public Complex times(double c) {
        return new Complex(real * c, imaginary * c);
    }

    /** a / c + i b / c. */
    @Override
    public Complex div(double c) {
        return new Complex(real / c, imaginary / c);
    }

    /** 1 / z = conj(z) / |z|^2, by Smith's algorithm. */
    public Complex reciprocal() {
        return new Complex(1, 0).div(this);
    }

    /**
     * f(z) as the principal-branch complex function, or, for the non-analytic functions, by the complex-step
     * convention. With z = a + i b:
     * <ul>
     *   <li>NEG: -z. SQRT: the principal root, t = sqrt((|a| + |z|)/2), (t, b/(2t)) for a &gt;= 0 and
     *       (|b|/(2t), copysign(t, b)) otherwise.</li>
     *   <li>CBRT: sign(a) cbrt(|w|) e^(i arg(w) / 3) with w = sign(a) z: the real cube root continued
     *       analytically about the real part, so it is analytic near the negative real axis too.</li>
     *   <li>EXP: e^a (cos b + i sin b). EXPM1: expm1(a) cos b - 2 sin^2(b/2) + i e^a sin b.</li>
     *   <li>LOG: log|z| + i atan2(b, a). LOG1P: (1/2) log1p(2a + a^2 + b^2) + i atan2(b, 1 + a).</li>
     *   <li>SIN: sin a cosh b + i cos a sinh b. COS: cos a cosh b - i sin a sinh b.
     *       TAN(z) = -i tanh(i z).</li>
     *   <li>SINH: sinh a cos b + i cosh a sin b. COSH: cosh a cos b + i sinh a sin b.
     *       TANH: Kahan's (beta rho s + i t) / (1 + beta s^2) with t = tan b, beta = 1 + t^2, s = sinh a,
     *       rho = cosh a, and sign(a) + 4 i sin b cos b e^(-2|a|) for |a| &gt; 22, so it is stable for large
     *       |a| and keeps 1 - tanh^2 where tanh rounds to 1.</li>
     *   <li>ASIN, ACOS: the algorithm of Hull, Fairgrieve and Tang; ASINH(z) = -i asin(i z);
     *       ACOSH(z) = +-i acos(z) with Re &gt;= 0; ATANH: sign(a) (1/4) log1p(4|a| / ((1 - |a|)^2 + b^2))
     *       + (i/2) atan2(2b, (1 - a)(1 + a) - b^2); ATAN(z) = -i atanh(i z).</li>
     *   <li>SIGMOID: 1 / (1 + e^-z) (e^z / (1 + e^z) for a &lt; 0). LOG_SIGMOID: -softplus(-z).
     *       SOFTPLUS: z + log1p(e^-z) for a &gt; 0, log1p(e^z) otherwise. SILU: z sigmoid(z).
     *       MISH: z tanh(softplus(z)). GELU: (z/2) erfc(-z / sqrt 2).</li>
     *   <li>ERF, ERFC, LOG_GAMMA, and every function outside the built-in tables (such as {@code Polygamma}):
     *       the Taylor series in the imaginary part, sum_n f^(n)(a) (i b)^n / n!, with the derivatives taken
     *       from a {@link Jet}. It is accurate for |b| &lt;= 1e-3 (1 + |a|), the regime of the complex step, and
     *       throws a {@code DslException} beyond that limit or if the series does not converge.</li>
     *   <li>ABS: -z if a &lt; 0, z if a &gt; 0, sign(0) z at a = 0. RELU: z if a &gt; 0, 0 if a &lt; 0,
     *       heaviside(0) z at a = 0. SIGN, HEAVISIDE: the real value of a, imaginary part 0.</li>
     *   <li>{@link PowerOf} z^p: exact repeated squaring for an integer p (reciprocal for p &lt; 0), the
     *       principal root for p = 1/2, and |z|^p e^(i p arg z) otherwise.</li>
     * </ul>
     */
    @Override
    public Complex apply(UnaryFunction f) {
        if (f instanceof Unary u) {
            return applyBuiltIn(u);
        }
        if (f instanceof PowerOf p) {
            return ComplexElementary.power(this, p.exponent());
        }
        if (f instanceof CuspPower p) {
            return real() == 0 && imaginary() == 0
                    ? new Complex(p.value(0), 0) : ComplexElementary.power(this, p.exponent());
        }
        return ComplexTaylor.apply(f, this);
    }

    private Complex applyBuiltIn(Unary u) {
        return switch (u) {
            case NEG -> unaryMinus();
            case SQRT -> ComplexElementary.sqrt(this);
            case CBRT -> ComplexElementary.cbrt(this);
            case EXP -> ComplexElementary.exp(this);
            case EXPM1 -> ComplexElementary.expm1(this);
            case LOG -> ComplexElementary.log(this);
            case LOG1P -> ComplexElementary.log1p(this);
            case SIN -> ComplexElementary.sin(this);
            case COS -> ComplexElementary.cos(this);
            case TAN -> ComplexElementary.tan(this);
            case SINH -> ComplexElementary.sinh(this);
            case COSH -> ComplexElementary.cosh(this);
            case TANH -> ComplexElementary.tanh(this);
            case ASIN -> ComplexInverse.asin(this);
            case ACOS -> ComplexInverse.acos(this);
            case ATAN -> ComplexInverse.atan(this);
            case ASINH -> ComplexInverse.asinh(this);
            case ACOSH -> ComplexInverse.acosh(this);
            case ATANH -> ComplexInverse.atanh(this);
            case ABS -> ComplexKink.abs(this);
            case SIGN -> ComplexKink.sign(this);
            case HEAVISIDE -> ComplexKink.heaviside(this);
            case RELU -> ComplexKink.relu(this);
            case SIGMOID -> ComplexActivation.sigmoid(this);
            case LOG_SIGMOID -> ComplexActivation.logSigmoid(this);
            case SOFTPLUS -> ComplexActivation.softplus(this);
            case SILU -> ComplexActivation.silu(this);
            case MISH -> ComplexActivation.mish(this);
            case GELU -> ComplexActivation.gelu(this);
            case ERF, ERFC, LOG_GAMMA -> ComplexTaylor.apply(u, this);
        };
    }

    /**
     * f(z, w) as the principal-branch complex function, or by the complex-step convention for the
     * non-analytic ones:
     * <ul>
     *   <li>ADD, SUB, MUL, DIV: exact complex arithmetic.</li>
     *   <li>POW: z^w = e^(w log z) = |z|^c e^(-d arg z) e^(i (d log|z| + c arg z)) with w = c + i d.</li>
     *   <li>LOG_BASE: log z / log w.</li>
     *   <li>ATAN2(y, x): the real atan2 continued analytically about the real parts: atan(y/x) + k with k the
     *       quadrant constant 0 or +-pi of the real parts (for |Re x| &gt;= |Re y|), and
     *       +-pi/2 - atan(x/y) otherwise. Both are analytic where the real atan2 is smooth.</li>
     *   <li>HYPOT: the principal sqrt(z^2 + w^2), the analytic continuation of the real hypot, with the squares
     *       scaled by a power of two and the imaginary part kept unscaled, so nothing overflows or underflows.</li>
     *   <li>MAX, MIN: the argument with the larger (smaller) real part; at a tie of the real parts the
     *       weighted average t z + (1 - t) w with t = {@code Kinks.current().tieShare()} (for min the weights
     *       swap). GREATER: its real value, imaginary part 0.</li>
     *   <li>LEAKY_RELU(z, alpha): z if a &gt; 0, alpha z if a &lt; 0, (h + (1 - h) alpha) z at a = 0 with
     *       h = heaviside(0). ELU(z, alpha): z if a &gt; 0, alpha expm1(z) if a &lt; 0,
     *       h z + (1 - h) alpha expm1(z) at a = 0.</li>
     *   <li>Every function outside the built-in table: the Taylor series along the imaginary parts,
     *       f(a + i b, c + i d) = sum_n c_n i^n with c_n the coefficients of the jet f(a + b t, c + d t);
     *       accurate for |b| &lt;= 1e-3 (1 + |a|) and |d| &lt;= 1e-3 (1 + |c|), and a {@code DslException}
     *       beyond that limit.</li>
     * </ul>
     */
    @Override
    public Complex apply(BinaryFunction f, Complex o) {
        if (f instanceof Binary b) {
            return switch (b) {
                case ADD -> plus(o);
                case SUB -> minus(o);
                case MUL -> times(o);
                case DIV -> div(o);
                case POW -> ComplexElementary.pow(this, o);
                case LOG_BASE -> ComplexElementary.log(this).div(ComplexElementary.log(o));
                case ATAN2 -> ComplexInverse.atan2(this, o);
                case HYPOT -> ComplexElementary.hypot(this, o);
                case MAX -> ComplexKink.max(this, o);
                case MIN -> ComplexKink.min(this, o);
                case GREATER -> ComplexKink.greater(this, o);
                case LEAKY_RELU -> ComplexKink.leakyRelu(this, o);
                case ELU -> ComplexKink.elu(this, o);
            };
        }
        return ComplexTaylor.apply(f, this, o);
    }

    /** {@code a + bi} or {@code a - bi}, such as {@code 1.0 + 2.0i}. */
    @Override
    public String toString() {
        boolean negative = imaginary < 0 || (imaginary == 0 && 1 / imaginary < 0);
        return real + (negative ? " - " : " + ") + Math.abs(imaginary) + "i";
    }
}
