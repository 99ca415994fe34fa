package dev.fluxion.dsl.tape;

// Generated from the rule table (Rules.java) by InterpreterStepsWriter (dsl/src/test/kotlin/dev/fluxion/dsl/tape):
// do not edit. InterpreterStepsSpec writes it again and fails when this file differs, leaving the file it
// wrote in dsl/target/InterpreterSteps.java to be copied here.

/**
 * The interpreter's loops over a schedule of tape nodes: values, tangents (forward mode), adjoints (the reverse
 * sweep), and adjoints with their tangents (forward over reverse, for Hessian-vector products). Each operation's
 * arithmetic is its rule in {@link Rules}, written out as Java by running the table on a {@link Machine} that writes
 * source, term for term in the rule's order of operations, so that the interpreter and the generated kernels,
 * which run the same table, agree bit for bit. Element j of an element-wise vector operation follows its scalar
 * rule ({@link Tape#elementRule}) on element j of its operands, and no adjoint flows into constant data (nothing
 * reads it; it would be a wasted pass over memory). The other vector operations (broadcasts, matrix products,
 * slices, stacks, sums, log-sum-exp, elements) are {@link VectorKernels}'.
 */
final class InterpreterSteps {
    private InterpreterSteps() {
    }

    /** The values of the nodes of {@code order}, from the values of earlier nodes. */
    static void values(Tape t, int[] order, double[] v) {
        int[] op = t.op;
        int[] left = t.left;
        int[] right = t.right;
        for (int i : order) {
            switch (op[i]) {
                case Tape.ADD -> {
                    int l = left[i], r = right[i];
                    v[i] = v[l] + v[r];
                }
                case Tape.SUB -> {
                    int l = left[i], r = right[i];
                    v[i] = v[l] - v[r];
                }
                case Tape.MUL -> {
                    int l = left[i], r = right[i];
                    v[i] = v[l] * v[r];
                }
                case Tape.DIV -> {
                    int l = left[i], r = right[i];
                    v[i] = v[l] / v[r];
                }
                case Tape.NEG -> {
                    int l = left[i];
                    v[i] = -v[l];
                }
                case Tape.UNARY -> {
                    int l = left[i];
                    v[i] = t.unary[i].value(v[l]);
                }
                case Tape.BINARY -> {
                    int l = left[i], r = right[i];
                    v[i] = t.binary[i].value(v[l], v[r]);
                }
                case Tape.SQUARE -> {
                    int l = left[i];
                    v[i] = v[l] * v[l];
                }
                case Tape.CONSTANT, Tape.INPUT, Tape.VECTOR_CONSTANT, Tape.VECTOR_INPUT -> {
                    // set before a sweep
                }
                default -> elementValues(t, i, v);
            }
        }
    }

    /** The values of element-wise vector node i, or of another vector operation ({@link VectorKernels#value}). */
    private static void elementValues(Tape t, int i, double[] v) {
        int n = t.length[i];
        switch (t.op[i]) {
            case Tape.VECTOR_ADD -> {
                int o = t.offset[i], l = t.offset[t.left[i]], r = t.offset[t.right[i]];
                for (int j = 0; j < n; j++) {
                    v[o + j] = v[l + j] + v[r + j];
                }
            }
            case Tape.VECTOR_SUB -> {
                int o = t.offset[i], l = t.offset[t.left[i]], r = t.offset[t.right[i]];
                for (int j = 0; j < n; j++) {
                    v[o + j] = v[l + j] - v[r + j];
                }
            }
            case Tape.VECTOR_MUL -> {
                int o = t.offset[i], l = t.offset[t.left[i]], r = t.offset[t.right[i]];
                for (int j = 0; j < n; j++) {
                    v[o + j] = v[l + j] * v[r + j];
                }
            }
            case Tape.VECTOR_DIV -> {
                int o = t.offset[i], l = t.offset[t.left[i]], r = t.offset[t.right[i]];
                for (int j = 0; j < n; j++) {
                    v[o + j] = v[l + j] / v[r + j];
                }
            }
            case Tape.VECTOR_NEG -> {
                int o = t.offset[i], l = t.offset[t.left[i]];
                for (int j = 0; j < n; j++) {
                    v[o + j] = -v[l + j];
                }
            }
            case Tape.VECTOR_UNARY -> {
                int o = t.offset[i], l = t.offset[t.left[i]];
                var f = t.unary[i];
                for (int j = 0; j < n; j++) {
                    v[o + j] = f.value(v[l + j]);
                }
            }
            case Tape.VECTOR_BINARY -> {
                int o = t.offset[i], l = t.offset[t.left[i]], r = t.offset[t.right[i]];
                var f = t.binary[i];
                for (int j = 0; j < n; j++) {
                    v[o + j] = f.value(v[l + j], v[r + j]);
                }
            }
            case Tape.VECTOR_SQUARE -> {
                int o = t.offset[i], l = t.offset[t.left[i]];
                for (int j = 0; j < n; j++) {
                    v[o + j] = v[l + j] * v[l + j];
                }
            }
            case Tape.VECTOR_SCALE -> {
                int o = t.offset[i], l = t.offset[t.left[i]];
                double c = t.constants[i];
                for (int j = 0; j < n; j++) {
                    v[o + j] = v[l + j] * c;
                }
            }
            case Tape.VECTOR_SHIFT -> {
                int o = t.offset[i], l = t.offset[t.left[i]];
                double c = t.constants[i];
                for (int j = 0; j < n; j++) {
                    v[o + j] = v[l + j] + c;
                }
            }
            default -> VectorKernels.value(t, i, v);
        }
    }

