package dev.fluxion.optimizers;

import dev.fluxion.optimizers.schedule.Schedule;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The checked values of one spec call, such as {@code adam(lr=0.01, beta2=0.99)}: every hyperparameter of the
 * provider, given or defaulted, already converted to its type and checked against its range.
 */
public final class HyperparameterValues {
    private final String owner;
    private final Map<String, Object> values;

    /** Values for the provider or schedule {@code owner}, in the order of its hyperparameters. */
    public HyperparameterValues(String owner, Map<String, Object> values) {
        this.owner = owner;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The name of the provider or schedule these values are for. */
    public String owner() {
        return owner;
    }

    /** All values by name, in declaration order. */
    public Map<String, Object> asMap() {
        return values;
    }

    /** A REAL value. */
    public double real(String name) {
        return (Double) get(name);
    }

    /** An INTEGER value. */
    public long integer(String name) {
        return (Long) get(name);
    }

    /** A BOOLEAN value. */
    public boolean bool(String name) {
        return (Boolean) get(name);
    }

    /** A CHOICE value. */
    public String choice(String name) {
        return (String) get(name);
    }

    /** A SCHEDULE value. */
    public Schedule schedule(String name) {
        return (Schedule) get(name);
    }

    private Object get(String name) {
        Object value = values.get(name);
        if (value == null) {
            throw new OptimizerException(owner + " has no hyperparameter " + name + "; it has " + values.keySet());
        }
        return value;
    }

    /** The canonical spec text: the owner's name with every hyperparameter, {@code adam(lr=0.01, ...)}. */
    public String spec() {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + text(e.getValue()))
                .collect(Collectors.joining(", ", owner + "(", ")"));
    }

    static String text(Object value) {
        if (value instanceof Schedule schedule) {
            return schedule.spec();
        }
        return String.valueOf(value);
    }

    @Override
    public String toString() {
        return spec();
    }
}
