package dev.fluxion.dsl.tape;

/**
 * The {@link Machine} of the tape interpreter: a rule's numbers are doubles, its operands are read from the
 * workspace's buffers at the positions of the node being swept, and its contributions are added into them. One per
 * {@link Workspace}, so that a sweep allocates nothing; {@link #at} points it at the node whose rule runs next. An
 * element-wise vector operation runs its rule once per element, on the elements at the same index of its operands.
 */
final class Interpreter implements Machine {
    private final Tape t;
    private final double[] values;
    private final double[] tangents;
    private final double[] adjoints;
    private final double[] adjointTangents;
    private int node;
    /** Whether the rule runs on element {@link #element} of an element-wise vector operation. */
    private boolean elements;
    private int element;
    private double adjoint;
    private double adjointTangent;

    Interpreter(Tape t, Workspace w) {
        this.t = t;
        this.values = w.values;
        this.tangents = w.tangents;
        this.adjoints = w.adjoints;
        this.adjointTangents = w.adjointTangents;
    }

    /** Runs a schedule of value computations. */
    void run(int[] order) {
        int[] op = t.op;
        for (int i : order) {
            int code = op[i];
            if (Tape.hasScalarRule(code)) {
                node = i;
                values[i] = Rules.value(code, this);
            } else if (Tape.elementRule(code) >= 0) {
                elementValues(i, Tape.elementRule(code));
            } else if (code != Tape.CONSTANT && code != Tape.INPUT && code != Tape.VECTOR_CONSTANT
                    && code != Tape.VECTOR_INPUT) {
                VectorKernels.value(t, i, values);
            }
        }
    }

    /** The values of element-wise node i, whose elements follow {@code rule}. */
    private void elementValues(int i, int rule) {
        node = i;
        elements = true;
        int o = t.offset[i];
        for (int j = 0, n = t.length[i]; j < n; j++) {
            element = j;
            values[o + j] = Rules.value(rule, this);
        }
        elements = false;
    }

    /** The tangents of element-wise node i, whose elements follow {@code rule}. */
    void elementTangents(int i, int rule) {
        node = i;
        elements = true;
        int o = t.offset[i];
        for (int j = 0, n = t.length[i]; j < n; j++) {
            element = j;
            tangents[o + j] = Rules.tangent(rule, this);
        }
        elements = false;
    }

    /**
     * Adds element-wise node i's contributions into its operands' adjoints, element by element, and with
     * {@code withTangents} into their adjoint tangents too.
     */
    void elementAdjoints(int i, int rule, boolean withTangents) {
        node = i;
        elements = true;
        int o = t.offset[i];
        for (int j = 0, n = t.length[i]; j < n; j++) {
            element = j;
            adjoint = adjoints[o + j];
            Rules.adjoint(rule, this);
            if (withTangents) {
                adjointTangent = adjointTangents[o + j];
                Rules.adjointTangent(rule, this);
            }
        }
        elements = false;
    }

    /** Points the machine at node i, whose adjoint is a and adjoint tangent ad. */
    void at(int i, double a, double ad) {
        node = i;
        adjoint = a;
        adjointTangent = ad;
    }

    /** The buffer position of the operand: a scalar node's own, or element j of a vector node. */
    private int position(int operand) {
        int k = t.operand(node, operand);
        return elements ? t.offset[k] + element : k;
    }

    /**
     * Whether a contribution to the operand is dropped: one into constant data, which nothing reads (a wasted store
     * per element).
     */
    private boolean constantData(int operand) {
        return elements && t.constantNode[t.operand(node, operand)];
    }

    @Override
    public double value(int operand) {
        return values[position(operand)];
    }

    @Override
    public double tangent(int operand) {
        return tangents[position(operand)];
    }

    @Override
    public double adjoint() {
        return adjoint;
    }

    @Override
    public double adjointTangent() {
        return adjointTangent;
    }

    @Override
    public double nodeConstant() {
        return t.constants[node];
    }

    @Override
    public double constant(double c) {
        return c;
    }

    @Override
    public double plus(double a, double b) {
        return a + b;
    }

    @Override
    public double minus(double a, double b) {
        return a - b;
    }

    @Override
    public double times(double a, double b) {
        return a * b;
    }

    @Override
    public double over(double a, double b) {
        return a / b;
    }

    @Override
    public double negated(double a) {
        return -a;
    }

    @Override
    public double dividedBySquare(double u, double w) {
        return Sweeps.dividedBySquare(u, w);
    }

    @Override
    public double unary(double x) {
        return t.unary[node].value(x);
    }

    @Override
    public double binary(double x, double y) {
        return t.binary[node].value(x, y);
    }

    @Override
    public void addToAdjoint(int operand, double contribution) {
        if (!constantData(operand)) {
            adjoints[position(operand)] += contribution;
        }
    }

    @Override
    public void subtractFromAdjoint(int operand, double contribution) {
        if (!constantData(operand)) {
            adjoints[position(operand)] -= contribution;
        }
    }

    @Override
    public void addToAdjointTangent(int operand, double contribution) {
        if (!constantData(operand)) {
            adjointTangents[position(operand)] += contribution;
        }
    }

    @Override
    public void subtractFromAdjointTangent(int operand, double contribution) {
        if (!constantData(operand)) {
            adjointTangents[position(operand)] -= contribution;
        }
    }
}
