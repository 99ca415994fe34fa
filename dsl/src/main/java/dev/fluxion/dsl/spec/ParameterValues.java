package dev.fluxion.dsl.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The checked values of one spec call, such as {@code adam(lr=0.01)} or {@code rosenbrock(dim=10)}: every
 * parameter of the provider, given or defaulted, converted to its type and checked against its range, in the
 * order the provider declares them. Modules give it their own thin names with typed getters.
 */
public class ParameterValues {
    private final String owner;
    private final Map<String, Object> values;
    private final SpecErrors errors;

    /** Values for the provider {@code owner}; {@code errors} makes the error for a name it does not have. */
    protected ParameterValues(String owner, Map<String, Object> values, SpecErrors errors) {
        this.owner = owner;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.errors = errors;
    }

    /** The name of the provider these values are for. */
    public String owner() {
        return owner;
    }

    /** All values by name, in declaration order. */
    public Map<String, Object> asMap() {
        return values;
    }

    /** The value of {@code name}, of the type its parameter declares. */
    public Object value(String name) {
        Object value = values.get(name);
        if (value == null) {
            throw errors.error(owner + " has no parameter '" + name + "'; it has " + values.keySet(), 0);
        }
        return value;
    }

    /** A REAL value. */
    public double real(String name) {
        return (Double) value(name);
    }

    /** An INTEGER value. */
    public long longInteger(String name) {
        return (Long) value(name);
    }

    /** A BOOLEAN value. */
    public boolean bool(String name) {
        return (Boolean) value(name);
    }

    /** A CHOICE or TEXT value. */
    public String text(String name) {
        return (String) value(name);
    }

    /**
     * The canonical spec text: the owner's name with every parameter, {@code adam(lr=0.01, ...)}, or the bare
     * name when it has none.
     */
    public String spec() {
        return values.isEmpty() ? owner : values.entrySet().stream()
                .map(e -> e.getKey() + "=" + specText(e.getValue()))
                .collect(Collectors.joining(", ", owner + "(", ")"));
    }

    /** A value as spec text; modules whose canonical specs print values otherwise override it. */
    protected String specText(Object value) {
        return Parameter.compact(value);
    }

    @Override
    public String toString() {
        return spec();
    }
}
