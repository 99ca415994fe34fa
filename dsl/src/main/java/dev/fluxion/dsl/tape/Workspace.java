package dev.fluxion.dsl.tape;

import java.util.Arrays;

/**
 * The scratch arrays of one thread evaluating one tape: node values (constants preloaded), adjoints, tangents
 * and tangent adjoints. Created once per thread (or once per {@link CompiledExpression#confined()} copy) and
 * reused, so that a call allocates nothing.
 */
final class Workspace {
    /**
     * Unused slots at the end of every buffer: 128 bytes, two cache lines (what AMD and Intel prefetch together).
     * A per-thread workspace lives as long as its thread and is written at every evaluation; the collector may copy
     * the workspaces of two threads side by side, and without the gap the end of one thread's buffer would share a
     * cache line with the start of the next, each write by one thread evicting the other's (false sharing).
     */
    static final int PADDING = 16;

    final double[] values;
    final double[] adjoints;
    final double[] tangents;
    final double[] adjointTangents;
    private double[] unit = new double[0];
    private double[] column = new double[0];
    private double[] scaledDirection = new double[0];
    private double[] scaledProduct = new double[0];

    Workspace(Tape tape) {
        values = Arrays.copyOf(tape.constants, tape.constants.length + PADDING);
        adjoints = new double[tape.bufferLength + PADDING];
        tangents = new double[tape.bufferLength + PADDING];
        adjointTangents = new double[tape.bufferLength + PADDING];
    }

    /** A zero vector of length n for the Hessian's unit directions, made once. */
    double[] unit(int n) {
        if (unit.length != n) {
            unit = new double[n];
        }
        return unit;
    }

    /** A vector of length n for one Hessian column, made once. */
    double[] column(int n) {
        if (column.length != n) {
            column = new double[n];
        }
        return column;
    }

    /** A vector of length n for a direction scaled by a power of two ({@link Sweeps}' rescue), made once. */
    double[] scaledDirection(int n) {
        if (scaledDirection.length != n) {
            scaledDirection = new double[n];
        }
        return scaledDirection;
    }

    /** A vector of length n for the Hessian-vector product along a scaled direction, made once. */
    double[] scaledProduct(int n) {
        if (scaledProduct.length != n) {
            scaledProduct = new double[n];
        }
        return scaledProduct;
    }
}
