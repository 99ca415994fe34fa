package dev.fluxion.landscapes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The checked values of a landscape's parameters, every one present (a default where the spec gave none),
 * with typed getters. Made by {@link #bind(LandscapeProvider, Spec)}.
 */
public final class Arguments {
    private final String landscape;
    private final Map<String, Object> values;

    private Arguments(String landscape, Map<String, Object> values) {
        this.landscape = landscape;
        this.values = values;
    }

    /** Every parameter at its default. */
    public static Arguments defaults(LandscapeProvider provider) {
        return bind(provider, new Spec(provider.name(), List.of()));
    }

    /**
     * Binds a spec's arguments to the provider's parameters: named ones by name, positional ones in order,
     * the rest at their defaults; every value is checked against its parameter's type and range.
     *
     * @throws LandscapeException for an unknown parameter (listing the known ones), a repeated one, too many
     *     positional arguments, or a value out of range
     */
    public static Arguments bind(LandscapeProvider provider, Spec spec) {
        List<Parameter> parameters = provider.parameters();
        Map<String, Object> values = new LinkedHashMap<>();
        int positional = 0;
        for (Spec.Argument argument : spec.arguments()) {
            Parameter parameter;
            if (argument.name() == null) {
                if (positional >= parameters.size()) {
                    throw new LandscapeException(provider.name() + " takes at most " + parameters.size()
                            + " arguments " + names(parameters) + ", but more were given at column "
                            + argument.column(), argument.column());
                }
                parameter = parameters.get(positional++);
            } else {
                parameter = parameters.stream().filter(p -> p.name().equals(argument.name())).findFirst()
                        .orElseThrow(() -> new LandscapeException(provider.name() + " has no parameter '"
                                + argument.name() + "' (column " + argument.column() + "); its parameters are "
                                + names(parameters), argument.column()));
            }
            if (values.containsKey(parameter.name())) {
                throw new LandscapeException("parameter " + parameter.name() + " of " + provider.name()
                        + " is given twice (again at column " + argument.column() + ")", argument.column());
            }
            try {
                values.put(parameter.name(), parameter.parse(provider.name(), argument.value()));
            } catch (LandscapeException e) {
                throw new LandscapeException(e.getMessage() + " (column " + argument.column() + ")",
                        argument.column());
            }
        }
        Map<String, Object> ordered = new LinkedHashMap<>();
        for (Parameter p : parameters) {
            ordered.put(p.name(), values.getOrDefault(p.name(), p.defaultValue()));
        }
        return new Arguments(provider.name(), ordered);
    }

    private static List<String> names(List<Parameter> parameters) {
        List<String> names = new ArrayList<>();
        parameters.forEach(p -> names.add(p.name()));
        return names;
    }

    /** The landscape's name. */
    public String landscape() {
        return landscape;
    }

    /** The canonical spec: the name and every parameter written out, such as {@code rosenbrock(dim=10)}. */
    public String spec() {
        if (values.isEmpty()) {
            return landscape;
        }
        StringBuilder text = new StringBuilder(landscape).append('(');
        values.forEach((name, value) -> text.append(text.charAt(text.length() - 1) == '(' ? "" : ", ")
                .append(name).append('=').append(Parameter.format(value)));
        return text.append(')').toString();
    }

    private Object get(String name) {
        if (!values.containsKey(name)) {
            throw new LandscapeException(landscape + " has no parameter '" + name + "'; its parameters are "
                    + values.keySet());
        }
        return values.get(name);
    }

    /** An integer parameter's value. */
    public int integer(String name) {
        return Math.toIntExact((Long) get(name));
    }

    /** An integer parameter's value as a long (seeds). */
    public long longInteger(String name) {
        return (Long) get(name);
    }

    /** A real parameter's value. */
    public double real(String name) {
        return (Double) get(name);
    }

    /** A boolean parameter's value. */
    public boolean bool(String name) {
        return (Boolean) get(name);
    }

    /** A text parameter's value. */
    public String text(String name) {
        return (String) get(name);
    }

    @Override
    public String toString() {
        return spec();
    }
}
