package dev.fluxion.benchmarks;

import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.dsl.expr.Matrix;
import dev.fluxion.dsl.expr.VectorExpr;
import java.util.Random;
import org.hipparchus.analysis.differentiation.Gradient;

/**
 * The softmax cross-entropy of a linear classifier with K classes on one example with d features, as a function
 * of the input x: logits z = W x (W fixed, K by d), loss(x) = logSumExp(z) - z[label]. As a vector expression,
 * by hand, and for Hipparchus.
 */
public final class SoftmaxCrossEntropy {
    private final int classes;
    private final int features;
    /** The weights, row-major, K by d. */
    private final double[] weights;
    private final int label;

    private SoftmaxCrossEntropy(int classes, int features, double[] weights, int label) {
        this.classes = classes;
        this.features = features;
        this.weights = weights;
        this.label = label;
    }

    /** Standard normal weights and a uniform label, from the seed. */
    public static SoftmaxCrossEntropy seeded(int classes, int features, long seed) {
        Random random = new Random(seed);
        double[] weights = new double[classes * features];
        for (int k = 0; k < weights.length; k++) {
            weights[k] = random.nextGaussian();
        }
        return new SoftmaxCrossEntropy(classes, features, weights, random.nextInt(classes));
    }

    /** The number of classes K. */
    public int classes() {
        return classes;
    }

    /** The number of features d, the dimension of x. */
    public int features() {
        return features;
    }

    /** The loss as a vector expression over the vector variable x: logSumExp(W x) - (W x)[label]. */
    public Expr expression() {
        VectorExpr logits = Matrix.ofRowMajor(classes, features, weights).times(VectorExpr.variable("x", features));
        return logits.logSumExp().minus(logits.get(label));
    }

    /** A fixed input, standard normal, from the seed. */
    public double[] point(long seed) {
        Random random = new Random(seed);
        double[] x = new double[features];
        for (int j = 0; j < features; j++) {
            x[j] = random.nextGaussian();
        }
        return x;
    }

    /**
     * The loss and its gradient by hand: with p = softmax(z), grad = W^T (p - e_label). {@code logits} is
     * scratch of length K.
     */
    public double valueAndGradient(double[] x, double[] gradient, double[] logits) {
        double largest = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < classes; k++) {
            double z = 0;
            for (int j = 0; j < features; j++) {
                z += weights[k * features + j] * x[j];
            }
            logits[k] = z;
            largest = Math.max(largest, z);
        }
        double total = 0;
        for (int k = 0; k < classes; k++) {
            logits[k] = Math.exp(logits[k] - largest);
            total += logits[k];
        }
        double labelLogit = 0;
        for (int j = 0; j < features; j++) {
            labelLogit += weights[label * features + j] * x[j];
        }
        java.util.Arrays.fill(gradient, 0);
        for (int k = 0; k < classes; k++) {
            double residual = logits[k] / total - (k == label ? 1 : 0);
            for (int j = 0; j < features; j++) {
                gradient[j] += residual * weights[k * features + j];
            }
        }
        return largest + Math.log(total) - labelLogit;
    }

    /** The loss on Hipparchus gradients, logits by {@code linearCombination}, log-sum-exp shifted by the max. */
    public Gradient value(Gradient[] x) {
        double[] row = new double[features];
        Gradient[] logits = new Gradient[classes];
        double largest = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < classes; k++) {
            System.arraycopy(weights, k * features, row, 0, features);
            logits[k] = x[0].linearCombination(row, x);
            largest = Math.max(largest, logits[k].getValue());
        }
        Gradient total = x[0].getField().getZero();
        for (Gradient z : logits) {
            total = total.add(z.subtract(largest).exp());
        }
        return total.log().add(largest).subtract(logits[label]);
    }
}
