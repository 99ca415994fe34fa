package dev.fluxion.optimizers.schedule;

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
    CONSTANT(ConstantSchedule.NAME, "the same rate at every step", ConstantSchedule.HYPERPARAMETERS,
            ConstantSchedule::of),
    /** {@link StepDecaySchedule}. */
    STEP(StepDecaySchedule.NAME, "init * factor^floor(t / every)", StepDecaySchedule.HYPERPARAMETERS,
            StepDecaySchedule::of),
    /** {@link ExponentialDecaySchedule}. */
    EXPONENTIAL(ExponentialDecaySchedule.NAME, "init * rate^(t / steps)", ExponentialDecaySchedule.HYPERPARAMETERS,
            ExponentialDecaySchedule::of),
    /** {@link InverseTimeDecaySchedule}. */
    INVERSE_TIME(InverseTimeDecaySchedule.NAME, "init / (1 + rate * t / steps)",
            InverseTimeDecaySchedule.HYPERPARAMETERS, InverseTimeDecaySchedule::of),
    /** {@link CosineDecaySchedule}. */
    COSINE(CosineDecaySchedule.NAME, "final + (init - final)(1 + cos(pi t / steps)) / 2 (Loshchilov and Hutter, 2017)",
            CosineDecaySchedule.HYPERPARAMETERS, CosineDecaySchedule::of),
    /** {@link LinearWarmupSchedule}. */
    WARMUP(LinearWarmupSchedule.NAME, "linear ramp from 'start' to then(0) over 'steps' steps, then the schedule"
            + " 'then' (Goyal et al., 2017)", LinearWarmupSchedule.HYPERPARAMETERS, LinearWarmupSchedule::of),
    /** {@link JoinedSchedule}; its two schedules are usually written positionally. */
    JOIN(JoinedSchedule.NAME, "join(A, B, at=T): A for t < T, then B started from its own t = 0",
            JoinedSchedule.HYPERPARAMETERS, JoinedSchedule::of);

    private static final class Known {
        static final Registry<ScheduleKind> SCHEDULES = Registry.of(new Registry.Kind<>(ScheduleKind.class,
                "schedule", ScheduleKind::specName, kind -> { }, Map.of(), OptimizerException::new),
                List.of(values()));
    }

    private final String specName;
    private final String description;
    private final List<Hyperparameter> hyperparameters;
    private final Function<HyperparameterValues, ? extends Schedule> factory;

    ScheduleKind(String specName, String description, List<Hyperparameter> hyperparameters,
                 Function<HyperparameterValues, ? extends Schedule> factory) {
        this.specName = specName;
        this.description = description;
        this.hyperparameters = hyperparameters;
        this.factory = factory;
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
        return kind.create(HyperparameterValues.bind(call, kind.hyperparameters));
    }

    /** The schedule of this kind for checked values (every hyperparameter present, defaults filled in). */
    public Schedule create(HyperparameterValues values) {
        return factory.apply(values);
    }
}
