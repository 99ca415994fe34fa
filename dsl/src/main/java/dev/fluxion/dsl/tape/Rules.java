package dev.fluxion.dsl.tape;

import static dev.fluxion.dsl.tape.Machine.FIRST_PARTIAL;
import static dev.fluxion.dsl.tape.Machine.LEFT;
import static dev.fluxion.dsl.tape.Machine.RIGHT;
import static dev.fluxion.dsl.tape.Machine.SECOND_PARTIAL;
import static dev.fluxion.dsl.tape.Machine.SELF;

/**
 * The rule table of the tape's arithmetic: for each operation, its value, its tangent (forward mode), its
 * contributions to its operands' adjoints (reverse mode) and to their tangents (forward over reverse), written once
 * against the instruction set of a {@link Machine}. The code writers ({@link KernelMethod}, {@link HessianMethod})
 * and the compile-time adjoints ({@link ConstantAdjoints}) run it; the interpreter's loops ({@link InterpreterSteps})
 * are written from it as Java source, so that generated code and interpreter agree bit for bit and no rule is
 * stated twice.
 *
 * <p>Notation, for node w with operands u (left) and v (right): a = adj(w), ad = its tangent, du, dv, dw the
 * tangents. A function's partials (p = df/du, q = df/dv) are nodes of the tape themselves, built from the function
 * table ({@code dev.fluxion.dsl.function}), so their rules are written there once; here a function is only "value
 * times partial".
 *
 * <p>An element-wise vector operation has the rules of its scalar operation, element by element
 * ({@link Tape#elementRule}); c u and u + c with a constant c (the node's own, {@link Machine#nodeConstant}) are
 * element-wise only.
 */
final class Rules {
    private Rules() {
    }

    /** The value of a node of operation {@code op}. */
    static double value(int op, Machine m) {
        return switch (op) {
            case Tape.ADD -> sum(m);
            case Tape.SUB -> difference(m);
            case Tape.MUL -> product(m);
            case Tape.DIV -> quotient(m);
            case Tape.NEG -> m.negated(m.value(LEFT));
            case Tape.SQUARE -> square(m);
            case Tape.UNARY -> m.unary(m.value(LEFT));
            case Tape.BINARY -> m.binary(m.value(LEFT), m.value(RIGHT));
            case Tape.VECTOR_SCALE -> m.times(m.value(LEFT), m.nodeConstant());
            case Tape.VECTOR_SHIFT -> m.plus(m.value(LEFT), m.nodeConstant());
            default -> throw notScalar(op);
        };
    }

    /** The tangent of a node of operation {@code op}, from its operands' tangents. */
    static double tangent(int op, Machine m) {
        return switch (op) {
            case Tape.ADD -> sumTangent(m);
            case Tape.SUB -> differenceTangent(m);
            case Tape.MUL -> productTangent(m);
            case Tape.DIV -> quotientTangent(m);
            case Tape.NEG -> m.negated(m.tangent(LEFT));
            case Tape.SQUARE -> squareTangent(m);
            case Tape.UNARY -> m.times(m.value(FIRST_PARTIAL), m.tangent(LEFT));
            case Tape.BINARY -> functionTangent(m);
            case Tape.VECTOR_SCALE -> m.times(m.tangent(LEFT), m.nodeConstant());
            case Tape.VECTOR_SHIFT -> m.tangent(LEFT);
            default -> throw notScalar(op);
        };
    }

    /** Adds a node's contributions into its operands' adjoints. */
    static void adjoint(int op, Machine m) {
        switch (op) {
            case Tape.ADD -> sumAdjoint(m);
            case Tape.SUB -> differenceAdjoint(m);
            case Tape.MUL -> productAdjoint(m);
            case Tape.DIV -> quotientAdjoint(m);
            case Tape.NEG -> m.subtractFromAdjoint(LEFT, m.adjoint());
            case Tape.SQUARE -> squareAdjoint(m);
            case Tape.UNARY -> m.addToAdjoint(LEFT, m.times(m.adjoint(), m.value(FIRST_PARTIAL)));
            case Tape.BINARY -> functionAdjoint(m);
            case Tape.VECTOR_SCALE -> scaleAdjoint(m);
            case Tape.VECTOR_SHIFT -> m.addToAdjoint(LEFT, m.adjoint());
            default -> throw notScalar(op);
        }
    }

