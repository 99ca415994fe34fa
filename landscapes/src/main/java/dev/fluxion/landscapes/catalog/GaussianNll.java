package dev.fluxion.landscapes.catalog;

import dev.fluxion.dsl.Metric;
import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.dsl.expr.VectorExpr;
import dev.fluxion.landscapes.Arguments;
import dev.fluxion.landscapes.Box;
import dev.fluxion.landscapes.Dataset;
import dev.fluxion.landscapes.Landscape;
import dev.fluxion.landscapes.LandscapeProvider;
import dev.fluxion.landscapes.MinibatchSchedule;
import dev.fluxion.landscapes.SampleMean;
import dev.fluxion.landscapes.Parameter;
import dev.fluxion.landscapes.Tag;
import java.util.List;
import java.util.function.Function;

/**
 * The Gaussian negative log-likelihood per sample in the parameters (mu, s = log sigma), over N seeded samples
 * x_i ~ N(mean, sd^2):
 *
 * <pre>
 *   f(mu, s) = (1/N) sum_i [ (x_i - mu)^2 / (2 e^(2s)) + s ] + (1/2) log(2 pi).
 * </pre>
 *
 * <p>The loss is averaged over the samples, so its metric is the Fisher information of one sample,
 * G(mu, s) = diag(1/sigma^2, 2) = diag(e^(-2s), 2) (for sigma itself it would be diag(1/sigma^2, 2/sigma^2);
 * the log parameterization makes the s-entry constant). This is the expected Hessian of f; the Hessian
 * itself equals G at the optimum.
 *
 * <p>The minimizer is the maximum-likelihood estimate: mu* = the sample mean, s* = (1/2) log v with
 * v = (1/N) sum (x_i - mu*)^2 (the biased variance), and f* = 1/2 + s* + (1/2) log(2 pi). f is not convex:
 * its Hessian is indefinite where |mu - mu*| exceeds sqrt(v) (its determinant is
 * 2 e^(-4s) (v - (mu - mu*)^2)).
 *
 * <p>Sources: Amari, S. (1998), Natural gradient works efficiently in learning, Neural Computation 10(2),
 * 251-276; Lehmann, E. L. and Casella, G. (1998), Theory of Point Estimation, 2nd ed., Springer, section 2.6
 * (the Fisher information of the normal family).
 */
public final class GaussianNll implements LandscapeProvider {

    @Override
    public String name() {
        return "gaussian-nll";
    }

    @Override
    public String description() {
        return "Gaussian negative log-likelihood in (mu, log sigma), Fisher metric diag(1/sigma^2, 2)";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.integer("samples", 100, 2, 10_000_000, "the number of samples N"),
                Parameter.real("mean", 1, -1e6, 1e6, "the mean of the distribution the data are drawn from"),
                Parameter.real("sd", 2, 1e-6, 1e6, "the standard deviation of that distribution"),
                Parameter.integer("seed", 0, 0, Long.MAX_VALUE, "the seed of the data"),
                MinibatchSchedule.PARAMETER, MinibatchSchedule.SAMPLING);
    }

    @Override
    public Landscape create(Arguments arguments) {
        int n = arguments.integer("samples");
        double mean = arguments.real("mean");
        double sd = arguments.real("sd");
        GaussianSampler sampler = new GaussianSampler(arguments.longInteger("seed"));
        double[] samples = new double[n];
        for (int i = 0; i < n; i++) {
            samples[i] = mean + sd * sampler.next();
        }
        double sampleMean = 0;
        for (double x : samples) {
            sampleMean += x;
        }
        sampleMean /= n;
        double variance = 0;
        for (double x : samples) {
            variance += (x - sampleMean) * (x - sampleMean);
        }
        variance /= n;
        double logSigma = 0.5 * Math.log(variance);

        Expr mu = Expr.variable("mu");
        Expr s = Expr.variable("log_sigma");
        Function<SampleMean, Expr> loss = average -> average.of(VectorExpr.constant(samples).minus(mu).square())
                .times(s.times(-2).exp()).times(0.5).plus(s).plus(0.5 * Math.log(2 * Math.PI));
        Expr f = loss.apply(SampleMean.FULL);
        Metric fisher = (x, out) -> {
            out[0][0] = Math.exp(-2 * x[1]);
            out[0][1] = 0;
            out[1][0] = 0;
            out[1][1] = 2;
        };
        return Landscape.builder(arguments, f, List.of("mu", "log_sigma"))
                .description(description())
                .domain(new Box(new double[] {mean - 5 * sd, Math.log(sd) - 3},
                        new double[] {mean + 5 * sd, Math.log(sd) + 3}))
                .minimum(0.5 + logSigma + 0.5 * Math.log(2 * Math.PI))
                .minimizers(new double[] {sampleMean, logSigma})
                .start(mean + 2 * sd, Math.log(sd) + 1.5)
                .metric(fisher)
                .data(new Dataset(new double[n][0], samples))
                .minibatches(arguments.integer("batch"), loss)
                .tags(Tag.STATISTICAL)
                .sources("Amari, S. (1998). Natural gradient works efficiently in learning. Neural Computation 10(2),"
                        + " 251-276", "Lehmann, E. L. and Casella, G. (1998). Theory of Point Estimation, 2nd ed."
                        + " Springer")
                .build();
    }
}
