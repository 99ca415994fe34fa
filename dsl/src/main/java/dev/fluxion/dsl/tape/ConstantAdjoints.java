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

    /**
     * Follows the reverse sweep of output 0 with the values it cannot know at compile time marked unknown: the
     * rules of + - negation, products and quotients ({@link Rules#adjoint}) run on a {@link TermMachine}, which
     * computes a contribution whose factors are all constants and leaves the others as code, never written.
     */
    static ConstantAdjoints of(Tape t) {
        boolean[] known = new boolean[t.size];
        double[] adjoint = new double[t.size];
        Arrays.fill(known, true);
        adjoint[t.outputs[0]] = 1;
        TermMachine rules = new TermMachine(t, null, null, null, new Folding(t, known, adjoint), false);
        for (int i : t.reverseOrder) {
            int l = t.left[i];
            int r = t.right[i];
            int op = t.op[i];
            if (Tape.isVector(op)) {
                if (op == Tape.BROADCAST) {
                    known[l] = false;
                }
                continue;
            }
            if (known[i] && adjoint[i] == 0 && op <= Tape.BINARY) {
                continue;
            }
            switch (op) {
                case Tape.ADD, Tape.SUB, Tape.NEG, Tape.MUL, Tape.DIV -> Rules.adjoint(op, rules.at(i));
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

    /**
     * The operands of the rules at compile time: constants' values and known adjoints are constant terms, all else
     * unknown; a constant contribution is added into a known adjoint as the interpreter adds it, any other makes
     * the target unknown.
     */
    private record Folding(Tape t, boolean[] known, double[] adjoint) implements TermMachine.Operands {
        private static final TermMachine.Term UNKNOWN = new TermMachine.Term(() -> {
            throw new IllegalStateException("an unknown term is never written");
        }, false, 0);

        @Override
        public TermMachine.Term value(int node) {
            return t.op[node] == Tape.CONSTANT ? constant(t.constants[node]) : UNKNOWN;
        }

        @Override
        public TermMachine.Term tangent(int node) {
            return UNKNOWN;
        }

        @Override
        public TermMachine.Term adjoint(int node) {
            return known[node] ? constant(adjoint[node]) : UNKNOWN;
        }

        @Override
        public TermMachine.Term adjointTangent(int node) {
            return UNKNOWN;
        }

        @Override
        public void addToAdjoint(int from, int target, TermMachine.Term term, boolean subtract) {
            if (!term.constant()) {
                known[target] = false;
            } else if (subtract) {
                adjoint[target] -= term.value();
            } else {
                adjoint[target] += term.value();
            }
        }

        @Override
        public void addToAdjointTangent(int from, int target, TermMachine.Term term, boolean subtract) {
            throw new IllegalStateException("no adjoint tangents at compile time");
        }

        private static TermMachine.Term constant(double c) {
            return new TermMachine.Term(() -> {
                throw new IllegalStateException("a folded constant is never written");
            }, true, c);
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
