package dev.fluxion.benchmarks;

import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.dsl.expr.Matrix;
import dev.fluxion.dsl.expr.VectorExpr;
import java.util.Random;
import org.hipparchus.analysis.differentiation.Gradient;

/**
 * The logistic-regression loss over a fixed, seeded data set of m examples with d features,
 * L(w) = (1/m) sum_i softplus(-y_i x_i . w), labels y_i in {-1, +1}, softplus(t) = log(1 + e^t):
 * as a vector expression, by hand, and for Hipparchus.
 */
public final class LogisticLoss {
    private final int examples;
    private final int features;
    /** The design matrix, row-major, m by d. */
    private final double[] design;
    private final double[] labels;

    private LogisticLoss(int examples, int features, double[] design, double[] labels) {
        this.examples = examples;
        this.features = features;
        this.design = design;
        this.labels = labels;
    }

    /**
     * A data set drawn from the seed: standard normal features, and labels from a random true weight vector
     * with label noise (the sign of x . w* + N(0, 1)), so the loss has a finite minimum.
     */
    public static LogisticLoss seeded(int examples, int features, long seed) {
        Random random = new Random(seed);
        double[] trueWeights = new double[features];
        for (int j = 0; j < features; j++) {
            trueWeights[j] = random.nextGaussian();
        }
        double[] design = new double[examples * features];
        double[] labels = new double[examples];
        for (int i = 0; i < examples; i++) {
            double margin = random.nextGaussian();
            for (int j = 0; j < features; j++) {
                design[i * features + j] = random.nextGaussian();
                margin += design[i * features + j] * trueWeights[j];
            }
            labels[i] = margin >= 0 ? 1 : -1;
        }
        return new LogisticLoss(examples, features, design, labels);
    }

    /** The number of features d, the dimension of w. */
    public int features() {
        return features;
    }

    /** L as a vector expression over the vector variable w: mean(softplus(-y * (X w))). */
    public Expr expression() {
        VectorExpr w = VectorExpr.variable("w", features);
        VectorExpr margins = VectorExpr.constant(labels).times(Matrix.ofRowMajor(examples, features, design).times(w));
        return margins.unaryMinus().softplus().mean();
    }

    /** A fixed weight vector, N(0, 0.1^2) per component, from the seed. */
    public double[] point(long seed) {
        Random random = new Random(seed);
        double[] w = new double[features];
        for (int j = 0; j < features; j++) {
            w[j] = 0.1 * random.nextGaussian();
        }
        return w;
    }

    /**
     * L and its gradient by hand, one pass over the rows: with t_i = -y_i x_i . w, L = mean softplus(t_i) and
     * grad L = (1/m) sum_i -y_i sigmoid(t_i) x_i. One exponential and one log1p per row.
     */
    public double valueAndGradient(double[] w, double[] gradient) {
        java.util.Arrays.fill(gradient, 0);
        double loss = 0;
        for (int i = 0; i < examples; i++) {
            int row = i * features;
            double z = 0;
            for (int j = 0; j < features; j++) {
                z += design[row + j] * w[j];
            }
            double t = -labels[i] * z;
            double e = Math.exp(-Math.abs(t));
            loss += Math.max(t, 0) + Math.log1p(e);
            double sigmoid = t >= 0 ? 1 / (1 + e) : e / (1 + e);
            double scale = -labels[i] * sigmoid;
            for (int j = 0; j < features; j++) {
                gradient[j] += scale * design[row + j];
            }
        }
        double inverse = 1.0 / examples;
        for (int j = 0; j < features; j++) {
            gradient[j] *= inverse;
        }
        return loss * inverse;
    }

    /** L on Hipparchus gradients, each margin by {@code linearCombination} as a Hipparchus user would write it. */
    public Gradient value(Gradient[] w) {
        double[] row = new double[features];
        Gradient loss = w[0].getField().getZero();
        for (int i = 0; i < examples; i++) {
            System.arraycopy(design, i * features, row, 0, features);
            Gradient t = w[0].linearCombination(row, w).multiply(-labels[i]);
            loss = loss.add(softplus(t));
        }
        return loss.divide(examples);
    }

    /** softplus(t) = max(t, 0) + log1p(e^(-|t|)), stable for either sign. */
    static Gradient softplus(Gradient t) {
        return t.getValue() > 0 ? t.add(t.negate().exp().log1p()) : t.exp().log1p();
    }
}
