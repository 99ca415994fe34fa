package dev.fluxion.landscapes;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The landscapes that {@link ServiceLoader} finds, by name; specs in text are parsed, checked and built here.
 *
 * <p>{@code LandscapeRegistry.standard().create("quadratic(dim=50, kappa=1000)")} builds a landscape;
 * {@link #catalog()} lists every landscape with its parameters and the facts of its default instance in one
 * call. Plugins from other class loaders (jar files) join with {@link #withPlugins(ClassLoader, Consumer)}.
 */
public final class LandscapeRegistry {
    private final Map<String, LandscapeProvider> providers;

    private LandscapeRegistry(Map<String, LandscapeProvider> providers) {
        this.providers = providers;
    }

    /** The providers found on the class path of this module's class loader. */
    public static LandscapeRegistry standard() {
        return load(LandscapeRegistry.class.getClassLoader());
    }

    /** The providers a class loader finds. */
    public static LandscapeRegistry load(ClassLoader loader) {
        Map<String, LandscapeProvider> found = new TreeMap<>();
        for (LandscapeProvider provider : ServiceLoader.load(LandscapeProvider.class, loader)) {
            LandscapeProvider previous = found.putIfAbsent(provider.name(), provider);
            if (previous != null && previous.getClass() != provider.getClass()) {
                throw new LandscapeException("two landscape providers are named " + provider.name() + ": "
                        + previous.getClass().getName() + " and " + provider.getClass().getName());
            }
        }
        return new LandscapeRegistry(found);
    }

    /**
     * This registry joined by the providers a plugin class loader finds (a loader over a plugin jar whose parent
     * sees this library). This registry's providers come first and keep their names. A plugin provider that
     * cannot be loaded (its class is missing or is not a {@link LandscapeProvider}, its constructor or one of its
     * methods throws) or whose name is taken is left out and handed to {@code problems}, and the rest still join.
     * Providers the loader finds through its parents, this registry's own, are skipped.
     *
     * @param plugins the class loader of the plugins
     * @param problems receives one {@link ServiceConfigurationError} per provider left out, whose message says
     *     which provider and why (and whose cause, if any, is what the provider threw)
     */
    public LandscapeRegistry withPlugins(ClassLoader plugins, Consumer<ServiceConfigurationError> problems) {
        Map<String, LandscapeProvider> joined = new TreeMap<>(providers);
        Iterator<LandscapeProvider> found = ServiceLoader.load(LandscapeProvider.class, plugins).iterator();
        while (true) {
            LandscapeProvider provider = null;
            String name;
            try {
                if (!found.hasNext()) {
                    break;
                }
                provider = found.next();
                name = provider.name();
                provider.parameters();
            } catch (ServiceConfigurationError e) {
                problems.accept(e); // the iterator goes on to the next provider after an error
                continue;
            } catch (RuntimeException | LinkageError e) {
                problems.accept(new ServiceConfigurationError(LandscapeProvider.class.getName() + ": "
                        + (provider == null ? "" : "Provider " + provider.getClass().getName() + " threw ") + e, e));
                continue;
            }
            LandscapeProvider previous = joined.get(name);
            if (previous != null && previous.getClass() == provider.getClass()) {
                continue;
            }
            if (previous != null) {
                problems.accept(new ServiceConfigurationError("landscape '" + name + "' of "
                        + provider.getClass().getName() + " clashes with " + previous.getClass().getName()
                        + ", which keeps the name"));
                continue;
            }
            joined.put(name, provider);
        }
        return new LandscapeRegistry(joined);
    }

    /**
     * This registry joined by the providers a plugin class loader finds, as {@link #withPlugins(ClassLoader,
     * Consumer)} does, but strictly.
     *
     * @throws LandscapeException naming the first provider that cannot join and why
     */
    public LandscapeRegistry withPlugins(ClassLoader plugins) {
        return withPlugins(plugins, problem -> {
            LandscapeException error = new LandscapeException("a landscape plugin cannot join the registry: "
                    + problem.getMessage());
            error.initCause(problem);
            throw error;
        });
    }

    /** The known names, sorted. */
    public List<String> names() {
        return List.copyOf(providers.keySet());
    }

    /**
     * The provider of a name.
     *
     * @throws LandscapeException naming the unknown name and listing the known ones
     */
    public LandscapeProvider provider(String name) {
        LandscapeProvider provider = providers.get(name);
        if (provider == null) {
            throw new LandscapeException("unknown landscape '" + name + "'; the known landscapes are " + names());
        }
        return provider;
    }

    /**
     * Builds the landscape a spec describes, such as {@code rosenbrock(dim=10)} or
     * {@code formula("x^2 + 10*y^2")}.
     *
     * @throws LandscapeException for a malformed spec (naming the column), an unknown name (listing the known
     *     ones) or a parameter out of range (naming it and its range)
     */
    public Landscape create(String spec) {
        Spec parsed = Spec.parse(spec);
        LandscapeProvider provider = provider(parsed.name());
        return provider.create(Arguments.bind(provider, parsed));
    }

    /** Every landscape with its description, its parameters and the facts of its default instance. */
    public List<CatalogEntry> catalog() {
        return providers.values().stream()
                .map(p -> new CatalogEntry(p.name(), p.description(), p.parameters(), p.create().facts()))
                .toList();
    }

    /** The catalog as text, one block per landscape. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        for (CatalogEntry entry : catalog()) {
            text.append(entry.name()).append(" — ").append(entry.description()).append('\n');
            for (Parameter p : entry.parameters()) {
                text.append("    ").append(p.name()).append(" = ").append(Parameter.format(p.defaultValue()))
                        .append(": ").append(p.range()).append("; ").append(p.description()).append('\n');
            }
            text.append(entry.facts()).append("\n\n");
        }
        return text.toString();
    }
}
