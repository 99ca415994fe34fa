package dev.fluxion.landscapes;

import dev.fluxion.dsl.spec.ContextRegistry;
import dev.fluxion.dsl.spec.Registry;
import dev.fluxion.dsl.spec.SpecNode;
import dev.fluxion.dsl.spec.SpecParser;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Consumer;

/**
 * The landscapes that {@link ServiceLoader} finds, by name; specs in text are parsed, checked and built here.
 *
 * <p>{@code LandscapeRegistry.standard().create("quadratic(dim=50, kappa=1000)")} builds a landscape;
 * {@link #catalog()} lists every landscape with its parameters and the facts of its default instance in one
 * call. Plugins from other class loaders (jar files) join with {@link #withPlugins(ClassLoader, Consumer)}.
 */
public final class LandscapeRegistry extends Registry<LandscapeProvider, LandscapeRegistry> {
    private static final Registry.Kind<LandscapeProvider> KIND = new Registry.Kind<>(LandscapeProvider.class,
            "landscape", LandscapeProvider::name, LandscapeProvider::parameters, Map.of(), LandscapeException::new,
            Registry::className);

    private static final ContextRegistry<LandscapeRegistry> STANDARD = new ContextRegistry<>(
            LandscapeRegistry.class.getClassLoader(), LandscapeRegistry::load,
            (base, context) -> base.withPlugins(context, problem -> { }));

    private LandscapeRegistry(Iterable<LandscapeProvider> providers) {
        super(KIND, providers);
    }

    @Override
    protected LandscapeRegistry with(Iterable<LandscapeProvider> providers) {
        return new LandscapeRegistry(providers);
    }

    /**
     * The providers on the class path, as the current thread sees them: this module's class loader's, loaded once,
     * joined by those the thread's context class loader adds (a script host's plugins; see {@link ContextRegistry}).
     */
    public static LandscapeRegistry standard() {
        return STANDARD.current();
    }

    /** The providers a class loader finds. */
    public static LandscapeRegistry load(ClassLoader loader) {
        return new LandscapeRegistry(Registry.found(KIND, List.of(), loader));
    }

    /**
     * The provider of a name.
     *
     * @throws LandscapeException naming the unknown name and listing the known ones
     */
    public LandscapeProvider provider(String name) {
        return find(name);
    }

    /**
     * Builds the landscape a spec describes, such as {@code rosenbrock(dim=10)} or
     * {@code formula("x^2 + 10*y^2")}.
     *
     * @throws LandscapeException for a malformed spec (naming the column), an unknown name (listing the known
     *     ones) or a parameter out of range (naming it and its range)
     */
    public Landscape create(String spec) {
        SpecNode.Call parsed = SpecParser.parse(spec, LandscapeException::new);
        LandscapeProvider provider = find(parsed.name(), parsed.column());
        return provider.create(Arguments.bind(provider, parsed));
    }

    /** Every landscape with its description, its parameters and the facts of its default instance. */
    public List<CatalogEntry> catalog() {
        return providers().stream()
                .map(p -> new CatalogEntry(p.name(), p.description(), p.parameters(), p.create().facts()))
                .toList();
    }

    /** The catalog as text, one block per landscape. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        for (CatalogEntry entry : catalog()) {
            text.append(entry.name()).append(" — ").append(entry.description()).append('\n');
            for (Parameter p : entry.parameters()) {
                text.append("    ").append(p).append('\n');
            }
            text.append(entry.facts()).append("\n\n");
        }
        return text.toString();
    }
}
