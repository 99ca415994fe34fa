package dev.fluxion.dsl.tape;

import java.util.Arrays;

/**
 * The adjoints of a tape's scalar nodes that are the same at every point: those reached from the output only
 * through +, -, negation, and products and quotients with constants. The mean of a vector, sum(v) / n, has the
 * constant adjoint 1/n at its sum. A generated kernel that knows a sum's adjoint before the sum is computed can
 * run the sum's loop forward and backward in one pass.
 *
 * <p>Each known adjoint is computed in the interpreter's order of operations ({@link Sweeps#reverse}), so it has
 * the very bits the interpreter's reverse sweep gives it.
 */
final class ConstantAdjoints {
    private final boolean[] known;
    private final double[] adjoint;

    private ConstantAdjoints(boolean[] known, double[] adjoint) {
        this.known = known;
        this.adjoint = adjoint;
    }

    /** Follows the reverse sweep of output 0 with the values it cannot know at compile time marked unknown. */
    static ConstantAdjoints of(Tape t) {
        boolean[] known = new boolean[t.size];
        double[] adjoint = new double[t.size];
        Arrays.fill(known, true);
        adjoint[t.outputs[0]] = 1;
        for (int i : t.reverseOrder) {
            int l = t.left[i];
            int r = t.right[i];
            if (Tape.isVector(t.op[i])) {
                if (t.op[i] == Tape.BROADCAST) {
                    known[l] = false;
                }
                continue;
            }
            double a = adjoint[i];
            boolean constant = known[i];
            if (constant && a == 0 && t.op[i] <= Tape.BINARY) {
                continue;
            }
            switch (t.op[i]) {
                case Tape.ADD -> {
                    add(known, adjoint, l, constant, a);
                    add(known, adjoint, r, constant, a);
                }
                case Tape.SUB -> {
                    add(known, adjoint, l, constant, a);
                    add(known, adjoint, r, constant, -a);
                }
                case Tape.NEG -> add(known, adjoint, l, constant, -a);
                case Tape.MUL -> {
                    add(known, adjoint, l, constant && isConstant(t, r), a * t.constants[r]);
                    add(known, adjoint, r, constant && isConstant(t, l), a * t.constants[l]);
                }
                case Tape.DIV -> {
                    add(known, adjoint, l, constant && isConstant(t, r), a / t.constants[r]);
                    known[r] = false;
                }
                case Tape.SUM -> {
                    // the argument is a vector: its adjoints live in the generated loop
                }
                default -> {
                    if (l >= 0) {
                        known[l] = false;
                    }
                    if (r >= 0) {
                        known[r] = false;
                    }
                }
            }
        }
        return new ConstantAdjoints(known, adjoint);
    }

    private static boolean isConstant(Tape t, int node) {
        return t.op[node] == Tape.CONSTANT;
    }

    /** adj[target] += contribution, as the interpreter adds it (a - b is a + (-b) in IEEE arithmetic). */
    private static void add(boolean[] known, double[] adjoint, int target, boolean constant, double contribution) {
        if (constant) {
            adjoint[target] += contribution;
        } else {
            known[target] = false;
        }
    }

    /** Whether node i's adjoint is the same at every point. */
    boolean isKnown(int i) {
        return known[i];
    }

    /** Node i's adjoint, when {@link #isKnown(int)}. */
    double of(int i) {
        return adjoint[i];
    }
}
