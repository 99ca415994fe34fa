package dev.fluxion.dsl.spec;

/** The type of a parameter's value, as written in a spec. */
public enum ParameterType {
    /** A real number such as {@code 0.9} or {@code 1e-8}, stored as a {@link Double}. */
    REAL,
    /** A whole number such as {@code 100}, stored as a {@link Long}. */
    INTEGER,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** One word out of a fixed list, such as {@code fallback=hessian}. */
    CHOICE,
    /** Any text, quoted when it has spaces, such as a formula. */
    TEXT,
    /**
     * A number (a constant) or a nested spec, such as a learning rate {@code 0.1} or
     * {@code cosine(init=0.1, steps=100)}, built by the parameter's {@link Parameter.Nested}; a parameter without a
     * range takes nested specs only, such as the inner optimizer {@code adam(lr=0.01)} of a lookahead.
     */
    NESTED
}
