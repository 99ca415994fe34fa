package dev.fluxion.optimizers;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a typed optimizer, building block or schedule declares once for specs: its spec name, a one-line
 * description, and its hyperparameters, one per record component and in the components' order. From that one
 * declaration it derives the rest, so that a record states none of it twice:
 * <ul>
 *   <li>{@link #create(HyperparameterValues)}: the record of checked spec values, through its canonical
 *       constructor (whose checks run, so a spec and a typed call are refused alike);</li>
 *   <li>{@link #defaults()}: the record with every default, its {@code DEFAULT};</li>
 *   <li>{@link #spec(Record)}: the record's spec with every hyperparameter printed, which parses back to it.</li>
 * </ul>
 * A {@link TypedProvider} makes an optimizer or transform signature a provider specs can name.
 *
 * <pre>{@code
 * public record Adam(Schedule lr, double beta1, ...) implements NamedOptimizer {
 *     public static final Signature<Adam> SIGNATURE = new Signature<>(Adam.class, "adam", HYPERPARAMETERS,
 *             "Adam, bias-corrected moment estimates (Kingma and Ba, ICLR 2015)");
 *     public static final Adam DEFAULT = SIGNATURE.defaults();
 *     ...
 *     public String spec() { return SIGNATURE.spec(this); }
 * }
 * }</pre>
 *
 * @param <T> the record type
 */
public final class Signature<T extends Record> {
    private final Class<T> type;
    private final String name;
    private final List<Hyperparameter> hyperparameters;
    private final String description;
    private final RecordComponent[] components;
    private final Constructor<T> constructor;

    /**
     * A signature.
     *
     * @param type            the record, whose components are the hyperparameters' values in their order
     * @param name            the name in specs, such as {@code adam}
     * @param hyperparameters the hyperparameters, in the order of the components and of specs
     * @param description     one line saying what it does, with its reference
     * @throws IllegalArgumentException when the record has not one component per hyperparameter
     */
    public Signature(Class<T> type, String name, List<Hyperparameter> hyperparameters, String description) {
        this.type = Objects.requireNonNull(type, "type");
        this.name = Objects.requireNonNull(name, "name");
        this.hyperparameters = List.copyOf(hyperparameters);
        this.description = Objects.requireNonNull(description, "description");
        this.components = type.getRecordComponents();
        if (components == null || components.length != this.hyperparameters.size()) {
            throw new IllegalArgumentException(type.getName() + " is not a record with one component per"
                    + " hyperparameter of " + name + " " + this.hyperparameters.stream().map(Hyperparameter::name)
                    .toList());
        }
        try {
            this.constructor = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(type.getName() + " has no canonical constructor", e);
        }
    }

    /** The record these values describe. */
    public Class<T> type() {
        return type;
    }

    /** The name used in specs, such as {@code adam}. */
    public String name() {
        return name;
    }

    /** The hyperparameters, in the order of the components and of specs. */
    public List<Hyperparameter> hyperparameters() {
        return hyperparameters;
    }

    /** One line saying what it does, with its reference. */
    public String description() {
        return description;
    }

    /**
     * The record for checked values (every hyperparameter present, defaults filled in), through its canonical
     * constructor.
     *
     * @throws OptimizerException (or whatever the constructor throws) for values its own checks refuse
     */
    public T create(HyperparameterValues values) {
        Object[] arguments = hyperparameters.stream().map(h -> values.value(h.name())).toArray();
        try {
            return constructor.newInstance(arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException refused) {
                throw refused;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + type.getName(), e);
        }
    }

    /** The record with every hyperparameter at its default. */
    public T defaults() {
        return create(HyperparameterValues.defaults(name, hyperparameters));
    }

    /**
     * The spec of a record of this signature, every hyperparameter printed: {@code adam(lr=0.01, beta1=0.9, ...)}.
     */
    public String spec(T value) {
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            try {
                values[i] = components[i].getAccessor().invoke(value);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + type.getName() + "." + components[i].getName(), e);
            }
        }
        return Hyperparameter.spec(name, hyperparameters, values);
    }

    @Override
    public String toString() {
        return name + " (" + type.getName() + ")";
    }
}