    /**
     * The tangents of the nodes of {@code order} along one direction, from the tangents of earlier nodes and the
     * values of all.
     */
    static void tangents(Tape t, int[] order, double[] v, double[] dot) {
        int[] op = t.op;
        int[] left = t.left;
        int[] right = t.right;
        int[] firstPartial = t.firstPartial;
        int[] secondPartial = t.secondPartial;
        for (int i : order) {
            switch (op[i]) {
                case Tape.ADD -> {
                    int l = left[i], r = right[i];
                    dot[i] = dot[l] + dot[r];
                }
                case Tape.SUB -> {
                    int l = left[i], r = right[i];
                    dot[i] = dot[l] - dot[r];
                }
                case Tape.MUL -> {
                    int l = left[i], r = right[i];
                    dot[i] = dot[l] * v[r] + v[l] * dot[r];
                }
                case Tape.DIV -> {
                    int l = left[i], r = right[i];
                    dot[i] = (dot[l] - v[i] * dot[r]) / v[r];
                }
                case Tape.NEG -> {
                    int l = left[i];
                    dot[i] = -dot[l];
                }
                case Tape.UNARY -> {
                    int l = left[i], p = firstPartial[i];
                    dot[i] = v[p] * dot[l];
                }
                case Tape.BINARY -> {
                    int l = left[i], r = right[i], p = firstPartial[i], q = secondPartial[i];
                    dot[i] = v[p] * dot[l] + v[q] * dot[r];
                }
                case Tape.SQUARE -> {
                    int l = left[i];
                    dot[i] = 2.0 * v[l] * dot[l];
                }
                default -> elementTangents(t, i, v, dot);
            }
        }
    }

