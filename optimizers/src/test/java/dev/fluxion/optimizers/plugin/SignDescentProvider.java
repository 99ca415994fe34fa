package dev.fluxion.optimizers.plugin;

import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.HyperparameterValues;
import dev.fluxion.optimizers.OptimizerProvider;
import dev.fluxion.optimizers.StepContext;
import dev.fluxion.optimizers.Transform;
import dev.fluxion.optimizers.TransformState;
import dev.fluxion.optimizers.schedule.Schedule;
import java.util.List;

/**
 * A provider that exists only in the tests' {@code META-INF/services}: sign descent, x &lt;- x - lr sign(g)
 * (Bernstein et al., "signSGD", ICML 2018), with a step counter buffer to show that plugin state is saved too.
 */
public final class SignDescentProvider implements OptimizerProvider {

    @Override
    public String name() {
        return "signDescent";
    }

    @Override
    public String description() {
        return "sign descent, x <- x - lr sign(g) (Bernstein et al., ICML 2018); a test plugin";
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        return List.of(Hyperparameter.learningRate(0.01, "step per component"));
    }

    @Override
    public Transform create(HyperparameterValues values) {
        Schedule learningRate = values.schedule("lr");
        String spec = values.spec();
        return new Transform() {
            @Override
            public TransformState init(int dimension) {
                return new TransformState() {
                    private final double[] signChanges = buffer("signChanges", dimension, 0);
                    private final double[] lastSign = buffer("lastSign", dimension, 0);

                    @Override
                    public void update(double[] direction, StepContext context) {
                        double eta = learningRate.at(context.step());
                        for (int i = 0; i < direction.length; i++) {
                            double sign = Math.signum(direction[i]);
                            if (sign != lastSign[i]) {
                                signChanges[i]++;
                            }
                            lastSign[i] = sign;
                            direction[i] = -eta * sign;
                        }
                    }
                };
            }

            @Override
            public String spec() {
                return spec;
            }
        };
    }
}
