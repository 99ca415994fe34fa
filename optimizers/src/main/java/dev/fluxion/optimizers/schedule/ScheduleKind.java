package dev.fluxion.optimizers.schedule;

import dev.fluxion.dsl.spec.Range;
import dev.fluxion.dsl.spec.Registry;
import dev.fluxion.dsl.spec.SpecNode;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.HyperparameterValues;
import dev.fluxion.optimizers.OptimizerException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The learning-rate schedules a spec can name, each with its hyperparameters: {@code constant}, {@code step},
 * {@code exponential}, {@code inverseTime}, {@code cosine}, {@code warmup} and {@code join}. The compositions
 * are {@code warmup(..., then=SCHEDULE)} and {@code join(SCHEDULE, SCHEDULE, at=STEP)}; wherever a schedule
 * is expected, a plain positive number means a constant rate. Specs are read by the shared spec stack of
 * {@code dev.fluxion.dsl.spec}, with a {@link Registry} of these kinds.
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
                    Hyperparameter.schedule("then", new ConstantSchedule(0.01), "the schedule after warm-up")),
            v -> new LinearWarmupSchedule(v.integer("steps"), v.real("start"), v.schedule("then"))),
    /** {@link JoinedSchedule}; its two schedules are usually written positionally. */
    JOIN("join", "join(A, B, at=T): A for t < T, then B started from its own t = 0",
            List.of(Hyperparameter.schedule("first", null, "the schedule for t < at"),
                    Hyperparameter.schedule("second", null, "the schedule from t = at on, restarted at 0"),
                    Hyperparameter.integer("at", 100, Range.NON_NEGATIVE, "boundary step")),
            v -> new JoinedSchedule(v.schedule("first"), v.schedule("second"), v.integer("at")));

    private static final class Known {
        static final Registry<ScheduleKind> SCHEDULES = Registry.of(new Registry.Kind<>(ScheduleKind.class,
                "schedule", ScheduleKind::specName, kind -> { }, Map.of(), OptimizerException::new),
                List.of(values()));
    }

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

    /** Builds the schedule a spec call describes, such as {@code cosine(init=0.1, steps=100)}. */
    public static Schedule build(SpecNode.Call call) {
        ScheduleKind kind = Known.SCHEDULES.find(call.name(), call.column());
        return kind.factory.apply(HyperparameterValues.bind(call, kind.hyperparameters));
    }
}
