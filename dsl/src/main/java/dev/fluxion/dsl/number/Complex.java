package dev.fluxion.dsl.number;

import dev.fluxion.dsl.function.Binary;
import dev.fluxion.dsl.function.BinaryFunction;
import dev.fluxion.dsl.function.Unary;
import dev.fluxion.dsl.function.UnaryFunction;

/**
 * A complex number a + i b, for the complex-step derivative: for an analytic f and a real x,
 * f(x + i h) = f(x) + i h f'(x) - h^2 f''(x) / 2 - i h^3 f'''(x) / 6 + ..., so
 * f'(x) = Im f(x + i h) / h + O(h^2) and f(x) = Re f(x + i h) + O(h^2). No difference is taken, so h can be
 * as small as 1e-200 and the derivative is exact to rounding.
 *
 * <p>The arithmetic is exact complex arithmetic (division by Smith's algorithm, so no intermediate overflows).
 * Functions ({@link #apply(UnaryFunction)}, {@link #apply(BinaryFunction, Complex)}) are summed from their
 * Taylor series in the imaginary part, with the derivatives from the one rule table every number of the dsl
 * uses, so a function has no second, complex definition to keep in step: for z = x + i h with h tiny,
 * Im f(z) = h f'(x) to full relative precision. This holds in the complex-step regime,
 * |h| &lt;= 1e-3 (1 + |x|); complex numbers far from the real axis (exp(i pi)) are not what this type is for.
 * The non-analytic functions (abs, relu, max and the like) take the branch of the real part, and at the kink
 * itself the slope is the one of the convention the function is bound to (standard unless applied as
 * {@code z.apply(kinks.bind(Unary.ABS))}), as for every other face of the dsl.
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
     * f(z) by the Taylor series in the imaginary part, f(a + i b) = sum_n f^(n)(a) (i b)^n / n!, with the
     * derivatives taken from a {@link Jet} through f's own derivative rules (see {@code ComplexTaylor}); -z
     * exactly. It holds for |b| &lt;= 1e-3 (1 + |a|), the regime of the complex step, and throws a
     * {@code DslException} beyond that limit or where the series does not settle (near a pole). At a kink the
     * slope is the one of the convention f is bound to ({@code Kinks.bind}), as everywhere in the dsl.
     */
    @Override
    public Complex apply(UnaryFunction f) {
        return f == Unary.NEG ? unaryMinus() : ComplexTaylor.apply(f, this);
    }

    /**
     * f(z, w): exact complex arithmetic for +, -, * and /, and otherwise the Taylor series along the imaginary
     * parts, f(a + i b, c + i d) = sum_n c_n i^n with c_n the coefficients of the jet f(a + b t, c + d t), for
     * |b| &lt;= 1e-3 (1 + |a|) and |d| &lt;= 1e-3 (1 + |c|).
     */
    @Override
    public Complex apply(BinaryFunction f, Complex o) {
        if (f == Binary.ADD) {
            return plus(o);
        }
        if (f == Binary.SUB) {
            return minus(o);
        }
        if (f == Binary.MUL) {
            return times(o);
        }
        if (f == Binary.DIV) {
            return div(o);
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
