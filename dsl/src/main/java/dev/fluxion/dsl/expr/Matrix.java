package dev.fluxion.dsl.expr;

import dev.fluxion.dsl.DslException;

/**
 * A constant matrix of data (rows by columns, stored row-major), for matrix-vector products in vector
 * expressions: a design matrix of a regression, the weights of a fixed layer, a quadratic form's matrix.
 * Immutable: the entries are copied in and never handed out.
 */
public final class Matrix {
    private final double[] entries;
    private final int rows;
    private final int columns;

    private Matrix(double[] entries, int rows, int columns) {
        this.entries = entries;
        this.rows = rows;
        this.columns = columns;
    }

    /** A matrix from its rows, which must all have the same length. */
    public static Matrix of(double[][] rowArrays) {
        if (rowArrays.length == 0 || rowArrays[0].length == 0) {
            throw new DslException("a matrix needs at least one row and one column");
        }
        int columns = rowArrays[0].length;
        double[] entries = new double[rowArrays.length * columns];
        for (int i = 0; i < rowArrays.length; i++) {
            if (rowArrays[i].length != columns) {
                throw new DslException("matrix row " + i + " has " + rowArrays[i].length + " entries but row 0 has "
                        + columns);
            }
            System.arraycopy(rowArrays[i], 0, entries, i * columns, columns);
        }
        return new Matrix(entries, rowArrays.length, columns);
    }

    /** A matrix from row-major entries. */
    public static Matrix ofRowMajor(int rows, int columns, double[] entries) {
        if (rows <= 0 || columns <= 0 || entries.length != rows * columns) {
            throw new DslException("a " + rows + " x " + columns + " matrix needs " + rows * columns
                    + " entries, got " + entries.length);
        }
        return new Matrix(entries.clone(), rows, columns);
    }

    /** The number of rows. */
    public int rows() {
        return rows;
    }

    /** The number of columns. */
    public int columns() {
        return columns;
    }

    /** The entry in row i, column j. */
    public double get(int i, int j) {
        if (i < 0 || i >= rows || j < 0 || j >= columns) {
            throw new DslException("entry (" + i + ", " + j + ") is outside a " + rows + " x " + columns + " matrix");
        }
        return entries[i * columns + j];
    }

    /** The matrix-vector product M v as a vector expression; v's length must equal the number of columns. */
    public VectorExpr times(VectorExpr v) {
        return new MatrixProduct(this, v);
    }

    /** out[outOffset ..] = M v[vOffset ..], on doubles (the compiled tape's kernel). */
    public void multiplyInto(double[] v, int vOffset, double[] out, int outOffset) {
        for (int i = 0; i < rows; i++) {
            double sum = 0;
            int row = i * columns;
            for (int j = 0; j < columns; j++) {
                sum += entries[row + j] * v[vOffset + j];
            }
            out[outOffset + i] = sum;
        }
    }

    /** out[outOffset ..] += M^T a[aOffset ..], on doubles (the reverse sweep's kernel). */
    public void multiplyTransposedAddInto(double[] a, int aOffset, double[] out, int outOffset) {
        for (int i = 0; i < rows; i++) {
            double ai = a[aOffset + i];
            if (ai == 0) {
                continue;
            }
            int row = i * columns;
            for (int j = 0; j < columns; j++) {
                out[outOffset + j] += entries[row + j] * ai;
            }
        }
    }

    @Override
    public String toString() {
        return "matrix[" + rows + "x" + columns + "]";
    }

    /** Identity semantics are deliberate: two data matrices are the same node only if they are the same object. */
    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

}
