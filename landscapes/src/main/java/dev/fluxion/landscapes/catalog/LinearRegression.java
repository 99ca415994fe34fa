package dev.fluxion.landscapes.catalog;

import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.dsl.expr.Matrix;
import dev.fluxion.dsl.expr.VectorExpr;
import dev.fluxion.landscapes.Arguments;
import dev.fluxion.landscapes.Dataset;
import dev.fluxion.landscapes.Landscape;
import dev.fluxion.landscapes.LandscapeException;
import dev.fluxion.landscapes.LandscapeProvider;
import dev.fluxion.landscapes.MinibatchSchedule;
import dev.fluxion.landscapes.SampleMean;
import dev.fluxion.landscapes.Parameter;
import dev.fluxion.landscapes.Tag;
import java.util.List;
import java.util.function.Function;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Linear regression by mean squared error, f(w) = (1/N) ||X w - y||^2, over seeded synthetic data: rows of X
 * standard normal, y = X w_true + noise * eps with w_true and eps standard normal.
 *
 * <p>The Hessian is the constant (2/N) X^T X, so L and mu are its largest and smallest eigenvalues (EJML),
 * exactly. The optimum w* = argmin ||X w - y|| is solved exactly by EJML's Householder QR least squares, and
 * f* = f(w*). Written as a vector expression: a matrix-vector product, a difference, a square and a mean,
 * whatever N is.
 *
 * <p>Sources: Hastie, T., Tibshirani, R. and Friedman, J. (2009), The Elements of Statistical Learning, 2nd ed.,
 * Springer, section 3.2; Golub, G. H. and Van Loan, C. F. (2013), Matrix Computations, 4th ed., section 5.3
 * (least squares by QR).
 */
public final class LinearRegression implements LandscapeProvider {

    @Override
    public String name() {
        return "linear-regression";
    }

    @Override
    public String description() {
        return "mean squared error of linear regression on seeded data; exact least-squares optimum, L and mu";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.integer("samples", 200, 1, 1_000_000, "the number of samples N"),
                Parameter.integer("features", 5, 1, 1_000, "the number of features d"),
                Parameter.real("noise", 0.1, 0, 1e6, "the standard deviation of the noise on the targets"),
                Parameter.integer("seed", 0, 0, Long.MAX_VALUE, "the seed of the data"),
                MinibatchSchedule.PARAMETER, MinibatchSchedule.SAMPLING);
    }

    @Override
    public Landscape create(Arguments arguments) {
        int n = arguments.integer("samples");
        int d = arguments.integer("features");
        Dataset.checkSize("linear-regression", n, d);
        if (n < d) {
            throw new LandscapeException("linear-regression needs samples >= features for a unique optimum, got"
                    + " samples = " + n + " and features = " + d);
        }
        double noise = arguments.real("noise");
        GaussianSampler sampler = new GaussianSampler(arguments.longInteger("seed"));
        double[] trueWeights = sampler.vector(d);
        double[][] inputs = sampler.matrix(n, d);
        double[] targets = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = 0; j < d; j++) {
                sum += inputs[i][j] * trueWeights[j];
            }
            targets[i] = sum + noise * sampler.next();
        }

        VectorExpr w = VectorExpr.variable("w", d);
        Matrix design = Matrix.of(inputs);
        Function<SampleMean, Expr> loss = mean -> mean.of(design.times(w).minus(VectorExpr.constant(targets)).square());
        Expr f = loss.apply(SampleMean.FULL);

        DMatrixRMaj x = new DMatrixRMaj(inputs);
        DMatrixRMaj y = new DMatrixRMaj(n, 1, true, targets);
        DMatrixRMaj optimum = new DMatrixRMaj(d, 1);
        LinearSolverDense<DMatrixRMaj> leastSquares = LinearSolverFactory_DDRM.leastSquares(n, d);
        if (!leastSquares.setA(x.copy())) {
            throw new LandscapeException("linear-regression: the design matrix is rank deficient");
        }
        leastSquares.solve(y, optimum);
        DMatrixRMaj gram = new DMatrixRMaj(d, d);
        CommonOps_DDRM.multTransA(x, x, gram);
        CommonOps_DDRM.scale(2.0 / n, gram);
        double[] spectrum = SymmetricSpectrum.eigenvalues(gram);

        return Landscape.builder(arguments, f, List.of("w"))
                .description(description())
                .domain(-5, 5)
                .minimizers(optimum.getData().clone())
                .smoothness(spectrum[d - 1]).strongConvexity(spectrum[0])
                .start(new double[d])
                .data(new Dataset(inputs, targets))
                .minibatches(arguments.integer("batch"), loss)
                .tags(Tag.CONVEX, Tag.ML, Tag.STATISTICAL)
                .sources("Hastie, T., Tibshirani, R. and Friedman, J. (2009). The Elements of Statistical Learning,"
                        + " 2nd ed. Springer, section 3.2", "Golub, G. H. and Van Loan, C. F. (2013). Matrix"
                        + " Computations, 4th ed. Johns Hopkins, section 5.3")
                .build();
    }
}