    /** The tangents of element-wise vector node i, or of another vector operation ({@link VectorKernels#tangent}). */
    private static void elementTangents(Tape t, int i, double[] v, double[] dot) {
        int n = t.length[i];
        switch (t.op[i]) {
            case Tape.VECTOR_ADD -> {
                int o = t.offset[i], l = t.offset[t.left[i]], r = t.offset[t.right[i]];
                for (int j = 0; j < n; j++) {
                    dot[o + j] = dot[l + j] + dot[r + j];
                }
            }
            case Tape.VECTOR_SUB -> {
                int o = t.offset[i], l = t.offset[t.left[i]], r = t.offset[t.right[i]];
                for (int j = 0; j < n; j++) {
                    dot[o + j] = dot[l + j] - dot[r + j];
                }
            }
            case Tape.VECTOR_MUL -> {
                int o = t.offset[i], l = t.offset[t.left[i]], r = t.offset[t.right[i]];
                for (int j = 0; j < n; j++) {
                    dot[o + j] = dot[l + j] * v[r + j] + v[l + j] * dot[r + j];
                }
            }
            case Tape.VECTOR_DIV -> {
                int o = t.offset[i], l = t.offset[t.left[i]], r = t.offset[t.right[i]];
                for (int j = 0; j < n; j++) {
                    dot[o + j] = (dot[l + j] - v[o + j] * dot[r + j]) / v[r + j];
                }
            }
            case Tape.VECTOR_NEG -> {
                int o = t.offset[i], l = t.offset[t.left[i]];
                for (int j = 0; j < n; j++) {
                    dot[o + j] = -dot[l + j];
                }
            }
            case Tape.VECTOR_UNARY -> {
                int o = t.offset[i], l = t.offset[t.left[i]], p = t.offset[t.firstPartial[i]];
                for (int j = 0; j < n; j++) {
                    dot[o + j] = v[p + j] * dot[l + j];
                }
            }
            case Tape.VECTOR_BINARY -> {
                int o = t.offset[i], l = t.offset[t.left[i]], r = t.offset[t.right[i]], p = t.offset[t.firstPartial[i]],
                        q = t.offset[t.secondPartial[i]];
                for (int j = 0; j < n; j++) {
                    dot[o + j] = v[p + j] * dot[l + j] + v[q + j] * dot[r + j];
                }
            }
            case Tape.VECTOR_SQUARE -> {
                int o = t.offset[i], l = t.offset[t.left[i]];
                for (int j = 0; j < n; j++) {
                    dot[o + j] = 2.0 * v[l + j] * dot[l + j];
                }
            }
            case Tape.VECTOR_SCALE -> {
                int o = t.offset[i], l = t.offset[t.left[i]];
                double c = t.constants[i];
                for (int j = 0; j < n; j++) {
                    dot[o + j] = dot[l + j] * c;
                }
            }
            case Tape.VECTOR_SHIFT -> {
                int o = t.offset[i], l = t.offset[t.left[i]];
                for (int j = 0; j < n; j++) {
                    dot[o + j] = dot[l + j];
                }
            }
            default -> VectorKernels.tangent(t, i, v, dot);
        }
    }

    /**
     * The reverse sweep over {@code order}: adds each node's contributions into its operands' adjoints, skipping the
     * scalar nodes whose adjoint is zero.
     */
    static void adjoints(Tape t, int[] order, double[] v, double[] adj) {
        int[] op = t.op;
        int[] left = t.left;
        int[] right = t.right;
        int[] firstPartial = t.firstPartial;
        int[] secondPartial = t.secondPartial;
        for (int i : order) {
            double a = adj[i];
            if (a == 0 && op[i] <= Tape.BINARY) {
                continue;
            }
            switch (op[i]) {
                case Tape.ADD -> {
                    int l = left[i], r = right[i];
                    adj[l] += a;
                    adj[r] += a;
                }
                case Tape.SUB -> {
                    int l = left[i], r = right[i];
                    adj[l] += a;
                    adj[r] -= a;
                }
                case Tape.MUL -> {
                    int l = left[i], r = right[i];
                    adj[l] += a * v[r];
                    adj[r] += a * v[l];
                }
                case Tape.DIV -> {
                    int l = left[i], r = right[i];
                    adj[l] += a / v[r];
                    adj[r] -= a * v[i] / v[r];
                }
                case Tape.NEG -> {
                    int l = left[i];
                    adj[l] -= a;
                }
                case Tape.UNARY -> {
                    int l = left[i], p = firstPartial[i];
                    adj[l] += a * v[p];
                }
                case Tape.BINARY -> {
                    int l = left[i], r = right[i], p = firstPartial[i], q = secondPartial[i];
                    adj[l] += a * v[p];
                    adj[r] += a * v[q];
                }
                case Tape.SQUARE -> {
                    int l = left[i];
                    adj[l] += 2.0 * a * v[l];
                }
                default -> elementAdjoints(t, i, v, adj);
            }
        }
    }

