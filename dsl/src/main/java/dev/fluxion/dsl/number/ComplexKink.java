package dev.fluxion.dsl.number;

import dev.fluxion.dsl.function.Kinks;

/**
 * The non-analytic functions under the complex-step convention of Martins, Sturdza and Alonso (ACM TOMS 2003,
 * section 3.3): the piece is chosen by the real part, and the chosen piece, which is analytic, is evaluated
 * on the whole complex number. At the kink itself (a real part exactly at the switch) the slope carried in the
 * imaginary part is the one of {@link Kinks#current()}, as on every other face of the dsl. Step functions
 * (sign, heaviside, greater) are locally constant, so they return their real value with imaginary part 0.
 */
final class ComplexKink {

    private ComplexKink() {
    }

    /** abs z = z for a &gt; 0, -z for a &lt; 0, and sign(0) z at a = 0 (so abs'(0) = sign(0)). */
    static Complex abs(Complex z) {
        double a = z.real();
        if (a > 0) {
            return z;
        }
        if (a < 0) {
            return z.unaryMinus();
        }
        return z.times(Kinks.current().sign(a));
    }

    /** sign z = sign(a) + 0 i, with the convention's sign(0). */
    static Complex sign(Complex z) {
        return new Complex(Kinks.current().sign(z.real()), 0);
    }

    /** heaviside z = heaviside(a) + 0 i, with the convention's heaviside(0). */
    static Complex heaviside(Complex z) {
        return new Complex(Kinks.current().heaviside(z.real()), 0);
    }

    /** relu z = z for a &gt; 0, 0 for a &lt; 0, and heaviside(0) z at a = 0 (so relu'(0) = heaviside(0)). */
    static Complex relu(Complex z) {
        double a = z.real();
        if (a > 0) {
            return z;
        }
        if (a < 0) {
            return new Complex(0, 0);
        }
        return z.times(Kinks.current().heaviside(a));
    }

    /** greater(z, w) = greater(a, c) + 0 i for the real parts a and c, with the convention's tie share. */
    static Complex greater(Complex z, Complex w) {
        return new Complex(Kinks.current().greater(z.real(), w.real()), 0);
    }

    /** max(z, w): the argument with the larger real part; at a tie t z + (1 - t) w with t the tie share. */
    static Complex max(Complex z, Complex w) {
        double share = Kinks.current().greater(z.real(), w.real());
        return blend(z, w, share);
    }

    /** min(z, w): the argument with the smaller real part; at a tie (1 - t) z + t w with t the tie share. */
    static Complex min(Complex z, Complex w) {
        double share = Kinks.current().greater(z.real(), w.real());
        return blend(z, w, 1 - share);
    }

    /** share z + (1 - share) w, returning an argument itself when the share is 0 or 1. */
    private static Complex blend(Complex z, Complex w, double share) {
        if (share == 1) {
            return z;
        }
        if (share == 0) {
            return w;
        }
        return z.times(share).plus(w.times(1 - share));
    }

    /**
     * leakyRelu(z, alpha) = z for a &gt; 0, alpha z for a &lt; 0, and (h + (1 - h) alpha) z at a = 0 with
     * h = heaviside(0), whose slope in z is the dsl's alpha + (1 - alpha) heaviside(0).
     */
    static Complex leakyRelu(Complex z, Complex alpha) {
        double a = z.real();
        if (a > 0) {
            return z;
        }
        if (a < 0) {
            return alpha.times(z);
        }
        double h = Kinks.current().heaviside(a);
        return alpha.times(1 - h).plus(h).times(z);
    }

    /**
     * elu(z, alpha) = z for a &gt; 0, alpha expm1(z) for a &lt; 0, and h z + (1 - h) alpha expm1(z) at a = 0
     * with h = heaviside(0), whose slope in z is the dsl's h + (1 - h) alpha.
     */
    static Complex elu(Complex z, Complex alpha) {
        double a = z.real();
        if (a > 0) {
            return z;
        }
        Complex negativePiece = alpha.times(ComplexElementary.expm1(z));
        if (a < 0) {
            return negativePiece;
        }
        double h = Kinks.current().heaviside(a);
        return z.times(h).plus(negativePiece.times(1 - h));
    }
}
