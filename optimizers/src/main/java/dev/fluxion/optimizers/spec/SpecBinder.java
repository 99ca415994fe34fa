package dev.fluxion.optimizers.spec;

import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.HyperparameterValues;
import dev.fluxion.optimizers.OptimizerException;
import dev.fluxion.optimizers.schedule.ConstantSchedule;
import dev.fluxion.optimizers.schedule.ScheduleKind;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks the named arguments of a spec call against declared {@link Hyperparameter}s and converts them to
 * typed values, filling in defaults. Every error names the owner, the hyperparameter, the value given, what
 * is allowed and the column.
 */
public final class SpecBinder {

    private SpecBinder() {
    }

    /** Binds {@code call}'s named arguments; positional arguments are an error. */
    public static HyperparameterValues bind(String owner, List<Hyperparameter> declared, SpecNode.Call call) {
        return bind(owner, declared, call.arguments());
    }

    /** Binds named arguments (positional ones are an error) to {@code declared}. */
    public static HyperparameterValues bind(String owner, List<Hyperparameter> declared,
                                            List<SpecNode.Argument> arguments) {
        Map<String, Hyperparameter> byName = new LinkedHashMap<>();
        for (Hyperparameter h : declared) {
            byName.put(h.name(), h);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Hyperparameter h : declared) {
            values.put(h.name(), h.defaultValue());
        }
        Set<String> seen = new HashSet<>();
        for (SpecNode.Argument argument : arguments) {
            if (argument.name() == null) {
                throw new OptimizerException(owner + " takes named hyperparameters (name=value), but a positional"
                        + " argument was given at column " + argument.column() + "; its hyperparameters are "
                        + names(declared), argument.column());
            }
            Hyperparameter h = byName.get(argument.name());
            if (h == null) {
                throw new OptimizerException(owner + " has no hyperparameter '" + argument.name() + "' (column "
                        + argument.column() + "); its hyperparameters are " + names(declared), argument.column());
            }
            if (!seen.add(h.name())) {
                throw new OptimizerException(owner + ": hyperparameter " + h.name() + " is given twice (column "
                        + argument.column() + ")", argument.column());
            }
            values.put(h.name(), convert(owner, h, argument.value()));
        }
        return new HyperparameterValues(owner, values);
    }

    private static String names(List<Hyperparameter> declared) {
        return declared.isEmpty() ? "none"
                : declared.stream().map(Hyperparameter::name).collect(Collectors.joining(", "));
    }

    private static Object convert(String owner, Hyperparameter h, SpecNode value) {
        switch (h.type()) {
            case REAL -> {
                return inRange(owner, h, number(owner, h, value));
            }
            case INTEGER -> {
                double v = number(owner, h, value);
                if (v != Math.rint(v) || Math.abs(v) > 9.0e15) {
                    throw wrong(owner, h, value, "is not a whole number");
                }
                return (long) inRange(owner, h, v);
            }
            case BOOLEAN -> {
                if (value instanceof SpecNode.Word word
                        && (word.text().equals("true") || word.text().equals("false"))) {
                    return Boolean.valueOf(word.text());
                }
                throw wrong(owner, h, value, "is not a boolean");
            }
            case CHOICE -> {
                if (value instanceof SpecNode.Word word && h.choices().contains(word.text())) {
                    return word.text();
                }
                throw wrong(owner, h, value, "is not an allowed choice");
            }
            case SCHEDULE -> {
                if (value instanceof SpecNode.Number) {
                    return new ConstantSchedule(inRange(owner, h, number(owner, h, value)));
                }
                if (value instanceof SpecNode.Call call) {
                    return ScheduleKind.build(call);
                }
                throw wrong(owner, h, value, "is neither a number nor a schedule (" + ScheduleKind.names() + ")");
            }
            default -> throw new IllegalStateException(h.type().toString());
        }
    }

    private static double number(String owner, Hyperparameter h, SpecNode value) {
        if (value instanceof SpecNode.Number number) {
            return number.value();
        }
        throw wrong(owner, h, value, "is not a number");
    }

    private static double inRange(String owner, Hyperparameter h, double v) {
        if (!h.range().contains(v)) {
            throw new OptimizerException(owner + ": hyperparameter " + h.name() + " = " + v + " is out of range; "
                    + h.name() + " must be " + h.allowed());
        }
        return v;
    }

    private static OptimizerException wrong(String owner, Hyperparameter h, SpecNode value, String problem) {
        return new OptimizerException(owner + ": hyperparameter " + h.name() + " = " + text(value) + " (column "
                + value.column() + ") " + problem + "; " + h.name() + " must be " + h.allowed(), value.column());
    }

    private static String text(SpecNode value) {
        if (value instanceof SpecNode.Number number) {
            return number.text();
        }
        if (value instanceof SpecNode.Word word) {
            return word.text();
        }
        return ((SpecNode.Call) value).name() + "(...)";
    }
}
