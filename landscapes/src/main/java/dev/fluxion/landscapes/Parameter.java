package dev.fluxion.landscapes;

import dev.fluxion.dsl.spec.ParameterType;
import dev.fluxion.dsl.spec.Range;
import java.util.List;

/**
 * A typed parameter of a landscape: the shared {@link dev.fluxion.dsl.spec.Parameter} of specs, with the
 * factories landscape providers use. Numbers take a closed range [min, max]; values given in a spec are checked
 * against it, and an error names the parameter, the value, the column and what it accepts.
 */
public final class Parameter extends dev.fluxion.dsl.spec.Parameter {

    private Parameter(String name, ParameterType type, Object defaultValue, Range range, List<String> choices,
                      String description) {
        super(name, type, defaultValue, range, choices, "", description, null);
    }

    /** An integer parameter in [min, max]. */
    public static Parameter integer(String name, long defaultValue, long min, long max, String description) {
        return new Parameter(name, ParameterType.INTEGER, defaultValue, Range.closed(min, max), List.of(),
                description);
    }

    /** A real parameter in [min, max]. */
    public static Parameter real(String name, double defaultValue, double min, double max, String description) {
        return new Parameter(name, ParameterType.REAL, defaultValue, Range.closed(min, max), List.of(), description);
    }

    /** A boolean parameter. */
    public static Parameter bool(String name, boolean defaultValue, String description) {
        return new Parameter(name, ParameterType.BOOLEAN, defaultValue, null, List.of(), description);
    }

    /** A text parameter taking any text. */
    public static Parameter text(String name, String defaultValue, String description) {
        return new Parameter(name, ParameterType.TEXT, defaultValue, null, List.of(), description);
    }

    /** A text parameter taking one of the choices. */
    public static Parameter choice(String name, String defaultValue, List<String> choices, String description) {
        return new Parameter(name, ParameterType.CHOICE, defaultValue, null, choices, description);
    }

    /** The value written as it would appear in a spec ({@link #compact(Object)}). */
    public static String format(Object value) {
        return compact(value);
    }
}
