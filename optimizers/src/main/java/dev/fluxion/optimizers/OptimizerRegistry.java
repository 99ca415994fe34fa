package dev.fluxion.optimizers;

import dev.fluxion.dsl.spec.Registry;
import dev.fluxion.dsl.spec.SpecNode;
import dev.fluxion.dsl.spec.SpecParser;
import dev.fluxion.optimizers.schedule.Schedule;
import dev.fluxion.optimizers.schedule.Schedules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Consumer;

/**
 * The optimizers and transforms that specs can name: the library's own, every {@link OptimizerProvider} that
 * {@link ServiceLoader} finds, and the combinator {@code chain(T1, T2, ...)}, which no plugin may take the name of.
 * Plugins from other class loaders (jar files) join with {@link #withPlugins(ClassLoader, Consumer)}.
 */
public final class OptimizerRegistry extends Registry<OptimizerProvider, OptimizerRegistry> {
    /** The name of the combinator that applies its positional transforms in order. */
    public static final String CHAIN = "chain";
    private static final Registry.Kind<OptimizerProvider> KIND = new Registry.Kind<>(OptimizerProvider.class,
            "optimizer", OptimizerProvider::name, OptimizerProvider::hyperparameters,
            Map.of(CHAIN, "the chain combinator"), OptimizerException::new,
            provider -> provider instanceof TypedProvider typed ? typed.origin() : Registry.className(provider));

    private OptimizerRegistry(Iterable<OptimizerProvider> providers) {
        super(KIND, providers);
    }

    @Override
    protected OptimizerRegistry with(Iterable<OptimizerProvider> providers) {
        return new OptimizerRegistry(providers);
    }

    /**
     * The library's own providers, then those {@link ServiceLoader} finds through {@code loader}. Two providers with
     * one name are an error.
     */
    public static OptimizerRegistry load(ClassLoader loader) {
        return new OptimizerRegistry(Registry.found(KIND,
                Optimizers.BUILT_IN.stream().<OptimizerProvider>map(TypedProvider::new).toList(), loader));
    }

    /**
     * The providers the current thread sees: this library's, joined by those its context class loader adds
     * ({@link Optimizers#registry()}, which keeps them).
     */
    public static OptimizerRegistry load() {
        return Optimizers.registry();
    }

    /**
     * The optimizer a spec describes, such as {@code chain(clip(norm=1), nesterov(lr=0.1, momentum=0.9))}: a named
     * optimizer or a chain as written, and a lone building block such as {@code clip(norm=1)} as the chain of that
     * one link ({@link Optimizer#of(Transform)}).
     */
    public Optimizer parse(String spec) {
        return Optimizer.of(build(SpecParser.parse(spec, OptimizerException::new)));
    }

    /** The transform a parsed spec call describes. */
    public Transform build(SpecNode.Call call) {
        if (call.name().equals(CHAIN)) {
            List<Transform> links = new ArrayList<>();
            for (SpecNode.Argument argument : call.arguments()) {
                if (argument.name() != null) {
                    throw new OptimizerException("chain takes transforms, not named hyperparameters; '"
                            + argument.name() + "=' at column " + argument.column(), argument.column());
                }
                SpecNode value = SpecParser.asCallIfWord(argument.value());
                if (!(value instanceof SpecNode.Call link)) {
                    throw new OptimizerException("chain takes transforms such as clip(norm=1); column "
                            + argument.column() + " holds a number", argument.column());
                }
                links.add(build(link));
            }
            if (links.isEmpty()) {
                throw new OptimizerException("chain() needs at least one transform (column " + call.column() + ")",
                        call.column());
            }
            return new Chain(links);
        }
        OptimizerProvider provider = find(call.name(), call.column());
        // an optimizer nested as a hyperparameter (lookahead's inner) is built by this registry, plugins included
        return provider.create(HyperparameterValues.bind(call,
                provider.hyperparameters().stream().map(h -> h.resolvedBy(this)).toList()));
    }

    /**
     * Every optimizer with its description and hyperparameters (name = default (allowed values): meaning), then
     * every schedule, as text for a terminal.
     */
    public String describe() {
        StringBuilder text = new StringBuilder();
        text.append("chain(T1, T2, ...)\n    applies the transforms in order (optax's chain)\n");
        for (OptimizerProvider provider : providers()) {
            entry(text, provider.name(), provider.description(), provider.hyperparameters());
        }
        text.append("\nschedules (wherever a learning rate is expected):\n");
        for (Signature<? extends Schedule> schedule : Schedules.SIGNATURES) {
            entry(text, schedule.name(), schedule.description(), schedule.hyperparameters());
        }
        return text.toString();
    }

    private static void entry(StringBuilder text, String name, String description, List<Hyperparameter> declared) {
        text.append(name).append("\n    ").append(description).append('\n');
        declared.forEach(h -> text.append("    ").append(h).append('\n'));
    }
}
