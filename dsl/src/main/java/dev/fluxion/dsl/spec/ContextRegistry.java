package dev.fluxion.dsl.spec;

import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The registry of one kind as the current thread sees it: the providers of the library's own class loader, loaded
 * once, joined (as {@link Registry#withPlugins(ClassLoader, java.util.function.Consumer) plugins}, the library's
 * keeping their names) by those the thread's context class loader adds. A host that runs code with plugin jars on
 * a class loader of their own (the lab's script host, an application server) makes that loader the context class
 * loader of the threads it runs, and {@code Optimizers.parse} or {@code LandscapeRegistry.standard()} called there
 * see the plugins, as they would if the jars were on the class path; called elsewhere, they do not.
 *
 * <p>A context class loader that is the library's own, or that adds nothing, costs nothing after the first call;
 * the registry of the last other context is kept (one, so a host's closed class loader is not held for long). A
 * provider of the context that cannot join is left out silently: the context is the host's business, and the
 * host reports its plugins' problems when it loads them.
 *
 * @param <R> the registry type ({@code OptimizerRegistry}, {@code LandscapeRegistry})
 */
public final class ContextRegistry<R> {
    private final ClassLoader library;
    private final Function<ClassLoader, R> load;
    private final BiFunction<R, ClassLoader, R> join;
    private volatile R own;
    private volatile Contextual<R> last;

    private record Contextual<R>(ClassLoader context, R registry) {
    }

    /**
     * @param library the class loader of the library's own providers
     * @param load    the registry of the providers a class loader finds
     * @param join    a registry joined by the providers a plugin class loader adds, problems left out
     */
    public ContextRegistry(ClassLoader library, Function<ClassLoader, R> load,
                           BiFunction<R, ClassLoader, R> join) {
        this.library = library;
        this.load = load;
        this.join = join;
    }

    /** The registry the current thread sees. */
    public R current() {
        R base = own;
        if (base == null) {
            synchronized (this) {
                base = own;
                if (base == null) {
                    base = load.apply(library);
                    own = base;
                }
            }
        }
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context == null || context == library || isAncestor(context, library)) {
            return base;
        }
        Contextual<R> cached = last;
        if (cached != null && cached.context() == context) {
            return cached.registry();
        }
        R joined = join.apply(base, context);
        last = new Contextual<>(context, joined);
        return joined;
    }

    /** Whether {@code candidate} is {@code loader}'s parent, or its parent's, and so on: it adds nothing. */
    private static boolean isAncestor(ClassLoader candidate, ClassLoader loader) {
        for (ClassLoader l = loader == null ? null : loader.getParent(); l != null; l = l.getParent()) {
            if (l == candidate) {
                return true;
            }
        }
        return false;
    }
}
