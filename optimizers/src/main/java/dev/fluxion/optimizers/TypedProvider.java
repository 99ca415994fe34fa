package dev.fluxion.optimizers;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A provider whose optimizer or transform is a typed value: the provider only names it, describes it, hands on the
 * hyperparameters the value's type declares, and builds it from checked values. The built-in ones are made from
 * the records' {@link Signature}s ({@code new TypedProvider(Adam.SIGNATURE)}) and listed by
 * {@link OptimizerRegistry}; {@link java.util.ServiceLoader} needs a class per plugin provider, so a plugin's is a
 * subclass with a no-argument constructor:
 *
 * <pre>{@code
 * public final class LionProvider extends TypedProvider {
 *     public LionProvider() {
 *         super(Lion.SIGNATURE);
 *     }
 * }
 * }</pre>
 */
public class TypedProvider implements OptimizerProvider {
    private final String name;
    private final String description;
    private final List<Hyperparameter> hyperparameters;
    private final Function<HyperparameterValues, ? extends Transform> factory;
    private final String origin;

    /** The provider of a typed optimizer or transform's signature; the registry names it after the record. */
    public TypedProvider(Signature<? extends Transform> signature) {
        this(signature.name(), signature.hyperparameters(), signature::create, signature.description(),
                signature.type());
    }

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
        this(name, hyperparameters, factory, description, null);
    }

    private TypedProvider(String name, List<Hyperparameter> hyperparameters,
                          Function<HyperparameterValues, ? extends Transform> factory, String description,
                          Class<?> type) {
        this.name = Objects.requireNonNull(name, "name");
        this.description = Objects.requireNonNull(description, "description");
        this.hyperparameters = List.copyOf(hyperparameters);
        this.factory = Objects.requireNonNull(factory, "factory");
        this.origin = type != null && getClass() == TypedProvider.class ? type.getName() : getClass().getName();
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

    /**
     * What messages name this provider by, and what tells two providers of one name apart: the class of a
     * subclass (a plugin's), else the record of the signature it was made from.
     */
    final String origin() {
        return origin;
    }
}
