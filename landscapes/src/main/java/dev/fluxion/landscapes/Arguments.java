package dev.fluxion.landscapes;

import dev.fluxion.dsl.spec.ParameterValues;
import dev.fluxion.dsl.spec.SpecBinder;
import dev.fluxion.dsl.spec.SpecNode;
import java.util.List;
import java.util.Map;

/**
 * The checked values of a landscape's parameters, every one present (a default where the spec gave none),
 * with typed getters. Made by {@link #bind(LandscapeProvider, SpecNode.Call)}.
 */
public final class Arguments extends ParameterValues {

    private Arguments(String landscape, Map<String, Object> values) {
        super(landscape, values, LandscapeException::new);
    }

    /** Every parameter at its default. */
    public static Arguments defaults(LandscapeProvider provider) {
        return bind(provider, new SpecNode.Call(provider.name(), List.of(), 1));
    }

    /**
     * Binds a spec's arguments to the provider's parameters: named ones by name, positional ones in order,
     * the rest at their defaults; every value is checked against its parameter's type and range.
     *
     * @throws LandscapeException for an unknown parameter (listing the known ones), a repeated one, too many
     *     positional arguments, or a value out of range, naming the column
     */
    public static Arguments bind(LandscapeProvider provider, SpecNode.Call spec) {
        return new Arguments(provider.name(),
                SpecBinder.bind(spec, "parameter", provider.parameters(), LandscapeException::new));
    }

    /**
     * The canonical spec, every parameter written out except a full-batch {@code batch=0} and its {@code sampling}
     * ({@link MinibatchSchedule#PARAMETER}, {@link MinibatchSchedule#SAMPLING}), so the data landscapes keep the specs (and so the run identities and
     * seeds) they had before minibatches existed.
     */
    @Override
    public String spec() {
        Object batch = asMap().get(MinibatchSchedule.PARAMETER.name());
        if (!Long.valueOf(0).equals(batch)) {
            return super.spec();
        }
        return asMap().entrySet().stream().filter(e -> !e.getKey().equals(MinibatchSchedule.PARAMETER.name())
                        && !e.getKey().equals(MinibatchSchedule.SAMPLING.name()))
                .map(e -> e.getKey() + "=" + specText(e.getValue()))
                .collect(java.util.stream.Collectors.joining(", ", owner() + "(", ")"));
    }

    /** The landscape's name. */
    public String landscape() {
        return owner();
    }

    /** An integer parameter's value. */
    public int integer(String name) {
        return Math.toIntExact(longInteger(name));
    }
}
