package {{package}}

import dev.fluxion.optimizers.TypedProvider

/**
 * The spec name `{{name}}`: the typed value [{{Class}}], found by specs through this provider.
 *
 * A plugin: `META-INF/services/dev.fluxion.optimizers.OptimizerProvider` in this jar names this class.
 */
class {{Class}}Provider : TypedProvider(
    {{Class}}.NAME, {{Class}}.HYPERPARAMETERS, { values -> {{Class}}.of(values) },
    "normalized gradient descent, a step of length lr against the gradient; a plugin",
)