    /**
     * Adds the contributions of element-wise vector node i into its operands' adjoints, or those of another vector
     * operation ({@link VectorKernels#reverse}).
     */
    private static void elementAdjoints(Tape t, int i, double[] v, double[] adj) {
        int n = t.length[i];
        switch (t.op[i]) {
            case Tape.VECTOR_ADD -> {
                int o = t.offset[i], l = t.offset[t.left[i]], r = t.offset[t.right[i]];
                if (!t.constantNode[t.left[i]]) {
                    for (int j = 0; j < n; j++) {
                        double g = adj[o + j];
                        adj[l + j] += g;
                    }
                }
                if (!t.constantNode[t.right[i]]) {
                    for (int j = 0; j < n; j++) {
                        double g = adj[o + j];
                        adj[r + j] += g;
                    }
                }
            }
            case Tape.VECTOR_SUB -> {
                int o = t.offset[i], l = t.offset[t.left[i]], r = t.offset[t.right[i]];
                if (!t.constantNode[t.left[i]]) {
                    for (int j = 0; j < n; j++) {
                        double g = adj[o + j];
                        adj[l + j] += g;
                    }
                }
                if (!t.constantNode[t.right[i]]) {
                    for (int j = 0; j < n; j++) {
                        double g = adj[o + j];
                        adj[r + j] -= g;
                    }
                }
            }
            case Tape.VECTOR_MUL -> {
                int o = t.offset[i], l = t.offset[t.left[i]], r = t.offset[t.right[i]];
                if (!t.constantNode[t.left[i]]) {
                    for (int j = 0; j < n; j++) {
                        double g = adj[o + j];
                        adj[l + j] += g * v[r + j];
                    }
                }
                if (!t.constantNode[t.right[i]]) {
                    for (int j = 0; j < n; j++) {
                        double g = adj[o + j];
                        adj[r + j] += g * v[l + j];
                    }
                }
            }
            case Tape.VECTOR_DIV -> {
                int o = t.offset[i], l = t.offset[t.left[i]], r = t.offset[t.right[i]];
                if (!t.constantNode[t.left[i]]) {
                    for (int j = 0; j < n; j++) {
                        double g = adj[o + j];
                        adj[l + j] += g / v[r + j];
                    }
                }
                if (!t.constantNode[t.right[i]]) {
                    for (int j = 0; j < n; j++) {
                        double g = adj[o + j];
                        adj[r + j] -= g * v[o + j] / v[r + j];
                    }
                }
            }
            case Tape.VECTOR_NEG -> {
                int o = t.offset[i], l = t.offset[t.left[i]];
                if (!t.constantNode[t.left[i]]) {
                    for (int j = 0; j < n; j++) {
                        double g = adj[o + j];
                        adj[l + j] -= g;
                    }
                }
            }
            case Tape.VECTOR_UNARY -> {
                int o = t.offset[i], l = t.offset[t.left[i]], p = t.offset[t.firstPartial[i]];
                if (!t.constantNode[t.left[i]]) {
                    for (int j = 0; j < n; j++) {
                        double g = adj[o + j];
                        adj[l + j] += g * v[p + j];
                    }
                }
            }
            case Tape.VECTOR_BINARY -> {
                int o = t.offset[i], l = t.offset[t.left[i]], r = t.offset[t.right[i]], p = t.offset[t.firstPartial[i]],
                        q = t.offset[t.secondPartial[i]];
                if (!t.constantNode[t.left[i]]) {
                    for (int j = 0; j < n; j++) {
                        double g = adj[o + j];
                        adj[l + j] += g * v[p + j];
                    }
                }
                if (!t.constantNode[t.right[i]]) {
                    for (int j = 0; j < n; j++) {
                        double g = adj[o + j];
                        adj[r + j] += g * v[q + j];
                    }
                }
            }
            case Tape.VECTOR_SQUARE -> {
                int o = t.offset[i], l = t.offset[t.left[i]];
                if (!t.constantNode[t.left[i]]) {
                    for (int j = 0; j < n; j++) {
                        double g = adj[o + j];
                        adj[l + j] += 2.0 * g * v[l + j];
                    }
                }
            }
            case Tape.VECTOR_SCALE -> {
                int o = t.offset[i], l = t.offset[t.left[i]];
                double c = t.constants[i];
                if (!t.constantNode[t.left[i]]) {
                    for (int j = 0; j < n; j++) {
                        double g = adj[o + j];
                        adj[l + j] += g * c;
                    }
                }
            }
            case Tape.VECTOR_SHIFT -> {
                int o = t.offset[i], l = t.offset[t.left[i]];
                if (!t.constantNode[t.left[i]]) {
                    for (int j = 0; j < n; j++) {
                        double g = adj[o + j];
                        adj[l + j] += g;
                    }
                }
            }
            default -> VectorKernels.reverse(t, i, v, adj);
        }
    }

