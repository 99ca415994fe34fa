package dev.fluxion.optimizers;

import java.util.List;

/**
 * A named optimizer or transform that specs can use, found with {@link java.util.ServiceLoader}: list the
 * implementing class in {@code META-INF/services/dev.fluxion.optimizers.OptimizerProvider}. The class needs a
 * public no-argument constructor.
 */
public interface OptimizerProvider {

    /** The name used in specs, such as {@code adam}. */
    String name();

    /** One line saying what it does, with its reference. */
    String description();

    /** Its hyperparameters, in the order specs print them. */
    List<Hyperparameter> hyperparameters();

    /** The transform for checked hyperparameter values (every hyperparameter present, defaults filled in). */
    Transform create(HyperparameterValues values);
}
