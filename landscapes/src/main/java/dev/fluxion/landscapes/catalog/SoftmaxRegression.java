package dev.fluxion.landscapes.catalog;

import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.dsl.expr.Matrix;
import dev.fluxion.dsl.expr.VectorExpr;
import dev.fluxion.landscapes.Arguments;
import dev.fluxion.landscapes.Dataset;
import dev.fluxion.landscapes.Landscape;
import dev.fluxion.landscapes.LandscapeProvider;
import dev.fluxion.landscapes.MinibatchSchedule;
import dev.fluxion.landscapes.SampleMean;
import dev.fluxion.landscapes.Parameter;
import dev.fluxion.landscapes.Tag;
import java.util.List;
import java.util.function.Function;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * L2-regularized softmax (multinomial logistic) regression with k classes over d features,
 * f(W) = (1/N) sum_i [ logsumexp_c (w_c^T x_i) - w_{y_i}^T x_i ] + (lambda/2) ||W||^2, over seeded synthetic
 * data: rows x_i standard normal, true weights standard normal, and the class y_i drawn from the softmax of the
 * true scores. The variable W is one vector of length k d, class c's weights being W[c d .. (c+1) d).
 *
 * <p>As a vector expression with k score vectors z_c = X w_c (no node per sample): the per-sample log-sum-exp
 * is m + log(sum_c exp(z_c - m)) with m the element-wise maximum of the z_c (no overflow; m's own derivative
 * cancels), and the true-class score is sum_c Y_c * z_c with Y_c the one-hot columns of the labels.
 *
 * <p>Constants: the Hessian of the cross-entropy is (1/N) sum_i (diag(p_i) - p_i p_i^T) (x) x_i x_i^T and
 * diag(p) - p p^T has no eigenvalue above 1/2, so L = lambda_max(X^T X)/(2N) + lambda is a valid smoothness
 * constant (Bohning's bound, not always attained); mu = lambda, the curvature far away. For lambda &gt; 0 the
 * unique minimizer is computed by Newton's method from 0.
 *
 * <p>Sources: Bohning, D. (1992), Multinomial logistic regression algorithm, Annals of the Institute of
 * Statistical Mathematics 44(1), 197-200; Hastie, Tibshirani and Friedman (2009), section 4.4.
 */
public final class SoftmaxRegression implements LandscapeProvider {

    @Override
    public String name() {
        return "softmax-regression";
    }

    @Override
    public String description() {
        return "L2-regularized softmax regression on seeded data; Bohning's L, mu = lambda, optimum by Newton";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.integer("samples", 200, 1, 1_000_000, "the number of samples N"),
                Parameter.integer("features", 4, 1, 1_000, "the number of features d"),
                Parameter.integer("classes", 3, 2, 100, "the number of classes k"),
                Parameter.real("l2", 0.01, 0, 1e6, "the L2 regularization lambda"),
                Parameter.integer("seed", 0, 0, Long.MAX_VALUE, "the seed of the data"),
                MinibatchSchedule.PARAMETER, MinibatchSchedule.SAMPLING);
    }

    @Override
    public Landscape create(Arguments arguments) {
        int n = arguments.integer("samples");
        int d = arguments.integer("features");
        Dataset.checkSize("softmax-regression", n, d);
        int k = arguments.integer("classes");
        double l2 = arguments.real("l2");
        GaussianSampler sampler = new GaussianSampler(arguments.longInteger("seed"));
        double[][] trueWeights = sampler.matrix(k, d);
        double[][] inputs = sampler.matrix(n, d);
        double[] labels = new double[n];
        double[][] oneHot = new double[k][n];
        for (int i = 0; i < n; i++) {
            int label = sampleClass(trueWeights, inputs[i], sampler.uniform());
            labels[i] = label;
            oneHot[label][i] = 1;
        }

        Matrix x = Matrix.of(inputs);
        VectorExpr w = VectorExpr.variable("W", k * d);
        VectorExpr[] scores = new VectorExpr[k];
        for (int c = 0; c < k; c++) {
            scores[c] = x.times(w.slice(c * d, (c + 1) * d));
        }
        VectorExpr largest = scores[0];
        for (int c = 1; c < k; c++) {
            largest = largest.max(scores[c]);
        }
        VectorExpr shiftedSum = scores[0].minus(largest).exp();
        VectorExpr trueScore = scores[0].times(VectorExpr.constant(oneHot[0]));
        for (int c = 1; c < k; c++) {
            shiftedSum = shiftedSum.plus(scores[c].minus(largest).exp());
            trueScore = trueScore.plus(scores[c].times(VectorExpr.constant(oneHot[c])));
        }
        VectorExpr perSample = largest.plus(shiftedSum.log()).minus(trueScore);
        Function<SampleMean, Expr> loss = mean -> mean.of(perSample).plus(w.squaredNorm().times(l2 / 2));
        Expr f = loss.apply(SampleMean.FULL);

        DMatrixRMaj design = new DMatrixRMaj(inputs);
        DMatrixRMaj gram = new DMatrixRMaj(d, d);
        CommonOps_DDRM.multTransA(design, design, gram);
        double[] spectrum = SymmetricSpectrum.eigenvalues(gram);

        Landscape.Builder builder = Landscape.builder(arguments, f, List.of("W"))
                .description(description())
                .domain(-5, 5)
                .smoothness(spectrum[d - 1] / (2.0 * n) + l2)
                .start(new double[k * d])
                .data(new Dataset(inputs, labels))
                .minibatches(arguments.integer("batch"), loss)
                .tags(Tag.CONVEX, Tag.ML, Tag.STATISTICAL)
                .sources("Bohning, D. (1992). Multinomial logistic regression algorithm. Annals of the Institute of"
                        + " Statistical Mathematics 44(1), 197-200", "Hastie, T., Tibshirani, R. and Friedman, J."
                        + " (2009). The Elements of Statistical Learning, 2nd ed. Springer, section 4.4");
        if (l2 > 0) {
            builder.strongConvexity(l2).minimizerNear(new double[k * d]);
        }
        return builder.build();
    }

    /** The class drawn by inverting the softmax's cumulative distribution at the uniform u. */
    private static int sampleClass(double[][] weights, double[] input, double u) {
        int k = weights.length;
        double[] scores = new double[k];
        double largest = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < input.length; j++) {
                scores[c] += weights[c][j] * input[j];
            }
            largest = Math.max(largest, scores[c]);
        }
        double total = 0;
        for (int c = 0; c < k; c++) {
            scores[c] = Math.exp(scores[c] - largest);
            total += scores[c];
        }
        double cumulative = 0;
        for (int c = 0; c < k - 1; c++) {
            cumulative += scores[c] / total;
            if (u < cumulative) {
                return c;
            }
        }
        return k - 1;
    }
}
