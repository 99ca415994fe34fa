package dev.fluxion.dsl.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks the arguments of a spec call against declared {@link Parameter}s and converts them to typed values:
 * named arguments by name, positional ones in declaration order, defaults for the rest. Every error is one
 * line naming the owner, the parameter, the value given, the column and what is allowed.
 */
public final class SpecBinder {
    private final String owner;
    private final String noun;
    private final List<? extends Parameter> declared;
    private final SpecErrors errors;

    private SpecBinder(String owner, String noun, List<? extends Parameter> declared, SpecErrors errors) {
        this.owner = owner;
        this.noun = noun;
        this.declared = declared;
        this.errors = errors;
    }

    /**
     * The values of {@code call}'s arguments for {@code declared}, by name in declaration order.
     *
     * @param noun what the parameters are called in messages: {@code hyperparameter}, {@code parameter}
     */
    public static Map<String, Object> bind(SpecNode.Call call, String noun, List<? extends Parameter> declared,
                                           SpecErrors errors) {
        return new SpecBinder(call.name(), noun, declared, errors).bind(call);
    }

    private Map<String, Object> bind(SpecNode.Call call) {
        Map<String, Object> given = new LinkedHashMap<>();
        int positional = 0;
        for (SpecNode.Argument argument : call.arguments()) {
            Parameter p;
            if (argument.name() == null) {
                if (positional >= declared.size()) {
                    throw errors.error(owner + " takes at most " + declared.size() + " arguments (" + names()
                            + "), but more were given at column " + argument.column(), argument.column());
                }
                p = declared.get(positional++);
            } else {
                p = declared.stream().filter(d -> d.name().equals(argument.name())).findFirst().orElseThrow(() ->
                        errors.error(owner + " has no " + noun + " '" + argument.name() + "' (column "
                                + argument.column() + "); its " + noun + "s are " + names(), argument.column()));
            }
            if (given.containsKey(p.name())) {
                throw errors.error(owner + ": " + noun + " " + p.name() + " is given twice (again at column "
                        + argument.column() + ")", argument.column());
            }
            given.put(p.name(), convert(p, argument.value()));
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Parameter p : declared) {
            Object value = given.getOrDefault(p.name(), p.defaultValue());
            if (value == null) {
                throw errors.error(owner + " needs " + noun + " " + p.name() + ", " + p.allowed() + " (call at column "
                        + call.column() + ")", call.column());
            }
            values.put(p.name(), value);
        }
        return values;
    }

    private String names() {
        return declared.isEmpty() ? "none" : declared.stream().map(Parameter::name).collect(Collectors.joining(", "));
    }

    private Object convert(Parameter p, SpecNode value) {
        return switch (p.type()) {
            case REAL -> number(p, value);
            case INTEGER -> (long) number(p, value);
            case BOOLEAN -> {
                if (value instanceof SpecNode.Word && (value.text().equals("true") || value.text().equals("false"))) {
                    yield Boolean.valueOf(value.text());
                }
                throw wrong(p, value, "is not a boolean");
            }
            case CHOICE -> {
                if (value instanceof SpecNode.Call || value instanceof SpecNode.Number) {
                    throw wrong(p, value, "is not an allowed choice");
                }
                yield checked(p, value, value.text());
            }
            case TEXT -> {
                if (value instanceof SpecNode.Call) {
                    throw wrong(p, value, "is not text");
                }
                yield value.text();
            }
            case NESTED -> {
                // without a range a NESTED parameter takes only calls, and a bare word is the call with no arguments
                SpecNode node = p.range() == null ? SpecParser.asCallIfWord(value) : value;
                yield node instanceof SpecNode.Call call ? p.nested().build(call) : p.nested().constant(number(p, node));
            }
        };
    }

    /** The number a node holds, checked by the parameter's own rule. */
    private double number(Parameter p, SpecNode value) {
        if (!(value instanceof SpecNode.Number number)) {
            throw wrong(p, value, "is not a number");
        }
        return checked(p, value, number.value());
    }

    private <T> T checked(Parameter p, SpecNode node, T value) {
        String problem = p.problem(value);
        if (problem != null) {
            throw wrong(p, node, problem);
        }
        return value;
    }

    private RuntimeException wrong(Parameter p, SpecNode value, String problem) {
        return errors.error(p.refusal(owner, noun, value.text(), value.column(), problem), value.column());
    }
}
