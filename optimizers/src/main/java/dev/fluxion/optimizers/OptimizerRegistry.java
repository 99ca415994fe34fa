package dev.fluxion.optimizers;

import dev.fluxion.optimizers.schedule.ScheduleKind;
import dev.fluxion.optimizers.spec.SpecBinder;
import dev.fluxion.optimizers.spec.SpecNode;
import dev.fluxion.optimizers.spec.SpecParser;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The optimizers and transforms that specs can name: every {@link OptimizerProvider} that
 * {@link ServiceLoader} finds, plus the built-in combinator {@code chain(T1, T2, ...)}. Plugins from other class
 * loaders (jar files) join with {@link #withPlugins(ClassLoader, Consumer)}.
 */
public final class OptimizerRegistry {
    /** The name of the combinator that applies its positional transforms in order. */
    public static final String CHAIN = "chain";

    private final Map<String, OptimizerProvider> providers;

    private OptimizerRegistry(Map<String, OptimizerProvider> providers) {
        this.providers = Collections.unmodifiableMap(providers);
    }

    /** The providers visible to {@code loader}. Two providers with one name are an error. */
    public static OptimizerRegistry load(ClassLoader loader) {
        Map<String, OptimizerProvider> found = new TreeMap<>();
        for (OptimizerProvider provider : ServiceLoader.load(OptimizerProvider.class, loader)) {
            OptimizerProvider previous = found.put(provider.name(), provider);
            if (previous != null && previous.getClass() != provider.getClass()) {
                throw new OptimizerException("two optimizer providers are named " + provider.name() + ": "
                        + previous.getClass().getName() + " and " + provider.getClass().getName());
            }
        }
        return new OptimizerRegistry(found);
    }

    /** The providers visible to the context class loader of the current thread (or this library's). */
    public static OptimizerRegistry load() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return load(loader != null ? loader : OptimizerRegistry.class.getClassLoader());
    }

    /**
     * This registry joined by the providers a plugin class loader finds (a loader over a plugin jar whose parent
     * sees this library). This registry's providers come first and keep their names. A plugin provider that
     * cannot be loaded (its class is missing or is not an {@link OptimizerProvider}, its constructor or one of its
     * methods throws) or whose name is taken (or is {@code chain}) is left out and handed to {@code problems},
     * and the rest still join. Providers the loader finds through its parents, this registry's own, are skipped.
     *
     * @param plugins the class loader of the plugins
     * @param problems receives one {@link ServiceConfigurationError} per provider left out, whose message says
     *     which provider and why (and whose cause, if any, is what the provider threw)
     */
    public OptimizerRegistry withPlugins(ClassLoader plugins, Consumer<ServiceConfigurationError> problems) {
        Map<String, OptimizerProvider> joined = new TreeMap<>(providers);
        Iterator<OptimizerProvider> found = ServiceLoader.load(OptimizerProvider.class, plugins).iterator();
        while (true) {
            OptimizerProvider provider = null;
            String name;
            try {
                if (!found.hasNext()) {
                    break;
                }
                provider = found.next();
                name = provider.name();
                provider.hyperparameters();
            } catch (ServiceConfigurationError e) {
                problems.accept(e); // the iterator goes on to the next provider after an error
                continue;
            } catch (RuntimeException | LinkageError e) {
                problems.accept(new ServiceConfigurationError(OptimizerProvider.class.getName() + ": "
                        + (provider == null ? "" : "Provider " + provider.getClass().getName() + " threw ") + e, e));
                continue;
            }
            OptimizerProvider previous = joined.get(name);
            if (previous != null && previous.getClass() == provider.getClass()) {
                continue;
            }
            if (previous != null || name.equals(CHAIN)) {
                problems.accept(new ServiceConfigurationError("optimizer '" + name + "' of "
                        + provider.getClass().getName() + " clashes with "
                        + (previous == null ? "the chain combinator" : previous.getClass().getName())
                        + ", which keeps the name"));
                continue;
            }
            joined.put(name, provider);
        }
        return new OptimizerRegistry(joined);
    }

    /**
     * This registry joined by the providers a plugin class loader finds, as {@link #withPlugins(ClassLoader,
     * Consumer)} does, but strictly.
     *
     * @throws OptimizerException naming the first provider that cannot join and why
     */
    public OptimizerRegistry withPlugins(ClassLoader plugins) {
        return withPlugins(plugins, problem -> {
            OptimizerException error = new OptimizerException("an optimizer plugin cannot join the registry: "
                    + problem.getMessage());
            error.initCause(problem);
            throw error;
        });
    }

    /** All providers, sorted by name. */
    public List<OptimizerProvider> providers() {
        return new ArrayList<>(providers.values());
    }

    /** The names specs may use, sorted, {@code chain} included. */
    public List<String> names() {
        List<String> names = new ArrayList<>(providers.keySet());
        names.add(CHAIN);
        Collections.sort(names);
        return names;
    }

    /** The provider with this name. */
    public OptimizerProvider find(String name) {
        OptimizerProvider provider = providers.get(name);
        if (provider == null) {
            throw unknown(name, 0);
        }
        return provider;
    }

    private OptimizerException unknown(String name, int column) {
        return new OptimizerException("unknown optimizer '" + name + "'" + (column > 0 ? " at column " + column : "")
                + "; known optimizers: " + String.join(", ", names()), column);
    }

    /** The optimizer a spec describes, such as {@code chain(clip(norm=1), nesterov(lr=0.1, momentum=0.9))}. */
    public Optimizer parse(String spec) {
        return new Optimizer(build(SpecParser.parse(spec)));
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
                SpecNode value = argument.value();
                if (value instanceof SpecNode.Word word) {
                    value = new SpecNode.Call(word.text(), List.of(), word.column());
                }
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
            return links.size() == 1 ? links.get(0) : new Chain(links, null);
        }
        OptimizerProvider provider = providers.get(call.name());
        if (provider == null) {
            throw unknown(call.name(), call.column());
        }
        return provider.create(SpecBinder.bind(provider.name(), provider.hyperparameters(), call));
    }

    /**
     * Every optimizer with its description and hyperparameters (name = default (allowed values): meaning), then
     * every schedule, as text for a terminal.
     */
    public String describe() {
        StringBuilder text = new StringBuilder();
        text.append("chain(T1, T2, ...)\n    applies the transforms in order (optax's chain)\n");
        for (OptimizerProvider provider : providers.values()) {
            text.append(provider.name()).append("\n    ").append(provider.description()).append('\n');
            for (Hyperparameter h : provider.hyperparameters()) {
                text.append("    ").append(h).append('\n');
            }
        }
        text.append("\nschedules (wherever a learning rate is expected):\n");
        for (ScheduleKind kind : ScheduleKind.values()) {
            text.append(kind.specName()).append("\n    ").append(kind.description()).append('\n');
            for (Hyperparameter h : kind.hyperparameters()) {
                text.append("    ").append(h).append('\n');
            }
        }
        return text.toString();
    }
}
