package dev.fluxion.dsl.tape;

import static org.objectweb.asm.Opcodes.DADD;
import static org.objectweb.asm.Opcodes.DCONST_0;
import static org.objectweb.asm.Opcodes.DCONST_1;
import static org.objectweb.asm.Opcodes.DDIV;
import static org.objectweb.asm.Opcodes.DMUL;
import static org.objectweb.asm.Opcodes.DNEG;
import static org.objectweb.asm.Opcodes.DSUB;
import static org.objectweb.asm.Opcodes.DUP2;
import static org.objectweb.asm.Opcodes.GETSTATIC;
import static org.objectweb.asm.Opcodes.INVOKEINTERFACE;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;

import dev.fluxion.dsl.function.PowerOf;
import dev.fluxion.dsl.function.UnaryFunction;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.MethodVisitor;

/**
 * The {@link Machine} of the code writers: a rule's numbers name {@link Term}s, pieces of bytecode that push a double,
 * and running a rule builds the terms of its results; a writer emits the term of a value or tangent, and its
 * {@link Operands} emit the contributions to adjoints. Where a writer's operands are stored and how a contribution
 * is added is the writer's ({@link KernelMethod}, {@link HessianMethod}); the arithmetic, and the folding of terms
 * known at compile time, is here.
 *
 * <p>Folding keeps the rule's bits. Products and quotients of constants are computed here in the same double
 * arithmetic (which is how {@link ConstantAdjoints} finds the adjoints known at compile time); a factor
 * 1 is left out (1 x = x exactly) and a factor 2 becomes x + x (2 x exactly). A term that is zero at every point
 * (named {@link #ZERO}; {@link Operands} return null for it) makes a product or quotient it is the numerator of zero,
 * and is left out of sums; with the constant -1 a factor becomes a negation. Those two change the sign of a zero or
 * a NaN, so only a writer that checks its results for them asks for them ({@code foldsZeros}, see
 * {@link HessianMethod}).
 */
final class TermMachine implements Machine {
    /** The name of the term that is zero at every point. */
    static final double ZERO = -1;
    private static final String UNARY = "dev/fluxion/dsl/function/UnaryFunction";
    private static final String BINARY = "dev/fluxion/dsl/function/BinaryFunction";
    private static final String SWEEPS = "dev/fluxion/dsl/tape/Sweeps";

    /**
     * A term: its code pushes one double. A term known at compile time ({@code constant}) carries its value.
     */
    record Term(Runnable push, boolean constant, double value) {
        void emit() {
            push.run();
        }

        boolean isOne() {
            return constant && value == 1;
        }
    }

    /** What a writer reads and where it adds: by node, null for a term that is zero at every point. */
    interface Operands {
        Term value(int node);

        Term tangent(int node);

        Term adjoint(int node);

        Term adjointTangent(int node);

        /** adj[target] (+ or -)= term, for node {@code from}'s rule. */
        void addToAdjoint(int from, int target, Term term, boolean subtract);

        /** adjDot[target] (+ or -)= term, for node {@code from}'s rule; term is not null. */
        void addToAdjointTangent(int from, int target, Term term, boolean subtract);
    }

    private final Tape t;
    private final MethodVisitor mv;
    private final String owner;
    private final KernelConstants constants;
    private final Operands operands;
    private final boolean foldsZeros;
    private final List<Term> terms = new ArrayList<>();
    private int node;

    TermMachine(Tape t, MethodVisitor mv, String owner, KernelConstants constants, Operands operands,
                boolean foldsZeros) {
        this.t = t;
        this.mv = mv;
        this.owner = owner;
        this.constants = constants;
        this.operands = operands;
        this.foldsZeros = foldsZeros;
    }

    /** Points the machine at node i, whose rule runs next. */
    TermMachine at(int i) {
        node = i;
        terms.clear();
        return this;
    }

    /** The term a rule's result names; null for {@link #ZERO}. */
    Term term(double name) {
        return name == ZERO ? null : terms.get((int) name);
    }

    private double name(Term term) {
        if (term == null) {
            return ZERO;
        }
        terms.add(term);
        return terms.size() - 1;
    }

    private int position(int operand) {
        return t.operand(node, operand);
    }

    @Override
    public double value(int operand) {
        return name(operands.value(position(operand)));
    }

    @Override
    public double tangent(int operand) {
        return name(operands.tangent(position(operand)));
    }

    @Override
    public double adjoint() {
        return name(operands.adjoint(node));
    }

    @Override
    public double adjointTangent() {
        return name(operands.adjointTangent(node));
    }

    @Override
    public double nodeConstant() {
        return name(constantTerm(t.constants[node]));
    }

    @Override
    public double constant(double c) {
        return name(constantTerm(c));
    }

