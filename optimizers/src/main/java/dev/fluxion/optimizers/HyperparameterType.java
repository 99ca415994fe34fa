package dev.fluxion.optimizers;

/** The type of a hyperparameter's value, as written in a spec. */
public enum HyperparameterType {
    /** A real number such as {@code 0.9} or {@code 1e-8}. */
    REAL,
    /** A whole number such as {@code 100}. */
    INTEGER,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** One word out of a fixed list, such as {@code fallback=hessian}. */
    CHOICE,
    /** A learning rate: a number (constant) or a schedule such as {@code cosine(init=0.1, steps=100)}. */
    SCHEDULE
}
