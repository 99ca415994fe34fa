package dev.fluxion.dsl.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Named providers of one kind (optimizers, schedules, landscapes), found with {@link ServiceLoader} or given,
 * by name. Plugins from other class loaders (jar files) join with {@link #withPlugins(ClassLoader, Consumer)}. A
 * module's registry ({@code OptimizerRegistry}, {@code LandscapeRegistry}) is a subclass that adds what it builds
 * out of specs; {@link #of(Kind, Iterable)} is a registry that only finds its providers.
 *
 * @param <P> the provider type
 * @param <R> the registry type, which {@link #withPlugins(ClassLoader, Consumer)} returns
 */
public abstract class Registry<P, R extends Registry<P, R>> {
    private final Kind<P> kind;
    private final Map<String, P> providers;

    /**
     * What a registry holds.
     *
     * @param service  the provider interface that {@code META-INF/services} lists
     * @param noun     what a provider is called in messages: {@code optimizer}, {@code landscape}
     * @param name     a provider's name in specs
     * @param check    called once per plugin provider before it joins (such as reading its parameters), so that
     *                 a provider that throws there is left out instead of failing later
     * @param reserved names a provider may not take, each with what owns it ({@code chain}: the chain combinator)
     * @param errors   the module's exception for an error
     * @param origin   what messages name a provider by, and what tells two providers of one name apart: two
     *                 of one origin are one provider found twice ({@code Registry::className} where each
     *                 provider is a class of its own, as {@link ServiceLoader} has them)
     * @param <P>      the provider type
     */
    public record Kind<P>(Class<P> service, String noun, Function<P, String> name, Consumer<P> check,
                          Map<String, String> reserved, SpecErrors errors, Function<P, String> origin) {
    }

    /** A registry that only finds its providers by name. */
    public static final class Plain<P> extends Registry<P, Plain<P>> {
        private Plain(Kind<P> kind, Iterable<P> providers) {
            super(kind, providers);
        }

        @Override
        protected Plain<P> with(Iterable<P> providers) {
            return new Plain<>(kind(), providers);
        }
    }

    /**
     * The given providers, for a subclass's constructor.
     *
     * @throws RuntimeException the kind's exception when two providers of different origins have one name
     */
    protected Registry(Kind<P> kind, Iterable<P> providers) {
        Map<String, P> found = new TreeMap<>();
        for (P provider : providers) {
            String name = kind.name.apply(provider);
            P previous = found.putIfAbsent(name, provider);
            if (previous != null && !kind.origin.apply(previous).equals(kind.origin.apply(provider))) {
                throw kind.errors.error("two " + kind.noun + " providers are named " + name + ": "
                        + kind.origin.apply(previous) + " and " + kind.origin.apply(provider), 0);
            }
        }
        this.kind = kind;
        this.providers = Collections.unmodifiableMap(found);
    }

    /** A registry of this one's type and kind holding {@code providers}. */
    protected abstract R with(Iterable<P> providers);

    /** What this registry holds. */
    protected final Kind<P> kind() {
        return kind;
    }

    /** A registry of the given providers that only finds them by name. */
    public static <P> Plain<P> of(Kind<P> kind, Iterable<P> providers) {
        return new Plain<>(kind, providers);
    }

    /** The name of a provider's class: the origin of providers that are each a class of their own. */
    public static String className(Object provider) {
        return provider.getClass().getName();
    }

    /** The given providers, then those {@link ServiceLoader} finds through {@code loader}. */
    public static <P> List<P> found(Kind<P> kind, List<P> builtIn, ClassLoader loader) {
        List<P> all = new ArrayList<>(builtIn);
        ServiceLoader.load(kind.service, loader).forEach(all::add);
        return all;
    }

    /**
     * This registry joined by the providers a plugin class loader finds (a loader over a plugin jar whose parent
     * sees this library). This registry's providers come first and keep their names. A plugin provider that
     * cannot be loaded (its class is missing or is not a provider, its constructor or one of its methods throws)
     * or whose name is taken (or reserved) is left out and handed to {@code problems}, and the rest still join.
     * Providers the loader finds through its parents, this registry's own, are skipped.
     *
     * @param plugins  the class loader of the plugins
     * @param problems receives one {@link ServiceConfigurationError} per provider left out, whose message says
     *                 which provider and why (and whose cause, if any, is what the provider threw)
     */
    public R withPlugins(ClassLoader plugins, Consumer<ServiceConfigurationError> problems) {
        Map<String, P> joined = new TreeMap<>(providers);
        Iterator<P> found = ServiceLoader.load(kind.service, plugins).iterator();
        while (true) {
            P provider = null;
            String name;
            try {
                if (!found.hasNext()) {
                    break;
                }
                provider = found.next();
                name = kind.name.apply(provider);
                kind.check.accept(provider);
            } catch (ServiceConfigurationError e) {
                problems.accept(e); // the iterator goes on to the next provider after an error
                continue;
            } catch (RuntimeException | LinkageError e) {
                problems.accept(new ServiceConfigurationError(kind.service.getName() + ": "
                        + (provider == null ? "" : "Provider " + provider.getClass().getName() + " threw ") + e, e));
                continue;
            }
            P previous = joined.get(name);
            if (previous != null && kind.origin.apply(previous).equals(kind.origin.apply(provider))) {
                continue;
            }
            String owner = previous != null ? kind.origin.apply(previous) : kind.reserved.get(name);
            if (owner != null) {
                problems.accept(new ServiceConfigurationError(kind.noun + " '" + name + "' of "
                        + kind.origin.apply(provider) + " clashes with " + owner + ", which keeps the name"));
                continue;
            }
            joined.put(name, provider);
        }
        return with(joined.values());
    }

    /**
     * This registry joined by the providers a plugin class loader finds, as {@link #withPlugins(ClassLoader,
     * Consumer)} does, but strictly: the error names the first provider that cannot join and why.
     */
    public R withPlugins(ClassLoader plugins) {
        return withPlugins(plugins, problem -> {
            RuntimeException error = kind.errors.error((kind.noun.matches("[aeiou].*") ? "an " : "a ") + kind.noun
                    + " plugin cannot join the registry: " + problem.getMessage(), 0);
            error.initCause(problem);
            throw error;
        });
    }

    /** All providers, sorted by name. */
    public List<P> providers() {
        return new ArrayList<>(providers.values());
    }

    /** The names specs may use, sorted, reserved names included. */
    public List<String> names() {
        List<String> names = new ArrayList<>(providers.keySet());
        names.addAll(kind.reserved.keySet());
        Collections.sort(names);
        return names;
    }

    /** The provider named {@code name}, as {@link #find(String, int)} finds it outside a spec. */
    public P find(String name) {
        return find(name, 0);
    }

    /**
     * The provider named {@code name}, written at {@code column} of a spec (0 when not in a spec).
     *
     * @throws RuntimeException the module's exception, naming the unknown name and listing the known ones
     */
    public P find(String name, int column) {
        P provider = providers.get(name);
        if (provider == null) {
            throw kind.errors.error("unknown " + kind.noun + " '" + name + "'" + (column > 0 ? " at column " + column
                    : "") + "; known " + kind.noun + "s: " + String.join(", ", names()), column);
        }
        return provider;
    }
}
