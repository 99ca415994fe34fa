package dev.fluxion.optimizers.schedule;

import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.HyperparameterValues;
import dev.fluxion.optimizers.OptimizerException;
import dev.fluxion.optimizers.Range;
import dev.fluxion.optimizers.spec.SpecBinder;
import dev.fluxion.optimizers.spec.SpecNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The learning-rate schedules a spec can name, each with its hyperparameters: {@code constant}, {@code step},
 * {@code exponential}, {@code inverseTime}, {@code cosine}, {@code warmup} and {@code join}. The compositions
 * are {@code warmup(..., then=SCHEDULE)} and {@code join(SCHEDULE, SCHEDULE, at=STEP)}; wherever a schedule
 * is expected, a plain positive number means a constant rate.
 */
public enum ScheduleKind {
    /** {@link ConstantSchedule}. */
    CONSTANT("constant", "the same rate at every step",
            List.of(Hyperparameter.real("value", 0.01, Range.POSITIVE, "the learning rate")),
            v -> new ConstantSchedule(v.real("value"))),
    /** {@link StepDecaySchedule}. */
    STEP("step", "init * factor^floor(t / every)",
            List.of(init(), Hyperparameter.real("factor", 0.1, Range.UNIT_DECAY, "multiplier at each decay"),
                    Hyperparameter.integer("every", 100, Range.COUNT, "steps between decays")),
            v -> new StepDecaySchedule(v.real("init"), v.real("factor"), v.integer("every"))),
    /** {@link ExponentialDecaySchedule}. */
    EXPONENTIAL("exponential", "init * rate^(t / steps)",
            List.of(init(), Hyperparameter.real("rate", 0.5, Range.UNIT_DECAY, "decay per 'steps' steps"),
                    Hyperparameter.integer("steps", 100, Range.COUNT, "steps per factor 'rate'")),
            v -> new ExponentialDecaySchedule(v.real("init"), v.real("rate"), v.integer("steps"))),
    /** {@link InverseTimeDecaySchedule}. */
    INVERSE_TIME("inverseTime", "init / (1 + rate * t / steps)",
            List.of(init(), Hyperparameter.real("rate", 1, Range.NON_NEGATIVE, "decay rate per 'steps' steps"),
                    Hyperparameter.integer("steps", 1, Range.COUNT, "time unit of 'rate', in steps")),
            v -> new InverseTimeDecaySchedule(v.real("init"), v.real("rate"), v.integer("steps"))),
    /** {@link CosineDecaySchedule}. */
    COSINE("cosine", "final + (init - final)(1 + cos(pi t / steps)) / 2 (Loshchilov and Hutter, 2017)",
            List.of(init(), Hyperparameter.integer("steps", 1000, Range.COUNT, "length of the decay, in steps"),
                    Hyperparameter.real("final", 0, Range.NON_NEGATIVE, "rate from t = steps on")),
            v -> new CosineDecaySchedule(v.real("init"), v.integer("steps"), v.real("final"))),
    /** {@link LinearWarmupSchedule}. */
    WARMUP("warmup", "linear ramp from 'start' to then(0) over 'steps' steps, then the schedule 'then'"
            + " (Goyal et al., 2017)",
            List.of(Hyperparameter.integer("steps", 100, Range.COUNT, "length of the warm-up, in steps"),
                    Hyperparameter.real("start", 0, Range.NON_NEGATIVE, "rate at t = 0"),
                    new Hyperparameter("then", dev.fluxion.optimizers.HyperparameterType.SCHEDULE,
                            new ConstantSchedule(0.01), Range.POSITIVE, List.of(), "the schedule after warm-up")),
            v -> new LinearWarmupSchedule(v.integer("steps"), v.real("start"), v.schedule("then"))),
    /** {@link JoinedSchedule}; takes two positional schedules. */
    JOIN("join", "join(A, B, at=T): A for t < T, then B started from its own t = 0",
            List.of(Hyperparameter.integer("at", 100, Range.NON_NEGATIVE, "boundary step")),
            v -> {
                throw new IllegalStateException("join is built from its positional schedules");
            });

    private final String specName;
    private final String description;
    private final List<Hyperparameter> hyperparameters;
    private final Function<HyperparameterValues, Schedule> factory;

    ScheduleKind(String specName, String description, List<Hyperparameter> hyperparameters,
                 Function<HyperparameterValues, Schedule> factory) {
        this.specName = specName;
        this.description = description;
        this.hyperparameters = hyperparameters;
        this.factory = factory;
    }

    private static Hyperparameter init() {
        return Hyperparameter.real("init", 0.01, Range.POSITIVE, "rate at t = 0");
    }

    /** The name used in specs. */
    public String specName() {
        return specName;
    }

    /** A one-line description with the formula. */
    public String description() {
        return description;
    }

    /** The hyperparameters of this schedule. */
    public List<Hyperparameter> hyperparameters() {
        return hyperparameters;
    }

    /** The names of all schedules, comma separated. */
    public static String names() {
        return Arrays.stream(values()).map(ScheduleKind::specName).collect(Collectors.joining(", "));
    }

    /** Builds the schedule a spec call describes, such as {@code cosine(init=0.1, steps=100)}. */
    public static Schedule build(SpecNode.Call call) {
        for (ScheduleKind kind : values()) {
            if (kind.specName.equals(call.name())) {
                return kind == JOIN ? join(call) : kind.factory.apply(SpecBinder.bind(kind.specName,
                        kind.hyperparameters, call));
            }
        }
        throw new OptimizerException("unknown schedule '" + call.name() + "' at column " + call.column()
                + "; known schedules: " + names(), call.column());
    }

    private static Schedule join(SpecNode.Call call) {
        List<Schedule> parts = new ArrayList<>();
        List<SpecNode.Argument> named = new ArrayList<>();
        for (SpecNode.Argument argument : call.arguments()) {
            if (argument.name() != null) {
                named.add(argument);
            } else if (argument.value() instanceof SpecNode.Call part) {
                parts.add(build(part));
            } else if (argument.value() instanceof SpecNode.Number number && number.value() > 0) {
                parts.add(new ConstantSchedule(number.value()));
            } else {
                throw new OptimizerException("join takes schedules (or positive constants) as positional arguments;"
                        + " column " + argument.column() + " holds something else", argument.column());
            }
        }
        if (parts.size() != 2) {
            throw new OptimizerException("join takes exactly two schedules, got " + parts.size() + " at column "
                    + call.column() + "; nest joins for more", call.column());
        }
        HyperparameterValues values = SpecBinder.bind("join", JOIN.hyperparameters, named);
        return new JoinedSchedule(parts.get(0), parts.get(1), values.integer("at"));
    }
}
