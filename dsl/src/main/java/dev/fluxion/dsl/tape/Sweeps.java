package dev.fluxion.dsl.tape;

import dev.fluxion.dsl.number.SeedScaling;
import java.util.Arrays;

/**
 * The sweeps over a tape: values, the reverse (adjoint) sweep, and the forward-over-reverse sweep that gives a
 * Hessian-vector product: what each loads, seeds, clears and reads off. The loops over a schedule, and every rule of
 * arithmetic in them, are {@link InterpreterSteps}', written from the rule table ({@link Rules}).
 */
final class Sweeps {
    private Sweeps() {
    }

    /** Values of level 0; returns the value of output j. */
    static double value(Tape t, Workspace w, double[] x, int output) {
        t.load(x, w.values);
        t.run(t.valueOrder, w.values);
        return w.values[t.outputs[output]];
    }

    /** Values of levels 0 and 1 (the partials), ready for a reverse sweep. */
    static void valuesWithPartials(Tape t, Workspace w, double[] x) {
        t.load(x, w.values);
        t.run(t.gradientOrder, w.values);
    }

    /** The reverse sweep for output j, assuming values with partials are loaded; writes the gradient. */
    static void reverse(Tape t, Workspace w, int output, double[] gradient) {
        double[] v = w.values;
        double[] adj = w.adjoints;
        int[] order = t.reverseOrder;
        int[] offset = t.offset;
        int[] length = t.length;
        for (int i : order) {
            if (length[i] == 1 && offset[i] == i) {
                adj[i] = 0;
            } else {
                Arrays.fill(adj, offset[i], offset[i] + length[i], 0);
            }
        }
        for (int position : t.inputPosition) {
            if (position >= 0) {
                adj[position] = 0;
            }
        }
        int root = t.outputs[output];
        adj[root] = 1;
        InterpreterSteps.adjoints(t, order, v, adj);
        int[] inputs = t.inputPosition;
        for (int k = 0; k < inputs.length; k++) {
            gradient[k] = inputs[k] >= 0 ? adj[inputs[k]] : 0;
        }
    }

    /**
     * Forward over reverse: with values of all three levels and tangents along direction u, the tangent of the
     * reverse sweep's adjoints is the Hessian-vector product H u, written into {@code product}. Also writes the
     * gradient when {@code gradient} is not null, and returns the value.
     */
    static double hessianVectorProduct(Tape t, Workspace w, double[] x, double[] u, int output, double[] gradient,
                                       double[] product) {
        t.load(x, w.values);
        t.run(t.hessianOrder, w.values);
        double value = hessianVectorProductAtLoadedValues(t, w, u, output, gradient, product);
        rescueNonFinite(t, w, u, output, product);
        return value;
    }

    /**
     * The Hessian column by column: the values of all three levels are computed once, then each column is one
     * tangent sweep along a unit vector and one reverse sweep of adjoints and their tangents.
     */
    static void hessian(Tape t, Workspace w, double[] x, int output, double[][] hessian) {
        t.load(x, w.values);
        t.run(t.hessianOrder, w.values);
        int n = t.dimension();
        double[] unit = w.unit(n);
        double[] column = w.column(n);
        for (int k = 0; k < n; k++) {
            unit[k] = 1;
            hessianVectorProductAtLoadedValues(t, w, unit, output, null, column);
            rescueNonFinite(t, w, unit, output, column);
            unit[k] = 0;
            for (int i = 0; i < n; i++) {
                hessian[i][k] = column[i];
            }
        }
    }

    /**
     * Recomputes the entries of H u that came out infinite or NaN along 2^-k u ({@link SeedScaling}: the tangents
     * and adjoint tangents are linear in u), for an intermediate tangent that overflows where the entry does not,
     * such as that of ln'(x) = 1/x along u = 1 at x = 1e-160 (-1/x^2 = -1e320) for x ln x, whose f'' is 1e160.
     * Assumes the values of all three levels are loaded; finite entries, the common case, cost one test each.
     */
    private static void rescueNonFinite(Tape t, Workspace w, double[] u, int output, double[] product) {
        int maxExponent = -1;
        for (int i = 0; i < product.length; i++) {
            if (Double.isFinite(product[i])) {
                continue;
            }
            if (maxExponent < 0) {
                maxExponent = SeedScaling.maxExponent(u);
            }
            int entry = i;
            product[i] = SeedScaling.rescued(product[i], 1, maxExponent, k -> {
                double[] scaledDirection = w.scaledDirection(u.length);
                for (int m = 0; m < u.length; m++) {
                    scaledDirection[m] = Math.scalb(u[m], -k);
                }
                double[] scaledProduct = w.scaledProduct(product.length);
                hessianVectorProductAtLoadedValues(t, w, scaledDirection, output, null, scaledProduct);
                return scaledProduct[entry];
            });
        }
    }

    /**
     * u / w^2, from the tangent of the adjoint g / w of a quotient's numerator along w' (u = g w'): as u / (w w)
     * where w^2 is a normal number, and as u / w / w where it would underflow or overflow (|w| &lt; 1.5e-154 or
     * &gt; 1.3e154), so that a tiny divisor gives a term in the range of the quotient's own derivatives, not u / 0.
     */
    static double dividedBySquare(double u, double w) {
        double square = w * w;
        return square >= Double.MIN_NORMAL && square <= Double.MAX_VALUE ? u / square : u / w / w;
    }

    private static double hessianVectorProductAtLoadedValues(Tape t, Workspace w, double[] u, int output,
                                                             double[] gradient, double[] product) {
        double[] v = w.values;
        double[] dot = w.tangents;
        int[] inputs = t.inputPosition;
        Arrays.fill(dot, 0);
        for (int k = 0; k < inputs.length; k++) {
            if (inputs[k] >= 0) {
                dot[inputs[k]] = u[k];
            }
        }
        InterpreterSteps.tangents(t, t.tangentOrder, v, dot);
        double[] adj = w.adjoints;
        double[] adjDot = w.adjointTangents;
        Arrays.fill(adj, 0);
        Arrays.fill(adjDot, 0);
        int root = t.outputs[output];
        adj[root] = 1;
        InterpreterSteps.adjointsWithTangents(t, t.reverseOrder, v, dot, adj, adjDot);
        for (int k = 0; k < inputs.length; k++) {
            int node = inputs[k];
            product[k] = node >= 0 ? adjDot[node] : 0;
            if (gradient != null) {
                gradient[k] = node >= 0 ? adj[node] : 0;
            }
        }
        return v[root];
    }
}
