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

/**
 * The training loss of a small neural network: a two-layer perceptron with h tanh hidden units and a logistic
 * output, on a seeded two-class set in the plane, f(theta) = (1/N) sum_i log(1 + exp(-y_i z_i)) + (lambda/2)
 * ||theta||^2 with z_i = b2 + sum_j v_j tanh(W_j . x_i + b_j) and labels y_i in {-1, +1}. The parameters are
 * theta = (W_1, b_1, ..., W_h, b_h, v, b2), 4h + 1 of them. The data:
 * <ul>
 *   <li>{@code xor}: x uniform in [-1, 1]^2, y = +1 when x_1 x_2 &gt; 0: no linear model separates it;</li>
 *   <li>{@code spirals}: two interleaved spirals, r = t, angle = 3 pi t (+ pi for the second class), t uniform in
 *       (0, 1], with Gaussian noise of standard deviation 0.02 on each coordinate.</li>
 * </ul>
 * Non-convex (the hidden units can be permuted and their signs flipped, so minimizers come in families of at least
 * 2^h h!), with no known minimum; at theta = 0 every z_i is 0 and f = log 2. The start is seeded: weights normal
 * with standard deviation 1 / sqrt(fan-in) (Glorot and Bengio's scale), biases 0.
 *
 * <p>Sources: Rumelhart, D. E., Hinton, G. E. and Williams, R. J. (1986), Learning representations by
 * back-propagating errors, Nature 323, 533-536 (XOR); Lang, K. J. and Witbrock, M. J. (1988), Learning to tell two
 * spirals apart, Proceedings of the 1988 Connectionist Models Summer School; Glorot, X. and Bengio, Y. (2010),
 * Understanding the difficulty of training deep feedforward neural networks, AISTATS.
 */
public final class TwoLayerNetwork implements LandscapeProvider {

    @Override
    public String name() {
        return "mlp";
    }

    @Override
    public String description() {
        return "two-layer tanh network, logistic loss, on seeded XOR or two-spirals data; non-convex, f(0) = log 2";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.choice("data", "xor", List.of("xor", "spirals"), "the data set"),
                Parameter.integer("samples", 200, 4, 100_000, "the number of samples N"),
                Parameter.integer("hidden", 8, 1, 256, "the number of hidden units h"),
                Parameter.real("l2", 1e-4, 0, 1e6, "the L2 regularization lambda"),
                Parameter.integer("seed", 0, 0, Long.MAX_VALUE, "the seed of the data and the start"),
                MinibatchSchedule.PARAMETER, MinibatchSchedule.SAMPLING);
    }

    @Override
    public Landscape create(Arguments arguments) {
        int n = arguments.integer("samples");
        int h = arguments.integer("hidden");
        double l2 = arguments.real("l2");
        GaussianSampler sampler = new GaussianSampler(arguments.longInteger("seed"));
        double[][] inputs = new double[n][2];
        double[] labels = new double[n];
        boolean xor = arguments.text("data").equals("xor");
        for (int i = 0; i < n; i++) {
            if (xor) {
                inputs[i][0] = 2 * sampler.uniform() - 1;
                inputs[i][1] = 2 * sampler.uniform() - 1;
                labels[i] = inputs[i][0] * inputs[i][1] > 0 ? 1 : -1;
            } else {
                labels[i] = i % 2 == 0 ? 1 : -1;
                double t = 1 - sampler.uniform();
                double angle = 3 * Math.PI * t + (i % 2 == 0 ? 0 : Math.PI);
                inputs[i][0] = t * Math.cos(angle) + 0.02 * sampler.next();
                inputs[i][1] = t * Math.sin(angle) + 0.02 * sampler.next();
            }
        }
        int parameters = 4 * h + 1;
        VectorExpr theta = VectorExpr.variable("theta", parameters);
        Matrix data = Matrix.of(inputs);
        Expr logits = theta.get(parameters - 1);
        VectorExpr output = null;
        for (int j = 0; j < h; j++) {
            VectorExpr unit = data.times(theta.slice(3 * j, 3 * j + 2)).plus(theta.get(3 * j + 2)).tanh()
                    .times(theta.get(3 * h + j));
            output = output == null ? unit : output.plus(unit);
        }
        VectorExpr perSample = VectorExpr.constant(labels).times(output.plus(logits)).unaryMinus().softplus();
        Function<SampleMean, Expr> loss = mean -> mean.of(perSample).plus(theta.squaredNorm().times(l2 / 2));
        Expr f = loss.apply(SampleMean.FULL);
        double[] start = new double[parameters];
        for (int j = 0; j < h; j++) {
            start[3 * j] = sampler.next() / Math.sqrt(2);
            start[3 * j + 1] = sampler.next() / Math.sqrt(2);
            start[3 * h + j] = sampler.next() / Math.sqrt(h);
        }
        return Landscape.builder(arguments, f, List.of("theta"))
                .description(description())
                .domain(-5, 5)
                .start(start)
                .data(new Dataset(inputs, labels))
                .minibatches(arguments.integer("batch"), loss)
                .tags(Tag.ML, Tag.MULTIMODAL)
                .sources("Rumelhart, D. E., Hinton, G. E. and Williams, R. J. (1986). Learning representations by"
                        + " back-propagating errors. Nature 323, 533-536", "Lang, K. J. and Witbrock, M. J. (1988)."
                        + " Learning to tell two spirals apart. Proceedings of the 1988 Connectionist Models Summer"
                        + " School", "Glorot, X. and Bengio, Y. (2010). Understanding the difficulty of training deep"
                        + " feedforward neural networks. AISTATS")
                .build();
    }
}