    /**
     * Forward over reverse over {@code order}: adds each node's contributions into its operands' adjoints and into
     * their tangents, given the values and tangents of every node, skipping the scalar nodes whose adjoint and adjoint
     * tangent are zero.
     */
    static void adjointsWithTangents(Tape t, int[] order, double[] v, double[] dot, double[] adj, double[] adjDot) {
        int[] op = t.op;
        int[] left = t.left;
        int[] right = t.right;
        int[] firstPartial = t.firstPartial;
        int[] secondPartial = t.secondPartial;
        for (int i : order) {
            double a = adj[i];
            double ad = adjDot[i];
            if (a == 0 && ad == 0 && op[i] <= Tape.BINARY) {
                continue;
            }
            switch (op[i]) {
                case Tape.ADD -> {
                    int l = left[i], r = right[i];
                    adj[l] += a;
                    adj[r] += a;
                    adjDot[l] += ad;
                    adjDot[r] += ad;
                }
                case Tape.SUB -> {
                    int l = left[i], r = right[i];
                    adj[l] += a;
                    adj[r] -= a;
                    adjDot[l] += ad;
                    adjDot[r] -= ad;
                }
                case Tape.MUL -> {
                    int l = left[i], r = right[i];
                    adj[l] += a * v[r];
                    adj[r] += a * v[l];
                    adjDot[l] += ad * v[r] + a * dot[r];
                    adjDot[r] += ad * v[l] + a * dot[l];
                }
                case Tape.DIV -> {
                    int l = left[i], r = right[i];
                    adj[l] += a / v[r];
                    adj[r] -= a * v[i] / v[r];
                    adjDot[l] += ad / v[r] - Sweeps.dividedBySquare(a * dot[r], v[r]);
                    adjDot[r] -= ad * v[i] / v[r] + a * (dot[i] - v[i] * dot[r] / v[r]) / v[r];
                }
                case Tape.NEG -> {
                    int l = left[i];
                    adj[l] -= a;
                    adjDot[l] -= ad;
                }
                case Tape.UNARY -> {
                    int l = left[i], p = firstPartial[i];
                    adj[l] += a * v[p];
                    adjDot[l] += ad * v[p] + a * dot[p];
                }
                case Tape.BINARY -> {
                    int l = left[i], r = right[i], p = firstPartial[i], q = secondPartial[i];
                    adj[l] += a * v[p];
                    adj[r] += a * v[q];
                    adjDot[l] += ad * v[p] + a * dot[p];
                    adjDot[r] += ad * v[q] + a * dot[q];
                }
                case Tape.SQUARE -> {
                    int l = left[i];
                    adj[l] += 2.0 * a * v[l];
                    adjDot[l] += 2.0 * (ad * v[l] + a * dot[l]);
                }
                default -> elementAdjointsWithTangents(t, i, v, dot, adj, adjDot);
            }
        }
    }

