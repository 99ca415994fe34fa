package dev.fluxion.landscapes;

import java.util.List;

/**
 * A typed parameter of a landscape: its name, type, default, the allowed range (for numbers) or choices (for
 * text), and a line of description. Values given in a spec are checked against it, and an error names the
 * parameter and what it accepts.
 *
 * @param name the name used in specs, such as {@code kappa}
 * @param type the type of its values
 * @param defaultValue the value when the spec does not give one ({@link Long}, {@link Double}, {@link Boolean}
 *     or {@link String} according to the type)
 * @param min the smallest allowed value (numbers only)
 * @param max the largest allowed value (numbers only)
 * @param choices the allowed values of a text parameter, or empty for any text
 * @param description what it does
 */
public record Parameter(String name, Type type, Object defaultValue, double min, double max, List<String> choices,
                        String description) {

    /** The type of a parameter's values. */
    public enum Type {
        /** A whole number, such as a dimension or a seed. */
        INTEGER,
        /** A real number. */
        REAL,
        /** true or false. */
        BOOLEAN,
        /** Text, such as a formula. */
        TEXT
    }

    /** Copies the choices. */
    public Parameter {
        choices = List.copyOf(choices);
    }

    /** An integer parameter in [min, max]. */
    public static Parameter integer(String name, long defaultValue, long min, long max, String description) {
        return new Parameter(name, Type.INTEGER, defaultValue, min, max, List.of(), description);
    }

    /** A real parameter in [min, max]. */
    public static Parameter real(String name, double defaultValue, double min, double max, String description) {
        return new Parameter(name, Type.REAL, defaultValue, min, max, List.of(), description);
    }

    /** A boolean parameter. */
    public static Parameter bool(String name, boolean defaultValue, String description) {
        return new Parameter(name, Type.BOOLEAN, defaultValue, 0, 1, List.of(), description);
    }

    /** A text parameter taking any text. */
    public static Parameter text(String name, String defaultValue, String description) {
        return new Parameter(name, Type.TEXT, defaultValue, 0, 0, List.of(), description);
    }

    /** A text parameter taking one of the choices. */
    public static Parameter choice(String name, String defaultValue, List<String> choices, String description) {
        return new Parameter(name, Type.TEXT, defaultValue, 0, 0, choices, description);
    }

    /** What the parameter accepts, in words: {@code "an integer in [1, 10000]"}. */
    public String range() {
        return switch (type) {
            case INTEGER -> "an integer in [" + (long) min + ", " + (long) max + "]";
            case REAL -> "a real number in [" + number(min) + ", " + number(max) + "]";
            case BOOLEAN -> "true or false";
            case TEXT -> choices.isEmpty() ? "any text" : "one of " + choices;
        };
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /**
     * The value of this parameter written as text in a spec, checked and converted to its type.
     *
     * @throws LandscapeException naming the landscape, the parameter, the value and the range
     */
    public Object parse(String landscape, String text) {
        String where = "parameter " + name + " of " + landscape;
        switch (type) {
            case INTEGER -> {
                double v = parseNumber(where, text);
                if (v != Math.rint(v)) {
                    throw new LandscapeException(where + " must be " + range() + ", got " + text);
                }
                check(where, v, text);
                return (long) v;
            }
            case REAL -> {
                double v = parseNumber(where, text);
                check(where, v, text);
                return v;
            }
            case BOOLEAN -> {
                if (text.equals("true") || text.equals("false")) {
                    return Boolean.parseBoolean(text);
                }
                throw new LandscapeException(where + " must be true or false, got " + text);
            }
            default -> {
                if (!choices.isEmpty() && !choices.contains(text)) {
                    throw new LandscapeException(where + " must be " + range() + ", got " + text);
                }
                return text;
            }
        }
    }

    private double parseNumber(String where, String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new LandscapeException(where + " must be " + range() + ", got '" + text + "' which is not a number");
        }
    }

    private void check(String where, double v, String text) {
        if (!(v >= min && v <= max)) {
            throw new LandscapeException(where + " is out of range: " + name + " = " + text + ", but " + name
                    + " must be " + range());
        }
    }

    /** The value written as it would appear in a spec. */
    public static String format(Object value) {
        if (value instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : d.toString();
        }
        if (value instanceof String s) {
            return s.matches("[A-Za-z_][A-Za-z0-9_.-]*") ? s : '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
        return String.valueOf(value);
    }
}
