package dev.fluxion.dsl.tape;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The sparsity pattern of a scalar tape's Hessian, read from the tape's dependencies, and a colouring of its
 * columns that lets a few Hessian-vector products give every entry.
 *
 * <p>The pattern follows the forward-over-reverse sweep ({@link Sweeps}) as a flow of sets of variables: the tangent
 * of node k can be nonzero only along the variables in {@code tangent[k]} (the union over its operands), and the
 * tangent of its adjoint only along those in {@code adjointTangent[k]}, which gathers, node by node in reverse, the
 * sets of the adjoint tangents passed on and of the tangents a rule multiplies by the adjoint (a product's other
 * factor, a function's partial). Row i of the pattern is the set of variable i's adjoint tangent: (H e_j)_i is
 * exactly +0 for every j outside it. Rosenbrock's pattern is tridiagonal.
 *
 * <p>Columns j and k conflict when some row holds both; a greedy colouring in column order gives conflicting
 * columns different colours (a distance-2 colouring of the column intersection graph). Seeding every column of one
 * colour at once, H u for that sum u still holds, in row i, the single entry (i, j) of the colour in row i's
 * pattern, and every contribution to it is computed as the column j sweep computes it (a contribution that involved
 * another seeded column would put that column in row i too). Tridiagonal Hessians need 3 colours, for any n.
 */
final class HessianSparsity {
    /** Row i: the columns j with H_ij structurally nonzero. */
    private final BitSet[] rows;
    private final int[] colour;
    private final int colours;

    private HessianSparsity(BitSet[] rows, int[] colour, int colours) {
        this.rows = rows;
        this.colour = colour;
        this.colours = colours;
    }

    /** The pattern and colouring of a scalar tape's Hessian (output 0). */
    static HessianSparsity of(Tape t) {
        int n = t.dimension();
        BitSet[] tangent = new BitSet[t.size];
        BitSet[] adjointTangent = new BitSet[t.size];
        for (int i = 0; i < t.size; i++) {
            tangent[i] = new BitSet();
            adjointTangent[i] = new BitSet();
        }
        for (int k = 0; k < n; k++) {
            if (t.inputPosition[k] >= 0) {
                tangent[t.inputPosition[k]].set(k);
            }
        }
        for (int i : t.tangentOrder) {
            switch (t.op[i]) {
                case Tape.ADD, Tape.SUB, Tape.MUL, Tape.DIV, Tape.BINARY -> {
                    tangent[i].or(tangent[t.left[i]]);
                    tangent[i].or(tangent[t.right[i]]);
                }
                case Tape.NEG, Tape.SQUARE, Tape.UNARY -> tangent[i].or(tangent[t.left[i]]);
                default -> throw new IllegalStateException("no scalar tangent rule for operation " + t.op[i]);
            }
        }
        for (int i : t.reverseOrder) {
            int l = t.left[i];
            int r = t.right[i];
            BitSet passed = adjointTangent[i];
            switch (t.op[i]) {
                case Tape.ADD, Tape.SUB -> {
                    adjointTangent[l].or(passed);
                    adjointTangent[r].or(passed);
                }
                case Tape.NEG -> adjointTangent[l].or(passed);
                case Tape.MUL -> {
                    receive(adjointTangent[l], passed, tangent[r]);
                    receive(adjointTangent[r], passed, tangent[l]);
                }
                case Tape.DIV -> {
                    receive(adjointTangent[l], passed, tangent[r]);
                    receive(adjointTangent[r], passed, tangent[r]);
                    adjointTangent[r].or(tangent[i]);
                }
                case Tape.SQUARE -> receive(adjointTangent[l], passed, tangent[l]);
                case Tape.UNARY -> receive(adjointTangent[l], passed, tangent[t.firstPartial[i]]);
                case Tape.BINARY -> {
                    receive(adjointTangent[l], passed, tangent[t.firstPartial[i]]);
                    receive(adjointTangent[r], passed, tangent[t.secondPartial[i]]);
                }
                default -> throw new IllegalStateException("no scalar adjoint rule for operation " + t.op[i]);
            }
        }
        BitSet[] rows = new BitSet[n];
        for (int k = 0; k < n; k++) {
            rows[k] = t.inputPosition[k] >= 0 ? adjointTangent[t.inputPosition[k]] : new BitSet();
        }
        return colour(rows, n);
    }

    private static void receive(BitSet target, BitSet passed, BitSet multiplied) {
        target.or(passed);
        target.or(multiplied);
    }

    /** Greedy colouring in column order: each column takes the least colour no earlier conflicting column has. */
    private static HessianSparsity colour(BitSet[] rows, int n) {
        List<List<Integer>> rowsOfColumn = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            rowsOfColumn.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            for (int j = rows[i].nextSetBit(0); j >= 0; j = rows[i].nextSetBit(j + 1)) {
                rowsOfColumn.get(j).add(i);
            }
        }
        int[] colour = new int[n];
        int colours = 0;
        for (int j = 0; j < n; j++) {
            BitSet taken = new BitSet();
            for (int i : rowsOfColumn.get(j)) {
                for (int k = rows[i].nextSetBit(0); k >= 0 && k < j; k = rows[i].nextSetBit(k + 1)) {
                    taken.set(colour[k]);
                }
            }
            colour[j] = taken.nextClearBit(0);
            colours = Math.max(colours, colour[j] + 1);
        }
        return new HessianSparsity(rows, colour, colours);
    }

    /** The number of colours: Hessian-vector products needed for the whole Hessian. */
    int colours() {
        return colours;
    }

    /** The columns of colour c, the variables seeded together for that product. */
    BitSet columnsOf(int c) {
        BitSet columns = new BitSet();
        for (int j = 0; j < colour.length; j++) {
            if (colour[j] == c) {
                columns.set(j);
            }
        }
        return columns;
    }

    /** The column of colour c in row i's pattern, whose entry the product of colour c holds in row i, or -1. */
    int columnIn(int row, int c) {
        BitSet pattern = rows[row];
        for (int j = pattern.nextSetBit(0); j >= 0; j = pattern.nextSetBit(j + 1)) {
            if (colour[j] == c) {
                return j;
            }
        }
        return -1;
    }
}