    /** A constant's term: DCONST_0 for +0, DCONST_1 for 1, LDC otherwise. */
    Term constantTerm(double c) {
        return new Term(() -> {
            if (Double.doubleToRawLongBits(c) == 0) {
                mv.visitInsn(DCONST_0);
            } else if (c == 1) {
                mv.visitInsn(DCONST_1);
            } else {
                mv.visitLdcInsn(c);
            }
        }, true, c);
    }

    /** A term of code that is not known at compile time. */
    Term code(Runnable push) {
        return new Term(push, false, 0);
    }

    @Override
    public double plus(double a, double b) {
        return name(sum(term(a), term(b), DADD));
    }

    @Override
    public double minus(double a, double b) {
        Term x = term(a);
        Term y = term(b);
        if (x == null && y != null) {
            return name(negation(y));
        }
        return name(sum(x, y, DSUB));
    }

    private Term sum(Term x, Term y, int instruction) {
        if (x == null) {
            return y;
        }
        if (y == null) {
            return x;
        }
        return instruction(x, y, instruction);
    }

    @Override
    public double times(double a, double b) {
        return name(product(term(a), term(b)));
    }

    private Term product(Term x, Term y) {
        if (x == null || y == null) {
            return null;
        }
        if (x.constant() && y.constant()) {
            return constantTerm(x.value() * y.value());
        }
        if (x.isOne()) {
            return y;
        }
        if (y.isOne()) {
            return x;
        }
        if (x.constant() && (x.value() == 2 || foldsZeros && x.value() == -1)) {
            return product(y, x);
        }
        if (foldsZeros && y.constant() && y.value() == -1) {
            return negation(x);
        }
        if (y.constant() && y.value() == 2) {
            // x + x: 2 x exactly, as x * 2 is, in fewer bytes
            return code(() -> {
                x.emit();
                mv.visitInsn(DUP2);
                mv.visitInsn(DADD);
            });
        }
        return instruction(x, y, DMUL);
    }

    @Override
    public double over(double a, double b) {
        Term x = term(a);
        Term y = term(b);
        if (x != null && x.constant() && y.constant()) {
            return name(constantTerm(x.value() / y.value()));
        }
        return name(x == null ? null : instruction(x, y, DDIV));
    }

    @Override
    public double negated(double a) {
        return name(negation(term(a)));
    }

    private Term negation(Term x) {
        if (x == null) {
            return null;
        }
        if (x.constant()) {
            return constantTerm(-x.value());
        }
        return code(() -> {
            x.emit();
            mv.visitInsn(DNEG);
        });
    }

    @Override
    public double dividedBySquare(double u, double w) {
        Term x = term(u);
        Term y = term(w);
        return name(x == null ? null : code(() -> {
            x.emit();
            y.emit();
            mv.visitMethodInsn(INVOKESTATIC, SWEEPS, "dividedBySquare", "(DD)D", false);
        }));
    }

    /**
     * f(x): x^1, x^2 and x^3 written out as {@link PowerOf#value} computes them (x, x x, x x x), which keeps the
     * method short and calls nothing; any other function is called through its constant field.
     */
    @Override
    public double unary(double x) {
        Term argument = term(x);
        UnaryFunction f = t.unary[node];
        double p = f instanceof PowerOf power ? power.exponent() : 0;
        if (p == 1 || p == 2 || p == 3) {
            return name(code(() -> {
                argument.emit();
                for (int k = 1; k < p; k++) {
                    argument.emit();
                    mv.visitInsn(DMUL);
                }
            }));
        }
        String field = constants.field(f);
        return name(code(() -> {
            mv.visitFieldInsn(GETSTATIC, owner, field, "L" + UNARY + ";");
            argument.emit();
            mv.visitMethodInsn(INVOKEINTERFACE, UNARY, "value", "(D)D", true);
        }));
    }

    @Override
    public double binary(double x, double y) {
        Term first = term(x);
        Term second = term(y);
        String field = constants.field(t.binary[node]);
        return name(code(() -> {
            mv.visitFieldInsn(GETSTATIC, owner, field, "L" + BINARY + ";");
            first.emit();
            second.emit();
            mv.visitMethodInsn(INVOKEINTERFACE, BINARY, "value", "(DD)D", true);
        }));
    }

    private Term instruction(Term x, Term y, int instruction) {
        return code(() -> {
            x.emit();
            y.emit();
            mv.visitInsn(instruction);
        });
    }

    @Override
    public void addToAdjoint(int operand, double contribution) {
        operands.addToAdjoint(node, position(operand), term(contribution), false);
    }

    @Override
    public void subtractFromAdjoint(int operand, double contribution) {
        operands.addToAdjoint(node, position(operand), term(contribution), true);
    }

    @Override
    public void addToAdjointTangent(int operand, double contribution) {
        Term term = term(contribution);
        if (term != null) {
            operands.addToAdjointTangent(node, position(operand), term, false);
        }
    }

    @Override
    public void subtractFromAdjointTangent(int operand, double contribution) {
        Term term = term(contribution);
        if (term != null) {
            operands.addToAdjointTangent(node, position(operand), term, true);
        }
    }
}
