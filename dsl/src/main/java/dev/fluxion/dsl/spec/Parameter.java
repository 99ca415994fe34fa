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
     * @param range        the allowed interval for REAL, INTEGER and NESTED constants, else null (a NESTED parameter
     *                     without a range takes nested calls only, no constant: an optimizer inside an optimizer)
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
            case NESTED -> range == null ? nested.noun() : "a number in " + range + " or " + nested.noun();
        };
    }

    /**
     * Why {@code value} is not a value of this parameter, as the end of a sentence ({@code is out of range},
     * {@code is not a whole number}, {@code is not an allowed choice}, ...), or null when it is one. Numbers are
     * Doubles, or Longs for INTEGER; a NESTED parameter checks a number against its range (refuses it when it has
     * none) and leaves a nested value (a schedule, an optimizer) to its own checks. This is the one rule for both faces: specs ({@link SpecBinder}) and typed
     * values that check their components ({@link #check(String, String, List, List, SpecErrors)}).
     */
    public String problem(Object value) {
        if (value == null) {
            return "is missing";
        }
        if (type == ParameterType.NESTED && range == null) {
            return value instanceof Number ? "is not " + nested.noun() : null;
        }
        return switch (type) {
            case REAL, INTEGER, NESTED -> value instanceof Double || value instanceof Long
                    ? numberProblem(((Number) value).doubleValue())
                    : type == ParameterType.NESTED ? null : "is not a number";
            case BOOLEAN -> value instanceof Boolean ? null : "is not a boolean";
            case CHOICE -> value instanceof String word && choices.contains(word) ? null : "is not an allowed choice";
            case TEXT -> value instanceof String ? null : "is not text";
        };
    }

    private String numberProblem(double x) {
        if (!range.contains(x)) {
            return "is out of range";
        }
        if (type == ParameterType.INTEGER && (x != Math.rint(x) || Math.abs(x) > 9.3e18)) {
            return "is not a whole number";
        }
        return null;
    }

    /**
     * The one-line message for a value this parameter refuses, such as {@code adam: hyperparameter beta1 = 1.5
     * (column 7) is out of range; beta1 must be a real number in [0, 1)}.
     *
     * @param owner     the provider the value was given to
     * @param noun      what parameters are called in messages: {@code hyperparameter}, {@code parameter}
     * @param valueText the value as written
     * @param column    the 1-based column of the value in a spec, or 0 (no column part) for a typed value
     * @param problem   what {@link #problem(Object)} said
     */
    public String refusal(String owner, String noun, String valueText, int column, String problem) {
        return owner + ": " + noun + " " + name + " = " + valueText + (column > 0 ? " (column " + column + ")" : "")
                + " " + problem + "; " + name + " must be " + allowed();
    }

    /**
     * Checks typed values, one per declared parameter and in the same order, as a spec giving them would be
     * checked: a record calls it from its constructor.
     *
     * @throws RuntimeException {@code errors}' exception for the first value refused, with the message a spec would
     *                          give without its column part
     */
    public static void check(String owner, String noun, List<? extends Parameter> declared, List<?> values,
                             SpecErrors errors) {
        if (declared.size() != values.size()) {
            throw new IllegalArgumentException(owner + " declares " + declared.size() + " parameters but was given "
                    + values.size() + " values");
        }
        for (int i = 0; i < declared.size(); i++) {
            Parameter p = declared.get(i);
            String problem = p.problem(values.get(i));
            if (problem != null) {
                throw errors.error(p.refusal(owner, noun, p.specText(values.get(i)), 0, problem), 0);
            }
        }
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