    /** Adds a node's contributions into its operands' adjoint tangents (the tangent of {@link #adjoint}). */
    static void adjointTangent(int op, Machine m) {
        switch (op) {
            case Tape.ADD -> sumAdjointTangent(m);
            case Tape.SUB -> differenceAdjointTangent(m);
            case Tape.MUL -> productAdjointTangent(m);
            case Tape.DIV -> quotientAdjointTangent(m);
            case Tape.NEG -> m.subtractFromAdjointTangent(LEFT, m.adjointTangent());
            case Tape.SQUARE -> squareAdjointTangent(m);
            case Tape.UNARY -> m.addToAdjointTangent(LEFT, chainTangent(m, FIRST_PARTIAL));
            case Tape.BINARY -> functionAdjointTangent(m);
            case Tape.VECTOR_SCALE -> scaleAdjointTangent(m);
            case Tape.VECTOR_SHIFT -> m.addToAdjointTangent(LEFT, m.adjointTangent());
            default -> throw notScalar(op);
        }
    }

    // ---- w = u + v: dw = du + dv, adj(u) += a, adj(v) += a; w = u - v: dw = du - dv, adj(u) += a, adj(v) -= a
    // (the adjoints' tangents: ad) ----

    private static double sum(Machine m) {
        return m.plus(m.value(LEFT), m.value(RIGHT));
    }

    private static double sumTangent(Machine m) {
        return m.plus(m.tangent(LEFT), m.tangent(RIGHT));
    }

    private static double difference(Machine m) {
        return m.minus(m.value(LEFT), m.value(RIGHT));
    }

    private static double differenceTangent(Machine m) {
        return m.minus(m.tangent(LEFT), m.tangent(RIGHT));
    }

    private static void sumAdjoint(Machine m) {
        m.addToAdjoint(LEFT, m.adjoint());
        m.addToAdjoint(RIGHT, m.adjoint());
    }

    private static void sumAdjointTangent(Machine m) {
        m.addToAdjointTangent(LEFT, m.adjointTangent());
        m.addToAdjointTangent(RIGHT, m.adjointTangent());
    }

    private static void differenceAdjoint(Machine m) {
        m.addToAdjoint(LEFT, m.adjoint());
        m.subtractFromAdjoint(RIGHT, m.adjoint());
    }

    private static void differenceAdjointTangent(Machine m) {
        m.addToAdjointTangent(LEFT, m.adjointTangent());
        m.subtractFromAdjointTangent(RIGHT, m.adjointTangent());
    }

    // ---- w = u v: dw = du v + u dv; adj(u) += a v, adj(v) += a u, and their tangents ----

    private static double product(Machine m) {
        return m.times(m.value(LEFT), m.value(RIGHT));
    }

    private static double productTangent(Machine m) {
        return m.plus(m.times(m.tangent(LEFT), m.value(RIGHT)), m.times(m.value(LEFT), m.tangent(RIGHT)));
    }

    private static void productAdjoint(Machine m) {
        m.addToAdjoint(LEFT, m.times(m.adjoint(), m.value(RIGHT)));
        m.addToAdjoint(RIGHT, m.times(m.adjoint(), m.value(LEFT)));
    }

    private static void productAdjointTangent(Machine m) {
        m.addToAdjointTangent(LEFT, m.plus(m.times(m.adjointTangent(), m.value(RIGHT)),
                m.times(m.adjoint(), m.tangent(RIGHT))));
        m.addToAdjointTangent(RIGHT, m.plus(m.times(m.adjointTangent(), m.value(LEFT)),
                m.times(m.adjoint(), m.tangent(LEFT))));
    }

    // ---- w = u / v: dw = (du - w dv) / v; adj(u) += a / v, adj(v) -= a w / v, and their tangents ----

