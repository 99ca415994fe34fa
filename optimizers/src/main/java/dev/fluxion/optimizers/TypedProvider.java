package dev.fluxion.optimizers;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A provider whose optimizer or transform is a typed value: the provider only names it, describes it, hands on the
 * hyperparameters the value's type declares, and builds it from checked values. {@link java.util.ServiceLoader}
 * needs a class per provider, so each is a subclass with a no-argument constructor:
 *
 * <pre>{@code
 * public final class AdamProvider extends TypedProvider {
 *     public AdamProvider() {
 *         super(Adam.NAME, Adam.HYPERPARAMETERS, Adam::of,
 *                 "Adam, bias-corrected moment estimates (Kingma and Ba, ICLR 2015)");
 *     }
 * }
 * }</pre>
 */
public abstract class TypedProvider implements OptimizerProvider {
    private final String name;
    private final String description;
    private final List<Hyperparameter> hyperparameters;
    private final Function<HyperparameterValues, ? extends Transform> factory;

    /**
     * A provider.
     *
     * @param name            the name in specs
     * @param hyperparameters the hyperparameters the value's type declares, in the order specs print them
     * @param factory         the value for checked values (every hyperparameter present, defaults filled in)
     * @param description     one line saying what it does, with its reference
     */
    protected TypedProvider(String name, List<Hyperparameter> hyperparameters,
                            Function<HyperparameterValues, ? extends Transform> factory, String description) {
        this.name = Objects.requireNonNull(name, "name");
        this.description = Objects.requireNonNull(description, "description");
        this.hyperparameters = List.copyOf(hyperparameters);
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final List<Hyperparameter> hyperparameters() {
        return hyperparameters;
    }

    @Override
    public final Transform create(HyperparameterValues values) {
        return factory.apply(values);
    }
}
