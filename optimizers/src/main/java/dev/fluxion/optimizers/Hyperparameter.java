package dev.fluxion.optimizers;

import dev.fluxion.optimizers.schedule.ConstantSchedule;
import java.util.List;

/**
 * The description of one hyperparameter: its name in specs, its type, its default, the values it allows and
 * what it means (with its unit or reference).
 *
 * @param name         the name used in specs, such as {@code beta2}
 * @param type         the type of its value
 * @param defaultValue the value used when a spec does not give one (a Double, Long, Boolean, String or
 *                     Schedule, by type)
 * @param range        the allowed interval for REAL, INTEGER and SCHEDULE (its constant values), else null
 * @param choices      the allowed words for CHOICE, else empty
 * @param description  what it means, with its unit or reference
 */
public record Hyperparameter(String name, HyperparameterType type, Object defaultValue, Range range,
                             List<String> choices, String description) {

    /** Checks the record is consistent. */
    public Hyperparameter {
        choices = List.copyOf(choices);
    }

    /** A real hyperparameter. */
    public static Hyperparameter real(String name, double defaultValue, Range range, String description) {
        return new Hyperparameter(name, HyperparameterType.REAL, defaultValue, range, List.of(), description);
    }

    /** A whole-number hyperparameter. */
    public static Hyperparameter integer(String name, long defaultValue, Range range, String description) {
        return new Hyperparameter(name, HyperparameterType.INTEGER, defaultValue, range, List.of(), description);
    }

    /** A boolean hyperparameter (a formulation switch). */
    public static Hyperparameter bool(String name, boolean defaultValue, String description) {
        return new Hyperparameter(name, HyperparameterType.BOOLEAN, defaultValue, null, List.of(), description);
    }

    /** A hyperparameter that takes one word out of {@code choices}. */
    public static Hyperparameter choice(String name, String defaultValue, List<String> choices,
                                        String description) {
        return new Hyperparameter(name, HyperparameterType.CHOICE, defaultValue, null, choices, description);
    }

    /** A learning rate: a constant in {@code range} by default, or any schedule. */
    public static Hyperparameter learningRate(double defaultValue, String description) {
        return new Hyperparameter("lr", HyperparameterType.SCHEDULE, new ConstantSchedule(defaultValue),
                Range.POSITIVE, List.of(), description);
    }

    /** What values this hyperparameter allows, as a reader would write them: {@code [0, 1)}, {@code true|false}. */
    public String allowed() {
        return switch (type) {
            case REAL -> "a real number in " + range;
            case INTEGER -> "a whole number in " + range;
            case BOOLEAN -> "true or false";
            case CHOICE -> "one of " + String.join("|", choices);
            case SCHEDULE -> "a number in " + range + " or a schedule";
        };
    }

    /** The default as spec text. */
    public String defaultText() {
        return HyperparameterValues.text(defaultValue);
    }

    @Override
    public String toString() {
        return name + " = " + defaultText() + " (" + allowed() + "): " + description;
    }
}
