package dev.fluxion.dsl.expr;

/**
 * One method per kind of {@link Node}: what a walk does at a node, usually from the results of its children, which
 * {@link NodeWalk} computes first.
 *
 * @param <R> what the walk produces per node
 */
public interface NodeVisitor<R> {

    /** A scalar variable. */
    R variable(Variable v);

    /** A scalar constant. */
    R constant(Constant c);

    /** f(a) for a unary function f. */
    R unary(UnaryCall u);

    /** f(a, b) for a binary function f, arithmetic included. */
    R binary(BinaryCall b);

    /** A vector reduced to a scalar: a sum, an element, a log-sum-exp. */
    R reduction(Reduction r);

    /** A vector variable w, whose elements are bound as w[0], w[1], .... */
    R vectorVariable(VectorVariable v);

    /** A constant vector. */
    R vectorConstant(VectorConstant c);

    /** A unary function applied to every element. */
    R map(VectorMap m);

    /** A binary function applied element by element. */
    R zip(VectorZip z);

    /** A scalar repeated as a vector. */
    R broadcast(Broadcast b);

    /** A constant matrix times a vector. */
    R product(MatrixProduct p);

    /** The elements from..to-1 of a vector. */
    R slice(Slice s);

    /** Scalars stacked into a vector. */
    R stack(Stack s);
}
