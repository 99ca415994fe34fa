package dev.fluxion.dsl.tape;

/**
 * The scratch arrays of one thread evaluating one tape: node values (constants preloaded), adjoints, tangents
 * and tangent adjoints. Created once per thread and reused, so that a call allocates nothing.
 */
final class Workspace {
    final double[] values;
    final double[] adjoints;
    final double[] tangents;
    final double[] adjointTangents;
    private double[] forwardTangents = new double[0];
    private double[] unit = new double[0];
    private double[] column = new double[0];

    Workspace(Tape tape) {
        values = tape.constants.clone();
        adjoints = new double[tape.bufferLength];
        tangents = new double[tape.bufferLength];
        adjointTangents = new double[tape.bufferLength];
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

    /** The array for n tangents per node, grown once and then reused. */
    double[] forwardTangents(int length) {
        if (forwardTangents.length < length) {
            forwardTangents = new double[length];
        }
        return forwardTangents;
    }
}
