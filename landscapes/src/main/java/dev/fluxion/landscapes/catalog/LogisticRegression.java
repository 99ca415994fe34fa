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
 * L2-regularized logistic regression, f(w) = (1/N) sum_i log(1 + exp(-y_i x_i^T w)) + (lambda/2) ||w||^2 with
 * labels y_i in {-1, +1}, over seeded synthetic data: rows x_i standard normal, w_true standard normal, and
 * y_i = +1 with probability sigmoid(x_i^T w_true). Written as a vector expression,
 * {@code softplus(-y * (X w)).mean() + lambda/2 ||w||^2}, with no node per sample.
 *
 * <p>Constants: the logistic loss has second derivative sigmoid'(t) &lt;= 1/4, reached at t = 0, so the Hessian
 * is at most X^T X / (4N) + lambda I with equality at w = 0: L = lambda_max(X^T X)/(4N) + lambda exactly. It
 * tends to lambda I far away, so mu = lambda. For lambda &gt; 0 the minimizer is unique and is computed here by
 * Newton's method from 0 (Newton on this smooth strongly convex loss converges quadratically).
 *
 * <p>Sources: Hastie, Tibshirani and Friedman (2009), The Elements of Statistical Learning, section 4.4;
 * Bohning, D. (1992), Multinomial logistic regression algorithm, Annals of the Institute of Statistical
 * Mathematics 44(1), 197-200 (the curvature bound).
 */
public final class LogisticRegression implements LandscapeProvider {

    @Override
    public String name() {
        return "logistic-regression";
    }

    @Override
    public String description() {
        return "L2-regularized logistic regression on seeded data; L exact, mu = lambda, optimum by Newton";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.integer("samples", 200, 1, 1_000_000, "the number of samples N"),
                Parameter.integer("features", 5, 1, 1_000, "the number of features d"),
                Parameter.real("l2", 0.01, 0, 1e6, "the L2 regularization lambda"),
                Parameter.integer("seed", 0, 0, Long.MAX_VALUE, "the seed of the data"),
                MinibatchSchedule.PARAMETER, MinibatchSchedule.SAMPLING);
    }

    @Override
    public Landscape create(Arguments arguments) {
        int n = arguments.integer("samples");
        int d = arguments.integer("features");
        Dataset.checkSize("logistic-regression", n, d);
        double l2 = arguments.real("l2");
        GaussianSampler sampler = new GaussianSampler(arguments.longInteger("seed"));
        double[] trueWeights = sampler.vector(d);
        double[][] inputs = sampler.matrix(n, d);
        double[] labels = new double[n];
        for (int i = 0; i < n; i++) {
            double margin = 0;
            for (int j = 0; j < d; j++) {
                margin += inputs[i][j] * trueWeights[j];
            }
            labels[i] = sampler.uniform() < 1 / (1 + Math.exp(-margin)) ? 1 : -1;
        }
        VectorExpr w = VectorExpr.variable("w", d);
        Matrix design = Matrix.of(inputs);
        Function<SampleMean, Expr> loss = mean -> mean.of(VectorExpr.constant(labels).times(design.times(w))
                .unaryMinus().softplus()).plus(w.squaredNorm().times(l2 / 2));
        Expr f = loss.apply(SampleMean.FULL);

        DMatrixRMaj x = new DMatrixRMaj(inputs);
        DMatrixRMaj gram = new DMatrixRMaj(d, d);
        CommonOps_DDRM.multTransA(x, x, gram);
        double[] spectrum = SymmetricSpectrum.eigenvalues(gram);

        Landscape.Builder builder = Landscape.builder(arguments, f, List.of("w"))
                .description(description())
                .domain(-5, 5)
                .smoothness(spectrum[d - 1] / (4.0 * n) + l2)
                .start(new double[d])
                .data(new Dataset(inputs, labels))
                .minibatches(arguments.integer("batch"), loss)
                .tags(Tag.CONVEX, Tag.ML, Tag.STATISTICAL)
                .sources("Hastie, T., Tibshirani, R. and Friedman, J. (2009). The Elements of Statistical Learning,"
                        + " 2nd ed. Springer, section 4.4", "Bohning, D. (1992). Multinomial logistic regression"
                        + " algorithm. Annals of the Institute of Statistical Mathematics 44(1), 197-200");
        if (l2 > 0) {
            builder.strongConvexity(l2).minimizerNear(new double[d]);
        }
        return builder.build();
    }
}
