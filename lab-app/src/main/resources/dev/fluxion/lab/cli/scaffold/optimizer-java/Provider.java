package {{package}};

import dev.fluxion.optimizers.TypedProvider;

/**
 * The spec name {@code {{name}}}: the typed value {@link {{Class}}}, found by specs through this provider.
 *
 * <p>A plugin: {@code META-INF/services/dev.fluxion.optimizers.OptimizerProvider} in this jar names this class.
 */
public final class {{Class}}Provider extends TypedProvider {

    /** The provider {@link java.util.ServiceLoader} creates. */
    public {{Class}}Provider() {
        super({{Class}}.NAME, {{Class}}.HYPERPARAMETERS, {{Class}}::of,
                "normalized gradient descent, a step of length lr against the gradient; a plugin");
    }
}
