package dev.fluxion.dsl.spec;

import java.util.List;
import java.util.Objects;

/**
 * The description of one typed parameter of a named provider: its name in specs, its type, its default, the
 * values it allows (a {@link Range} for numbers, words for a choice), its unit and what it means. Values in a
 * spec are checked against it by {@link SpecBinder}. Modules give it their own thin names
 * ({@code Hyperparameter}, a landscape's {@code Parameter}) with factories that return those names.
 */
public class Parameter {
    private final String name;
    private final ParameterType type;
    private final Object defaultValue;
    private final Range range;
    private final List<String> choices;
    private final String unit;
    private final String description;
    private final Nested nested;

    /**
     * Builds, for a NESTED parameter, values out of a constant or a nested call.
     */
    public interface Nested {
        /** What the nested specs are, for messages: {@code "a schedule"}. */
        String noun();

        /** The value of a constant already checked against the parameter's range. */
        Object constant(double value);

        /** The value a nested call describes (its own errors name its column). */
        Object build(SpecNode.Call call);
    }

    /**
     * A parameter.
     *
     * @param name         the name used in specs, such as {@code beta2}
     * @param type         the type of its value
     * @param defaultValue the value when a spec does not give one (Double, Long, Boolean, String or the nested
     *                     type), or null when a spec must give it
     * @param range        the allowed interval for REAL, INTEGER and NESTED constants, else null
     * @param choices      the allowed words for CHOICE, else empty
     * @param unit         the unit, such as {@code steps}, or empty
     * @param description  what it means, with its reference
     * @param nested       the builder of NESTED values, else null
     */
    protected Parameter(String name, ParameterType type, Object defaultValue, Range range, List<String> choices,
                        String unit, String description, Nested nested) {
        this.name = Objects.requireNonNull(name);
        this.type = Objects.requireNonNull(type);
        this.defaultValue = defaultValue;
        this.range = range;
        this.choices = List.copyOf(choices);
        this.unit = unit == null ? "" : unit;
        this.description = description;
        this.nested = nested;
    }

    /** The name used in specs. */
    public String name() {
        return name;
    }

    /** The type of its value. */
    public ParameterType type() {
        return type;
    }

    /** The value used when a spec does not give one, or null when a spec must give it. */
    public Object defaultValue() {
        return defaultValue;
    }

    /** The allowed interval of a numeric parameter, else null. */
    public Range range() {
        return range;
    }

    /** The allowed words of a CHOICE parameter, else empty. */
    public List<String> choices() {
        return choices;
    }

    /** The unit, or empty. */
    public String unit() {
        return unit;
    }

    /** What it means. */
    public String description() {
        return description;
    }

    /** The builder of NESTED values, else null. */
    public Nested nested() {
        return nested;
    }

    /** What values this parameter allows, as a reader would write them: {@code a real number in [0, 1)}. */
    public String allowed() {
        return switch (type) {
            case REAL -> "a real number in " + range;
            case INTEGER -> "an integer in " + range;
            case BOOLEAN -> "true or false";
            case CHOICE -> "one of " + String.join("|", choices);
            case TEXT -> "any text (in double quotes if it has spaces)";
            case NESTED -> "a number in " + range + " or " + nested.noun();
        };
    }

    /** The default as spec text. */
    public String defaultText() {
        return defaultValue == null ? "(required)" : specText(defaultValue);
    }

    /** A value as spec text; modules whose canonical specs print values otherwise override it. */
    protected String specText(Object value) {
        return compact(value);
    }

    /**
     * A value written as it would appear in a spec, compactly: whole doubles without {@code .0}, text quoted
     * (with escapes) unless it is a single word.
     */
    public static String compact(Object value) {
        if (value instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : d.toString();
        }
        if (value instanceof String s) {
            return s.matches("[A-Za-z_][A-Za-z0-9_.-]*") ? s
                    : '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
        return String.valueOf(value);
    }

    /** {@code name = default [unit] (allowed values): description}. */
    @Override
    public String toString() {
        return name + " = " + defaultText() + (unit.isEmpty() ? "" : " " + unit) + " (" + allowed() + "): "
                + description;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Parameter p && p.getClass() == getClass() && name.equals(p.name) && type == p.type
                && Objects.equals(defaultValue, p.defaultValue) && Objects.equals(range, p.range)
                && choices.equals(p.choices) && unit.equals(p.unit) && Objects.equals(description, p.description)
                && Objects.equals(nested, p.nested);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, defaultValue, range, choices, unit, description);
    }
}
