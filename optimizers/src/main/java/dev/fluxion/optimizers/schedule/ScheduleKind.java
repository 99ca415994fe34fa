package dev.fluxion.optimizers.schedule;

import dev.fluxion.dsl.spec.Registry;
import dev.fluxion.dsl.spec.SpecNode;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.HyperparameterValues;
import dev.fluxion.optimizers.OptimizerException;
import dev.fluxion.optimizers.Signature;
import java.util.List;
import java.util.Map;

/**
 * The learning-rate schedules a spec can name, each the {@link Signature} of its record: {@code constant},
 * {@code step}, {@code exponential}, {@code inverseTime}, {@code cosine}, {@code warmup} and {@code join}. The
 * compositions are {@code warmup(..., then=SCHEDULE)} and {@code join(SCHEDULE, SCHEDULE, at=STEP)}; wherever a
 * schedule is expected, a plain positive number means a constant rate. Specs are read by the shared spec stack of
 * {@code dev.fluxion.dsl.spec}, with a {@link Registry} of these kinds.
 */
public enum ScheduleKind {
    /** {@link ConstantSchedule}. */
    CONSTANT(ConstantSchedule.SIGNATURE),
    /** {@link StepDecaySchedule}. */
    STEP(StepDecaySchedule.SIGNATURE),
    /** {@link ExponentialDecaySchedule}. */
    EXPONENTIAL(ExponentialDecaySchedule.SIGNATURE),
    /** {@link InverseTimeDecaySchedule}. */
    INVERSE_TIME(InverseTimeDecaySchedule.SIGNATURE),
    /** {@link CosineDecaySchedule}. */
    COSINE(CosineDecaySchedule.SIGNATURE),
    /** {@link LinearWarmupSchedule}. */
    WARMUP(LinearWarmupSchedule.SIGNATURE),
    /** {@link JoinedSchedule}; its two schedules are usually written positionally. */
    JOIN(JoinedSchedule.SIGNATURE);

    private static final class Known {
        static final Registry<ScheduleKind> SCHEDULES = Registry.of(new Registry.Kind<>(ScheduleKind.class,
                "schedule", ScheduleKind::specName, kind -> { }, Map.of(), OptimizerException::new, Enum::name),
                List.of(values()));
    }

    private final Signature<? extends Schedule> signature;

    ScheduleKind(Signature<? extends Schedule> signature) {
        this.signature = signature;
    }

    /** The name used in specs. */
    public String specName() {
        return signature.name();
    }

    /** A one-line description with the formula. */
    public String description() {
        return signature.description();
    }

    /** The hyperparameters of this schedule. */
    public List<Hyperparameter> hyperparameters() {
        return signature.hyperparameters();
    }

    /** Builds the schedule a spec call describes, such as {@code cosine(init=0.1, steps=100)}. */
    public static Schedule build(SpecNode.Call call) {
        ScheduleKind kind = Known.SCHEDULES.find(call.name(), call.column());
        return kind.create(HyperparameterValues.bind(call, kind.hyperparameters()));
    }

    /** The schedule of this kind for checked values (every hyperparameter present, defaults filled in). */
    public Schedule create(HyperparameterValues values) {
        return signature.create(values);
    }
}
