package dev.fluxion.optimizers.schedule;

import dev.fluxion.dsl.spec.Registry;
import dev.fluxion.dsl.spec.SpecNode;
import dev.fluxion.dsl.spec.SpecParser;
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
 * {@code dev.fluxion.dsl.spec}, and names found by its {@link Registry}, as optimizers' are.
 */
public final class Schedules {
    /** Every schedule's signature, in the order {@code Optimizers.describe()} lists them. */
    public static final List<Signature<? extends Schedule>> SIGNATURES = List.of(ConstantSchedule.SIGNATURE,
            StepDecaySchedule.SIGNATURE, ExponentialDecaySchedule.SIGNATURE, InverseTimeDecaySchedule.SIGNATURE,
            CosineDecaySchedule.SIGNATURE, LinearWarmupSchedule.SIGNATURE, JoinedSchedule.SIGNATURE);
    @SuppressWarnings("unchecked")
    private static final Class<Signature<? extends Schedule>> SIGNATURE_TYPE = (Class<Signature<? extends Schedule>>)
            (Class<?>) Signature.class;
    private static final Registry.Plain<Signature<? extends Schedule>> REGISTRY = Registry.of(new Registry.Kind<>(
            SIGNATURE_TYPE, "schedule", Signature::name, signature -> { }, Map.of(), OptimizerException::new,
            Signature::name), SIGNATURES);

    private Schedules() {
    }

    /**
     * The schedule a spec describes, such as {@code cosine(init=0.1, steps=100)}.
     *
     * @throws OptimizerException for a malformed spec, an unknown name or a value out of range, naming the column
     */
    public static Schedule parse(String spec) {
        return build(SpecParser.parse(spec, OptimizerException::new));
    }

    /** The schedule a parsed spec call describes. */
    public static Schedule build(SpecNode.Call call) {
        Signature<? extends Schedule> signature = REGISTRY.find(call.name(), call.column());
        return signature.create(HyperparameterValues.bind(call, signature.hyperparameters()));
    }
}
