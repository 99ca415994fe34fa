package dev.fluxion.dsl.tape;

/**
 * The loops of the vector operations that are not element-wise (broadcasts, matrix products, slices, stacks) and of
 * the reductions (sums, log-sum-exp, elements), one method per sweep: values, adjoints (reverse), tangents
 * (forward), and tangents of adjoints (forward over reverse). Element j of node i sits at offset[i] + j. The
 * element-wise operations follow the rule table, in {@link InterpreterSteps}.
 */
final class VectorKernels {
    private VectorKernels() {
    }

    static void value(Tape t, int i, double[] v) {
        int o = t.offset[i];
        int n = t.length[i];
        int a = t.left[i] >= 0 ? t.offset[t.left[i]] : -1;
        switch (t.op[i]) {
            case Tape.BROADCAST -> java.util.Arrays.fill(v, o, o + n, v[a]);
            case Tape.MATRIX_PRODUCT -> t.matrix[i].multiplyInto(v, a, v, o);
            case Tape.SLICE -> System.arraycopy(v, a + t.extra[i], v, o, n);
            case Tape.STACK -> {
                int start = t.extra[i];
                for (int j = 0; j < n; j++) {
                    v[o + j] = v[t.stackArguments[start + j]];
                }
            }
            case Tape.SUM -> {
                int m = t.length[t.left[i]];
                double sum = 0;
                for (int j = 0; j < m; j++) {
                    sum += v[a + j];
                }
                v[i] = sum;
            }
            case Tape.LOG_SUM_EXP -> v[i] = logSumExp(v, a, t.length[t.left[i]]);
            case Tape.ELEMENT -> v[i] = v[a + t.extra[i]];
            default -> throw new IllegalStateException("not a vector operation: " + t.op[i]);
        }
    }

    /** log sum e^(v_j), shifted by the largest element; generated kernels call it too ({@link KernelMethod}). */
    static double logSumExp(double[] v, int a, int m) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < m; j++) {
            max = Math.max(max, v[a + j]);
        }
        if (Double.isInfinite(max) || Double.isNaN(max)) {
            return max;
        }
        double sum = 0;
        for (int j = 0; j < m; j++) {
            sum += Math.exp(v[a + j] - max);
        }
        return max + Math.log(sum);
    }

    /**
     * The reverse step of s = log sum e^(v_j) (v_j at values[from + j], j &lt; m): adds g e^(v_j - s), the adjoint g of s
     * times the softmax weight of element j, into adjoints[to + j]. Generated kernels call it too, so that both
     * engines share the rule and its rounding.
     */
    static void logSumExpAdjoint(double[] values, int from, int m, double lse, double g, double[] adjoints, int to) {
        for (int j = 0; j < m; j++) {
            adjoints[to + j] += g * Math.exp(values[from + j] - lse);
        }
    }

    /** Adds node i's adjoints into its arguments' adjoints. */
    static void reverse(Tape t, int i, double[] v, double[] adj) {
        int o = t.offset[i];
        int n = t.length[i];
        int a = t.left[i] >= 0 ? t.offset[t.left[i]] : -1;
        switch (t.op[i]) {
            case Tape.BROADCAST -> {
                double sum = 0;
                for (int j = 0; j < n; j++) {
                    sum += adj[o + j];
                }
                adj[a] += sum;
            }
            case Tape.MATRIX_PRODUCT -> t.matrix[i].multiplyTransposedAddInto(adj, o, adj, a);
            case Tape.SLICE -> {
                int from = a + t.extra[i];
                for (int j = 0; j < n; j++) {
                    adj[from + j] += adj[o + j];
                }
            }
            case Tape.STACK -> {
                int start = t.extra[i];
                for (int j = 0; j < n; j++) {
                    adj[t.stackArguments[start + j]] += adj[o + j];
                }
            }
            case Tape.SUM -> {
                double g = adj[i];
                int m = t.length[t.left[i]];
                for (int j = 0; j < m; j++) {
                    adj[a + j] += g;
                }
            }
            case Tape.LOG_SUM_EXP -> logSumExpAdjoint(v, a, t.length[t.left[i]], v[i], adj[i], adj, a);
            case Tape.ELEMENT -> adj[a + t.extra[i]] += adj[i];
            default -> throw new IllegalStateException("not a vector operation: " + t.op[i]);
        }
    }

    /** The tangent of node i from its arguments' tangents (forward mode along one direction). */
    static void tangent(Tape t, int i, double[] v, double[] dot) {
        int o = t.offset[i];
        int n = t.length[i];
        int a = t.left[i] >= 0 ? t.offset[t.left[i]] : -1;
        switch (t.op[i]) {
            case Tape.BROADCAST -> java.util.Arrays.fill(dot, o, o + n, dot[a]);
            case Tape.MATRIX_PRODUCT -> t.matrix[i].multiplyInto(dot, a, dot, o);
            case Tape.SLICE -> System.arraycopy(dot, a + t.extra[i], dot, o, n);
            case Tape.STACK -> {
                int start = t.extra[i];
                for (int j = 0; j < n; j++) {
                    dot[o + j] = dot[t.stackArguments[start + j]];
                }
            }
            case Tape.SUM -> {
                int m = t.length[t.left[i]];
                double sum = 0;
                for (int j = 0; j < m; j++) {
                    sum += dot[a + j];
                }
                dot[i] = sum;
            }
            case Tape.LOG_SUM_EXP -> {
                int m = t.length[t.left[i]];
                double sum = 0;
                for (int j = 0; j < m; j++) {
                    sum += Math.exp(v[a + j] - v[i]) * dot[a + j];
                }
                dot[i] = sum;
            }
            case Tape.ELEMENT -> dot[i] = dot[a + t.extra[i]];
            default -> throw new IllegalStateException("not a vector operation: " + t.op[i]);
        }
    }

    /**
     * Forward over reverse for node i: adds both the adjoints and their tangents into the arguments', given the
     * values and tangents of every node. All but log-sum-exp are linear, so their adjoint tangents follow the map of
     * their adjoints.
     */
    static void reverseWithTangents(Tape t, int i, double[] v, double[] dot, double[] adj, double[] adjDot) {
        int a = t.left[i] >= 0 ? t.offset[t.left[i]] : -1;
        switch (t.op[i]) {
            case Tape.LOG_SUM_EXP -> {
                double g = adj[i];
                double gd = adjDot[i];
                int m = t.length[t.left[i]];
                for (int j = 0; j < m; j++) {
                    double p = Math.exp(v[a + j] - v[i]);
                    adj[a + j] += g * p;
                    adjDot[a + j] += gd * p + g * p * (dot[a + j] - dot[i]);
                }
            }
            default -> {
                // linear operations: the adjoint tangents follow the same linear map as the adjoints
                reverse(t, i, v, adj);
                reverse(t, i, v, adjDot);
            }
        }
    }
}