    /**
     * Adds the contributions of element-wise vector node i into its operands' adjoints and their tangents, or those of
     * another vector operation ({@link VectorKernels#reverseWithTangents}).
     */
    private static void elementAdjointsWithTangents(Tape t, int i, double[] v, double[] dot, double[] adj,
            double[] adjDot) {
        int n = t.length[i];
        switch (t.op[i]) {
            case Tape.VECTOR_ADD -> {
                int o = t.offset[i], l = t.offset[t.left[i]], r = t.offset[t.right[i]];
                if (!t.constantNode[t.left[i]]) {
                    for (int j = 0; j < n; j++) {
                        double g = adj[o + j], gd = adjDot[o + j];
                        adj[l + j] += g;
                        adjDot[l + j] += gd;
                    }
                }
                if (!t.constantNode[t.right[i]]) {
                    for (int j = 0; j < n; j++) {
                        double g = adj[o + j], gd = adjDot[o + j];
                        adj[r + j] += g;
                        adjDot[r + j] += gd;
                    }
                }
            }
            case Tape.VECTOR_SUB -> {
                int o = t.offset[i], l = t.offset[t.left[i]], r = t.offset[t.right[i]];
                if (!t.constantNode[t.left[i]]) {
                    for (int j = 0; j < n; j++) {
                        double g = adj[o + j], gd = adjDot[o + j];
                        adj[l + j] += g;
                        adjDot[l + j] += gd;
                    }
                }
                if (!t.constantNode[t.right[i]]) {
                    for (int j = 0; j < n; j++) {
                        double g = adj[o + j], gd = adjDot[o + j];
                        adj[r + j] -= g;
                        adjDot[r + j] -= gd;
                    }
                }
            }
            case Tape.VECTOR_MUL -> {
                int o = t.offset[i], l = t.offset[t.left[i]], r = t.offset[t.right[i]];
                if (!t.constantNode[t.left[i]]) {
                    for (int j = 0; j < n; j++) {
                        double g = adj[o + j], gd = adjDot[o + j];
                        adj[l + j] += g * v[r + j];
                        adjDot[l + j] += gd * v[r + j] + g * dot[r + j];
                    }
                }
                if (!t.constantNode[t.right[i]]) {
                    for (int j = 0; j < n; j++) {
                        double g = adj[o + j], gd = adjDot[o + j];
                        adj[r + j] += g * v[l + j];
                        adjDot[r + j] += gd * v[l + j] + g * dot[l + j];
                    }
                }
            }
            case Tape.VECTOR_DIV -> {
                int o = t.offset[i], l = t.offset[t.left[i]], r = t.offset[t.right[i]];
                if (!t.constantNode[t.left[i]]) {
                    for (int j = 0; j < n; j++) {
                        double g = adj[o + j], gd = adjDot[o + j];
                        adj[l + j] += g / v[r + j];
                        adjDot[l + j] += gd / v[r + j] - Sweeps.dividedBySquare(g * dot[r + j], v[r + j]);
                    }
                }
                if (!t.constantNode[t.right[i]]) {
                    for (int j = 0; j < n; j++) {
                        double g = adj[o + j], gd = adjDot[o + j];
                        adj[r + j] -= g * v[o + j] / v[r + j];
                        adjDot[r + j] -= gd * v[o + j] / v[r + j]
                                + g * (dot[o + j] - v[o + j] * dot[r + j] / v[r + j]) / v[r + j];
                    }
                }
            }
            case Tape.VECTOR_NEG -> {
                int o = t.offset[i], l = t.offset[t.left[i]];
                if (!t.constantNode[t.left[i]]) {
                    for (int j = 0; j < n; j++) {
                        double g = adj[o + j], gd = adjDot[o + j];
                        adj[l + j] -= g;
                        adjDot[l + j] -= gd;
                    }
                }
            }
            case Tape.VECTOR_UNARY -> {
                int o = t.offset[i], l = t.offset[t.left[i]], p = t.offset[t.firstPartial[i]];
                if (!t.constantNode[t.left[i]]) {
                    for (int j = 0; j < n; j++) {
                        double g = adj[o + j], gd = adjDot[o + j];
                        adj[l + j] += g * v[p + j];
                        adjDot[l + j] += gd * v[p + j] + g * dot[p + j];
                    }
                }
            }
            case Tape.VECTOR_BINARY -> {
                int o = t.offset[i], l = t.offset[t.left[i]], r = t.offset[t.right[i]], p = t.offset[t.firstPartial[i]],
                        q = t.offset[t.secondPartial[i]];
                if (!t.constantNode[t.left[i]]) {
                    for (int j = 0; j < n; j++) {
                        double g = adj[o + j], gd = adjDot[o + j];
                        adj[l + j] += g * v[p + j];
                        adjDot[l + j] += gd * v[p + j] + g * dot[p + j];
                    }
                }
                if (!t.constantNode[t.right[i]]) {
                    for (int j = 0; j < n; j++) {
                        double g = adj[o + j], gd = adjDot[o + j];
                        adj[r + j] += g * v[q + j];
                        adjDot[r + j] += gd * v[q + j] + g * dot[q + j];
                    }
                }
            }
            case Tape.VECTOR_SQUARE -> {
                int o = t.offset[i], l = t.offset[t.left[i]];
                if (!t.constantNode[t.left[i]]) {
                    for (int j = 0; j < n; j++) {
                        double g = adj[o + j], gd = adjDot[o + j];
                        adj[l + j] += 2.0 * g * v[l + j];
                        adjDot[l + j] += 2.0 * (gd * v[l + j] + g * dot[l + j]);
                    }
                }
            }
            case Tape.VECTOR_SCALE -> {
                int o = t.offset[i], l = t.offset[t.left[i]];
                double c = t.constants[i];
                if (!t.constantNode[t.left[i]]) {
                    for (int j = 0; j < n; j++) {
                        double g = adj[o + j], gd = adjDot[o + j];
                        adj[l + j] += g * c;
                        adjDot[l + j] += gd * c;
                    }
                }
            }
            case Tape.VECTOR_SHIFT -> {
                int o = t.offset[i], l = t.offset[t.left[i]];
                if (!t.constantNode[t.left[i]]) {
                    for (int j = 0; j < n; j++) {
                        double g = adj[o + j], gd = adjDot[o + j];
                        adj[l + j] += g;
                        adjDot[l + j] += gd;
                    }
                }
            }
            default -> VectorKernels.reverseWithTangents(t, i, v, dot, adj, adjDot);
        }
    }
}
