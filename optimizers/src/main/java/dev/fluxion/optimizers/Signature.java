package dev.fluxion.optimizers;

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
 * @param type            the record, whose components are the hyperparameters' values in their order
 * @param name            the name in specs, such as {@code adam}
 * @param hyperparameters the hyperparameters, in the order of the components and of specs
 * @param description     one line saying what it does, with its reference
 * @param <T>             the record type
 */
public record Signature<T extends Record>(Class<T> type, String name, List<Hyperparameter> hyperparameters,
                                          String description) {

    /**
     * Checks that the record has one component per hyperparameter.
     *
     * @throws IllegalArgumentException naming the record and the hyperparameters when it has not
     */
    public Signature {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        hyperparameters = List.copyOf(hyperparameters);
        if (type.getRecordComponents() == null || type.getRecordComponents().length != hyperparameters.size()) {
            throw new IllegalArgumentException(type.getName() + " is not a record with one component per"
                    + " hyperparameter of " + name + " " + hyperparameters.stream().map(Hyperparameter::name).toList());
        }
    }

    /**
     * The record for checked values (every hyperparameter present, defaults filled in), through its canonical
     * constructor.
     *
     * @throws OptimizerException (or whatever the constructor throws) for values its own checks refuse
     */
    public T create(HyperparameterValues values) {
        Class<?>[] types = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType)
                .toArray(Class<?>[]::new);
        try {
            return type.getDeclaredConstructor(types)
                    .newInstance(hyperparameters.stream().map(h -> values.value(h.name())).toArray());
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException refused ? refused : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + type.getName(), e);
        }
    }

    /** The record with every hyperparameter at its default. */
    public T defaults() {
        return create(HyperparameterValues.defaults(name, hyperparameters));
    }

    /**
     * The constant schedule the schedule-valued hyperparameter {@code hyperparameter} (such as {@code lr}) takes for a
     * number, checked as a spec giving that number would be: {@code adam(lr = -1.0)} fails as {@code adam(lr=-1)}.
     *
     * @throws OptimizerException for a number out of range
     * @throws IllegalArgumentException if this signature has no such hyperparameter
     */
    public dev.fluxion.optimizers.schedule.Schedule constant(String hyperparameter, double value) {
        return hyperparameters.stream().filter(h -> h.name().equals(hyperparameter)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name + " has no hyperparameter " + hyperparameter))
                .constant(name, value);
    }

    /**
     * The spec of a record of this signature, every hyperparameter printed: {@code adam(lr=0.01, beta1=0.9, ...)}.
     */
    public String spec(T value) {
        RecordComponent[] components = type.getRecordComponents();
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
}