    private static double quotient(Machine m) {
        return m.over(m.value(LEFT), m.value(RIGHT));
    }

    private static double quotientTangent(Machine m) {
        return m.over(m.minus(m.tangent(LEFT), m.times(m.value(SELF), m.tangent(RIGHT))), m.value(RIGHT));
    }

    private static void quotientAdjoint(Machine m) {
        double divisor = m.value(RIGHT);
        m.addToAdjoint(LEFT, m.over(m.adjoint(), divisor));
        m.subtractFromAdjoint(RIGHT, m.over(m.times(m.adjoint(), m.value(SELF)), divisor));
    }

    /**
     * d(a / v) = ad / v - a dv / v^2 (the square guarded, {@link Sweeps#dividedBySquare}), and
     * d(a w / v) = ad w / v + a (dw - w dv / v) / v.
     */
    private static void quotientAdjointTangent(Machine m) {
        double divisor = m.value(RIGHT);
        double quotient = m.value(SELF);
        double a = m.adjoint();
        double ad = m.adjointTangent();
        m.addToAdjointTangent(LEFT, m.minus(m.over(ad, divisor),
                m.dividedBySquare(m.times(a, m.tangent(RIGHT)), divisor)));
        m.subtractFromAdjointTangent(RIGHT, m.plus(m.over(m.times(ad, quotient), divisor),
                m.over(m.times(a, m.minus(m.tangent(SELF), m.over(m.times(quotient, m.tangent(RIGHT)), divisor))),
                        divisor)));
    }

    // ---- w = u^2: dw = 2 u du; adj(u) += 2 a u, whose tangent is 2 (ad u + a du) ----

    private static double square(Machine m) {
        return m.times(m.value(LEFT), m.value(LEFT));
    }

    private static double squareTangent(Machine m) {
        return m.times(m.times(m.constant(2), m.value(LEFT)), m.tangent(LEFT));
    }

    private static void squareAdjoint(Machine m) {
        m.addToAdjoint(LEFT, m.times(m.times(m.constant(2), m.adjoint()), m.value(LEFT)));
    }

    private static void squareAdjointTangent(Machine m) {
        m.addToAdjointTangent(LEFT, m.times(m.constant(2),
                m.plus(m.times(m.adjointTangent(), m.value(LEFT)), m.times(m.adjoint(), m.tangent(LEFT)))));
    }

    // ---- w = f(u) or f(u, v), partials p and q: dw = p du + q dv; adj(u) += a p, adj(v) += a q ----

    private static double functionTangent(Machine m) {
        return m.plus(m.times(m.value(FIRST_PARTIAL), m.tangent(LEFT)),
                m.times(m.value(SECOND_PARTIAL), m.tangent(RIGHT)));
    }

    private static void functionAdjoint(Machine m) {
        m.addToAdjoint(LEFT, m.times(m.adjoint(), m.value(FIRST_PARTIAL)));
        m.addToAdjoint(RIGHT, m.times(m.adjoint(), m.value(SECOND_PARTIAL)));
    }

    private static void functionAdjointTangent(Machine m) {
        m.addToAdjointTangent(LEFT, chainTangent(m, FIRST_PARTIAL));
        m.addToAdjointTangent(RIGHT, chainTangent(m, SECOND_PARTIAL));
    }

    /** The tangent of adj(operand) += a p, p the partial at node {@code partial}: ad p + a dp. */
    private static double chainTangent(Machine m, int partial) {
        return m.plus(m.times(m.adjointTangent(), m.value(partial)), m.times(m.adjoint(), m.tangent(partial)));
    }

    // ---- w = c u for the node's constant c: adj(u) += a c, whose tangent is ad c ----

    private static void scaleAdjoint(Machine m) {
        m.addToAdjoint(LEFT, m.times(m.adjoint(), m.nodeConstant()));
    }

    private static void scaleAdjointTangent(Machine m) {
        m.addToAdjointTangent(LEFT, m.times(m.adjointTangent(), m.nodeConstant()));
    }

    private static IllegalStateException notScalar(int op) {
        return new IllegalStateException("no rule for tape operation " + op);
    }
}
