package dev.fluxion.optimizers;

import dev.fluxion.optimizers.schedule.Schedule;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.function.Consumer;

/**
 * The one-line entry points, for Java and Kotlin alike:
 *
 * <pre>{@code
 * Optimizer a = Optimizers.parse("chain(clip(norm=1), nesterov(lr=0.1, momentum=0.9))");
 * Optimizer b = Optimizers.adam(0.01);
 * String everything = Optimizers.describe();   // every optimizer with its hyperparameters
 * }</pre>
 *
 * The named factories are shorthands for specs, so {@code adam(0.01)} equals {@code parse("adam(lr=0.01)")} and
 * prints the same spec. Providers are loaded once, from the class loader of the first call.
 */
public final class Optimizers {
    private static volatile OptimizerRegistry registry;

    private Optimizers() {
    }

    /** The registry of every provider on the class path. */
    public static OptimizerRegistry registry() {
        OptimizerRegistry current = registry;
        if (current == null) {
            synchronized (Optimizers.class) {
                current = registry;
                if (current == null) {
                    current = OptimizerRegistry.load();
                    registry = current;
                }
            }
        }
        return current;
    }

    /**
     * The registry of every provider on the class path joined by the providers of a plugin class loader, built-ins
     * first; each plugin provider that cannot join goes to {@code problems} (see
     * {@link OptimizerRegistry#withPlugins(ClassLoader, Consumer)}). This class's own registry is left as it is.
     */
    public static OptimizerRegistry withPlugins(ClassLoader plugins, Consumer<ServiceConfigurationError> problems) {
        return registry().withPlugins(plugins, problems);
    }

    /** The optimizer a spec describes, such as {@code adam(lr=0.01, beta2=0.99)}. */
    public static Optimizer parse(String spec) {
        return registry().parse(spec);
    }

    /** Every provider with its name, description and hyperparameters. */
    public static List<OptimizerProvider> list() {
        return registry().providers();
    }

    /** Every optimizer and schedule with its hyperparameters, as text. */
    public static String describe() {
        return registry().describe();
    }

    /** Gradient descent with a constant step. */
    public static Optimizer gd(double learningRate) {
        return parse("gd(lr=" + learningRate + ")");
    }

    /** Gradient descent with a schedule. */
    public static Optimizer gd(Schedule learningRate) {
        return parse("gd(lr=" + learningRate.spec() + ")");
    }

    /** Heavy-ball momentum (Polyak's form, learning rate in the buffer). */
    public static Optimizer momentum(double learningRate, double momentum) {
        return parse("momentum(lr=" + learningRate + ", momentum=" + momentum + ")");
    }

    /** Nesterov momentum (Sutskever et al.'s form). */
    public static Optimizer nesterov(double learningRate, double momentum) {
        return parse("nesterov(lr=" + learningRate + ", momentum=" + momentum + ")");
    }

    /** Adam with the paper's defaults for everything but the learning rate. */
    public static Optimizer adam(double learningRate) {
        return parse("adam(lr=" + learningRate + ")");
    }

    /** AdamW with decoupled weight decay. */
    public static Optimizer adamw(double learningRate, double weightDecay) {
        return parse("adamw(lr=" + learningRate + ", weightDecay=" + weightDecay + ")");
    }

    /** AMSGrad. */
    public static Optimizer amsgrad(double learningRate) {
        return parse("amsgrad(lr=" + learningRate + ")");
    }

    /** RMSProp, plain or centered. */
    public static Optimizer rmsprop(double learningRate, boolean centered) {
        return parse("rmsprop(lr=" + learningRate + ", centered=" + centered + ")");
    }

    /** Adagrad. */
    public static Optimizer adagrad(double learningRate) {
        return parse("adagrad(lr=" + learningRate + ")");
    }

    /** Natural gradient with the objective's metric (an error if it has none). */
    public static Optimizer natural(double learningRate) {
        return parse("natural(lr=" + learningRate + ")");
    }

    /** Damped Newton (indefinite Hessians shifted). */
    public static Optimizer newton(double learningRate) {
        return parse("newton(lr=" + learningRate + ")");
    }
}
