package dev.fluxion.dsl.expr;

import dev.fluxion.dsl.DslException;
import dev.fluxion.dsl.function.Binary;
import dev.fluxion.dsl.function.BinaryFunction;
import dev.fluxion.dsl.function.UnaryFunction;
import java.util.List;

/**
 * A vector-valued expression of fixed length: vector variables, constant data vectors, element-wise functions,
 * matrix-vector products with constant matrices, slices, and vectors stacked from scalars. Reductions
 * ({@link #sum()}, {@link #mean()}, {@link #dot(VectorExpr)}, {@link #norm()}, {@link #logSumExp()},
 * {@link #get(int)}) turn it into a scalar {@link Expr}, so an ML loss over a data set is a handful of nodes,
 * not one node per data point.
 *
 * <p>A vector expression is an {@link dev.fluxion.dsl.number.Algebra}: its arithmetic and every scalar function
 * apply element-wise, so the derivative rules of the dsl apply to it unchanged. Shapes are checked when the
 * expression is built, and a mismatch names the operation and both shapes.
 *
 * <p>Example, the logistic-regression loss with labels y in {-1, +1}:
 * {@code y.times(X.times(w)).unaryMinus().softplus().mean()}.
 */
public sealed interface VectorExpr extends dev.fluxion.dsl.number.Algebra<VectorExpr>, Node
        permits VectorVariable, VectorConstant, VectorMap, VectorZip, Broadcast, MatrixProduct, Slice, Stack {

    /** The number of elements. */
    int length();

    /** A vector variable of the given length; its elements are named {@code name[0]}, {@code name[1]}, .... */
    static VectorVariable variable(String name, int length) {
        return new VectorVariable(name, length);
    }

    /** A constant vector of data (copied). */
    static VectorConstant constant(double... values) {
        return new VectorConstant(values.clone());
    }

    /** The scalar expression s repeated n times. */
    static VectorExpr broadcast(Expr scalar, int length) {
        return new Broadcast(scalar, length);
    }

    /** A vector from scalar expressions. */
    static VectorExpr of(List<Expr> elements) {
        return new Stack(List.copyOf(elements));
    }

    /** A vector from scalar expressions. */
    static VectorExpr of(Expr... elements) {
        return new Stack(List.of(elements));
    }

    @Override
    default VectorExpr lift(double constant) {
        return new Broadcast(new Constant(constant), length());
    }

    @Override
    default VectorExpr plus(VectorExpr other) {
        return VectorZip.of(Binary.ADD, this, other);
    }

    @Override
    default VectorExpr minus(VectorExpr other) {
        return VectorZip.of(Binary.SUB, this, other);
    }

    @Override
    default VectorExpr times(VectorExpr other) {
        return VectorZip.of(Binary.MUL, this, other);
    }

    @Override
    default VectorExpr div(VectorExpr other) {
        return VectorZip.of(Binary.DIV, this, other);
    }

    @Override
    default VectorExpr unaryMinus() {
        return VectorMap.of(dev.fluxion.dsl.function.Unary.NEG, this);
    }

    @Override
    default VectorExpr apply(UnaryFunction f) {
        return VectorMap.of(f, this);
    }

    @Override
    default VectorExpr apply(BinaryFunction f, VectorExpr other) {
        return VectorZip.of(f, this, other);
    }

    /** this + s, with the scalar s added to every element. */
    default VectorExpr plus(Expr s) {
        return plus(new Broadcast(s, length()));
    }

    /** this - s element-wise. */
    default VectorExpr minus(Expr s) {
        return minus(new Broadcast(s, length()));
    }

    /** this * s element-wise. */
    default VectorExpr times(Expr s) {
        return times(new Broadcast(s, length()));
    }

    /** this / s element-wise. */
    default VectorExpr div(Expr s) {
        return div(new Broadcast(s, length()));
    }

    /** The sum of the elements. */
    default Expr sum() {
        return new Reduction(Reduction.Kind.SUM, this, -1);
    }

    /** The mean of the elements. */
    default Expr mean() {
        return sum().div(length());
    }

    /** The dot product with a vector of the same length. */
    default Expr dot(VectorExpr other) {
        return times(other).sum();
    }

    /** The squared Euclidean norm. */
    default Expr squaredNorm() {
        return square().sum();
    }

    /** The Euclidean norm. */
    default Expr norm() {
        return squaredNorm().sqrt();
    }

    /** The 1-norm, the sum of absolute values. */
    default Expr norm1() {
        return abs().sum();
    }

    /** log(sum_i e^(v_i)), computed as m + log(sum e^(v_i - m)) with m the largest element, so nothing overflows. */
    default Expr logSumExp() {
        return new Reduction(Reduction.Kind.LOG_SUM_EXP, this, -1);
    }

    /** softmax(v)_i = e^(v_i - logSumExp(v)), without overflow. */
    default VectorExpr softmax() {
        return minus(logSumExp()).exp();
    }

    /** log softmax(v)_i = v_i - logSumExp(v). */
    default VectorExpr logSoftmax() {
        return minus(logSumExp());
    }

    /** Element i (0-based). */
    default Expr get(int i) {
        if (i < 0 || i >= length()) {
            throw new DslException("index " + i + " is outside a vector of length " + length());
        }
        return new Reduction(Reduction.Kind.ELEMENT, this, i);
    }

    /** Elements from (inclusive) to (exclusive), 0-based. */
    default VectorExpr slice(int from, int to) {
        return new Slice(this, from, to);
    }
}
