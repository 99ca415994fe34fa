package dev.fluxion.optimizers;

import dev.fluxion.dsl.spec.Parameter;
import dev.fluxion.dsl.spec.ParameterType;
import dev.fluxion.dsl.spec.Range;
import dev.fluxion.dsl.spec.SpecNode;
import dev.fluxion.optimizers.schedule.ConstantSchedule;
import dev.fluxion.optimizers.schedule.Schedule;
import dev.fluxion.optimizers.schedule.Schedules;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A hyperparameter of an optimizer, transform or schedule: the shared {@link Parameter} of specs, with the
 * factories providers use and the optimizers' way of printing values ({@code 1.0E-8}, schedules as their spec).
 */
public final class Hyperparameter extends Parameter {
    private static final Nested SCHEDULES = new Nested() {
        @Override
        public String noun() {
            return "a schedule";
        }

        @Override
        public Object constant(double value) {
            return new ConstantSchedule(value);
        }

        @Override
        public Object build(SpecNode.Call call) {
            return Schedules.build(call);
        }
    };

    /**
     * Builds the optimizer-valued hyperparameters ({@link #optimizer(String, Transform, String)}) out of nested specs,
     * with the registry that parses the spec around them, so that plugins nest too ({@link #resolvedBy}).
     *
     * @param registry the registry, or null for the one {@link OptimizerRegistry#load()} finds
     */
    private record NestedOptimizers(OptimizerRegistry registry) implements Nested {
        @Override
        public String noun() {
            return "an optimizer or transform such as adam(lr=0.01)";
        }

        @Override
        public Object constant(double value) {
            throw new IllegalStateException("an optimizer-valued hyperparameter takes no constant");
        }

        @Override
        public Object build(SpecNode.Call call) {
            return (registry != null ? registry : OptimizerRegistry.load()).build(call);
        }
    }

    private Hyperparameter(String name, ParameterType type, Object defaultValue, Range range, List<String> choices,
                           String description) {
        this(name, type, defaultValue, range, choices, description, type == ParameterType.NESTED ? SCHEDULES : null);
    }

    private Hyperparameter(String name, ParameterType type, Object defaultValue, Range range, List<String> choices,
                           String description, Nested nested) {
        super(name, type, defaultValue, range, choices, "", description, nested);
    }

    /** A real hyperparameter. */
    public static Hyperparameter real(String name, double defaultValue, Range range, String description) {
        return new Hyperparameter(name, ParameterType.REAL, defaultValue, range, List.of(), description);
    }

    /** A whole-number hyperparameter. */
    public static Hyperparameter integer(String name, long defaultValue, Range range, String description) {
        return new Hyperparameter(name, ParameterType.INTEGER, defaultValue, range, List.of(), description);
    }

    /** A boolean hyperparameter (a formulation switch). */
    public static Hyperparameter bool(String name, boolean defaultValue, String description) {
        return new Hyperparameter(name, ParameterType.BOOLEAN, defaultValue, null, List.of(), description);
    }

    /** A hyperparameter that takes one word out of {@code choices}. */
    public static Hyperparameter choice(String name, String defaultValue, List<String> choices,
                                        String description) {
        return new Hyperparameter(name, ParameterType.CHOICE, defaultValue, null, choices, description);
    }

    /**
     * A schedule: a positive constant or a schedule spec such as {@code cosine(init=0.1, steps=100)}.
     *
     * @param defaultValue the schedule when a spec gives none, or null when a spec must give one
     */
    public static Hyperparameter schedule(String name, Schedule defaultValue, String description) {
        return new Hyperparameter(name, ParameterType.NESTED, defaultValue, Range.POSITIVE, List.of(), description);
    }

    /** A learning rate {@code lr}: a positive constant, {@code defaultValue} by default, or any schedule. */
    public static Hyperparameter learningRate(double defaultValue, String description) {
        return schedule("lr", new ConstantSchedule(defaultValue), description);
    }

    /**
     * An optimizer or transform, such as the inner optimizer of {@code lookahead(inner=adam(lr=0.01))}: a nested spec,
     * never a number.
     *
     * @param defaultValue the transform when a spec gives none
     */
    public static Hyperparameter optimizer(String name, Transform defaultValue, String description) {
        return new Hyperparameter(name, ParameterType.NESTED, defaultValue, null, List.of(), description,
                new NestedOptimizers(null));
    }

    /** This hyperparameter, whose nested optimizer specs (if it takes them) {@code registry} builds. */
    Hyperparameter resolvedBy(OptimizerRegistry registry) {
        return nested() instanceof NestedOptimizers ? new Hyperparameter(name(), type(), defaultValue(), range(),
                choices(), description(), new NestedOptimizers(registry)) : this;
    }

    /** The hyperparameters of several lists, in order: a named optimizer's learning rate and its rule's. */
    @SafeVarargs
    public static List<Hyperparameter> join(List<Hyperparameter>... parts) {
        return Arrays.stream(parts).flatMap(List::stream).toList();
    }

    /**
     * The constant schedule a typed value's schedule hyperparameter (such as {@code lr}) takes for a number, checked
     * as a spec giving that number would be: {@code adam().lr(-1)} fails as {@code adam(lr=-1)} does.
     *
     * @param owner the name of the optimizer, transform or schedule the number is given to
     */
    public Schedule constant(String owner, double value) {
        check(owner, List.of(this), value);
        return (Schedule) nested().constant(value);
    }

    /**
     * Checks the values of a typed optimizer, transform or schedule, one per declared hyperparameter and in the same
     * order, as a spec giving them would be checked; records call it from their constructors.
     *
     * @throws OptimizerException for the first value refused, with the spec's message without its column
     */
    public static void check(String owner, List<Hyperparameter> declared, Object... values) {
        Parameter.check(owner, "hyperparameter", declared, Arrays.asList(values), OptimizerException::new);
    }

    /**
     * The spec of typed values, one per declared hyperparameter and in the same order, every one printed:
     * {@code adam(lr=0.01, beta1=0.9, ...)}.
     */
    public static String spec(String owner, List<Hyperparameter> declared, Object... values) {
        Map<String, Object> named = new LinkedHashMap<>();
        for (int i = 0; i < declared.size(); i++) {
            named.put(declared.get(i).name(), values[i]);
        }
        return new HyperparameterValues(owner, named).spec();
    }

    @Override
    protected String specText(Object value) {
        return HyperparameterValues.written(value);
    }
}
