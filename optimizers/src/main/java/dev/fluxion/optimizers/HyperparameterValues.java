package dev.fluxion.optimizers;

import dev.fluxion.dsl.spec.ParameterValues;
import dev.fluxion.dsl.spec.SpecBinder;
import dev.fluxion.dsl.spec.SpecNode;
import dev.fluxion.optimizers.schedule.Schedule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The checked values of one spec call, such as {@code adam(lr=0.01, beta2=0.99)}: every hyperparameter of the
 * provider, given or defaulted, already converted to its type and checked against its range.
 */
public final class HyperparameterValues extends ParameterValues {

    /** Values for the provider or schedule {@code owner}, in the order of its hyperparameters. */
    public HyperparameterValues(String owner, Map<String, Object> values) {
        super(owner, values, OptimizerException::new);
    }

    /** The values of a spec call's arguments for {@code declared}. */
    public static HyperparameterValues bind(SpecNode.Call call, List<Hyperparameter> declared) {
        return new HyperparameterValues(call.name(),
                SpecBinder.bind(call, "hyperparameter", declared, OptimizerException::new));
    }

    /** The defaults of {@code declared}: the values of the spec {@code owner} with no arguments. */
    public static HyperparameterValues defaults(String owner, List<Hyperparameter> declared) {
        Map<String, Object> values = new LinkedHashMap<>();
        declared.forEach(h -> values.put(h.name(), h.defaultValue()));
        return new HyperparameterValues(owner, values);
    }

    /** An INTEGER value. */
    public long integer(String name) {
        return longInteger(name);
    }

    /** A CHOICE value. */
    public String choice(String name) {
        return text(name);
    }

    /** A SCHEDULE value. */
    public Schedule schedule(String name) {
        return (Schedule) value(name);
    }

    /** An optimizer-valued value ({@link Hyperparameter#optimizer(String, Transform, String)}). */
    public Transform transform(String name) {
        return (Transform) value(name);
    }

    @Override
    protected String specText(Object value) {
        return written(value);
    }

    static String written(Object value) {
        if (value instanceof Transform transform) {
            return transform.spec();
        }
        return value instanceof Schedule schedule ? schedule.spec() : String.valueOf(value);
    }
}
