package dev.fluxion.dsl.tape;

import dev.fluxion.dsl.expr.Matrix;
import java.util.BitSet;

/**
 * The quadratic forms v . (M v) of a tape whose matrix M is exactly symmetric, for which a generated kernel writes
 * the gradient 2a (M v) from the product it has already computed, instead of a (M v) + M^T (a v): one matrix
 * product per call instead of two.
 *
 * <p>A form qualifies when its product p = M v and the element-wise product q = v p (either order) are read only by
 * the sum s = sum(q), v only by p and q, and the adjoint a of s is known at compile time ({@link ConstantAdjoints})
 * and a power of two. Then v's adjoint receives three kinds of contributions, a p_c from q, and M_rc (a v_r) for
 * each row r from the product's reverse; and with M symmetric and a a power of two, M_rc (a v_r) = a (M_cr v_r)
 * exactly (barring underflow), so the product's contributions, added first, sum to a (M v)_c, the very products of
 * p_c in the same order, and all of them to 2a p_c, exactly. The interpreter ({@link Sweeps}) adds the same three
 * contributions in the other order (a p_c first), so its gradient may differ from the kernel's in the last bits: one
 * of the fused loops that add three or more contributions to one gradient entry in another order
 * ({@link KernelMethod}). The value is unchanged. The kernel writes the gradient as p_c (2a), 2a a constant, and as
 * p_c alone when 2a = 1 (the landscapes' (1/2) forms): an optimizer's step waits on every dependent operation between
 * x and the gradient, and (a p_c) 2 would be two of them. For the same reason the kernel writes p (of a matrix of at most 16 entries, which it writes out
 * entry by entry; larger ones take the row blocks, which start from 0) without the leading 0 + of {@link dev.fluxion.dsl.expr.Matrix#multiplyInto} ((0 + a) + b is (a + b) + 0: they differ only in
 * the sign of a zero, which neither the sum from 0 nor v's adjoint, added to 0 on its way into the gradient, can
 * see), and, when v is computed (kept whole), stores v's adjoints, whose only contribution is this one, instead of
 * adding them to 0: so the gradient is the same to the bit.
 *
 * <p>This is the rotated quadratic (1/2) (x - x*)^T A (x - x*) of the landscapes, whose gradient A (x - x*) a
 * hand-written loop computes with n^2 products where the general reverse sweep takes 2 n^2.
 */
final class SymmetricForms {
    private SymmetricForms() {
    }

    /** The matrix-product nodes p of the qualifying forms v . (M v) of tape t. */
    static BitSet of(Tape t, ConstantAdjoints known) {
        int[] readers = new int[t.size];
        for (int k : t.reverseOrder) {
            if (t.left[k] >= 0) {
                readers[t.left[k]]++;
            }
            if (t.right[k] >= 0) {
                readers[t.right[k]]++;
            }
        }
        BitSet products = new BitSet();
        for (int s : t.reverseOrder) {
            if (t.op[s] != Tape.SUM || !known.isKnown(s) || !isPowerOfTwo(known.of(s))) {
                continue;
            }
            int q = t.left[s];
            if (t.op[q] != Tape.VECTOR_MUL || readers[q] != 1) {
                continue;
            }
            int p = product(t, t.left[q], t.right[q]);
            if (p < 0) {
                p = product(t, t.right[q], t.left[q]);
            }
            if (p >= 0 && readers[p] == 1 && readers[t.left[p]] == 2 && isSymmetric(t.matrix[p])) {
                products.set(p);
            }
        }
        return products;
    }

    /**
     * 2a, where a is the known adjoint of the sum that reads the element-wise product q of a qualifying form: the
     * factor of v's gradient 2a (M v). Computed once at compile time, 2a p_c is the correctly rounded product, the
     * same bits as (a p_c) 2 wherever a p_c is exact (everywhere but where it falls below the normal range).
     */
    static double twiceAdjoint(Tape t, ConstantAdjoints known, int q) {
        for (int s : t.reverseOrder) {
            if (t.op[s] == Tape.SUM && t.left[s] == q) {
                return 2 * known.of(s);
            }
        }
        throw new IllegalStateException("no sum reads the quadratic form's product at node " + q);
    }

    /** p if node p is a matrix product of node v (v != p), else -1. */
    private static int product(Tape t, int p, int v) {
        return t.op[p] == Tape.MATRIX_PRODUCT && t.left[p] == v ? p : -1;
    }

    /** Whether a is +-2^k with 2a a normal, finite double, so that scaling by a and by 2a is exact. */
    private static boolean isPowerOfTwo(double a) {
        double magnitude = Math.abs(a);
        return magnitude >= Double.MIN_NORMAL && 2 * magnitude <= Double.MAX_VALUE
                && magnitude == Math.scalb(1.0, Math.getExponent(magnitude));
    }

    /** Whether M is square and M_ij and M_ji have the same bits for every i, j. */
    private static boolean isSymmetric(Matrix m) {
        if (m.rows() != m.columns()) {
            return false;
        }
        for (int i = 0; i < m.rows(); i++) {
            for (int j = i + 1; j < m.columns(); j++) {
                if (Double.doubleToRawLongBits(m.get(i, j)) != Double.doubleToRawLongBits(m.get(j, i))) {
                    return false;
                }
            }
        }
        return true;
    }
}
