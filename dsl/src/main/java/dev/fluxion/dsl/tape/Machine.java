package dev.fluxion.dsl.tape;

/**
 * The small instruction set the {@link Rules} are written against: what a rule of one tape node reads (the values,
 * tangents, adjoint and adjoint tangent of the node and its operands), the arithmetic it does, and the
 * contributions it adds into its operands' adjoints and adjoint tangents.
 *
 * <p>The code writers' implementation ({@link TermMachine}) builds terms whose code pushes the number onto the JVM
 * stack, for {@link KernelMethod} and {@link HessianMethod}; {@link ConstantAdjoints} runs it at compile time. A
 * number is a {@code double}: for a code writer the name of a term (its index in the writer's list of terms), and
 * for a machine that computes (RulesSpec's) the number itself, with no boxing. A rule only passes numbers from one
 * instruction to the next and never looks at them, so it reads the same either way, and each engine evaluates the
 * rule's floating-point operations in the order the rule states them.
 *
 * <p>The interpreter's loops ({@link InterpreterSteps}) are Java source written from the table by a machine whose
 * numbers name pieces of source (InterpreterStepsWriter, in the tests, which InterpreterStepsSpec holds the file
 * to): run on a machine at each node instead, the sweeps took 2.8 to 4 times the CPU time (issue 19, measured
 * 2026-12-06), while the written loops are the arithmetic the hand-written loops were and take about their time
 * (benchmarks' InterpreterCpuTime on scalar-built Rosenbrock n = 100, the same day, on a loaded machine: value and
 * gradient 1.08 and Hessian-vector product 1.18 times, medians of five runs each; the value alone about 1, of two).
 */
interface Machine {
    /** The node's first operand (its only one for negation, squares and functions of one argument). */
    int LEFT = 0;
    /** The node's second operand. */
    int RIGHT = 1;
    /** The node itself: a quotient's rules read the quotient. */
    int SELF = 2;
    /** The node holding the partial derivative of a function by its first argument. */
    int FIRST_PARTIAL = 3;
    /** The node holding the partial derivative of a function of two arguments by its second argument. */
    int SECOND_PARTIAL = 4;

    /** The value of {@code operand} ({@link #LEFT}, {@link #RIGHT}, {@link #SELF} or a partial). */
    double value(int operand);

    /** The tangent of {@code operand} along the direction being swept. */
    double tangent(int operand);

    /** The node's adjoint. */
    double adjoint();

    /** The tangent of the node's adjoint along the direction being swept. */
    double adjointTangent();

    /** The node's own constant c, of c u ({@link Tape#VECTOR_SCALE}) and u + c ({@link Tape#VECTOR_SHIFT}). */
    double nodeConstant();

    /** A constant of the rule, such as the 2 of d(u^2) = 2 u du. */
    double constant(double c);

    double plus(double a, double b);

    double minus(double a, double b);

    double times(double a, double b);

    double over(double a, double b);

    double negated(double a);

    /** u / w^2, guarded against w^2 underflowing or overflowing ({@link Sweeps#dividedBySquare}). */
    double dividedBySquare(double u, double w);

    /** The node's function of one argument at x. */
    double unary(double x);

    /** The node's function of two arguments at (x, y). */
    double binary(double x, double y);

    /** adj[operand] += contribution. */
    void addToAdjoint(int operand, double contribution);

    /** adj[operand] -= contribution. */
    void subtractFromAdjoint(int operand, double contribution);

    /** adjDot[operand] += contribution. */
    void addToAdjointTangent(int operand, double contribution);

    /** adjDot[operand] -= contribution. */
    void subtractFromAdjointTangent(int operand, double contribution);
}
