package dev.fluxion.dsl.expr;

import java.util.List;

import dev.fluxion.dsl.DslException;

/**
 * The product M v of a constant matrix and a vector expression.
 *
 * @param matrix the constant matrix, rows by columns
 * @param vector the vector, of length equal to the number of columns
 */
public record MatrixProduct(Matrix matrix, VectorExpr vector) implements VectorExpr {

    @Override
    public List<Node> children() {
        return List.of(vector);
    }

    @Override
    public <R> R accept(NodeVisitor<R> visitor) {
        return visitor.product(this);
    }

    /** Checks the shapes, naming both. */
    public MatrixProduct {
        if (matrix.columns() != vector.length()) {
            throw new DslException("matrix-vector product: a " + matrix.rows() + " x " + matrix.columns()
                    + " matrix cannot multiply a vector of length " + vector.length());
        }
    }

    @Override
    public int length() {
        return matrix.rows();
    }

    @Override
    public String toString() {
        return VectorPrinter.print(this);
    }
}
