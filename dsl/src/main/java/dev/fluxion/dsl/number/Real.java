package dev.fluxion.dsl.number;

/**
 * A number that can carry derivatives: an {@link Algebra} with a primal value.
 *
 * <p>A function written once, generic in {@code T extends Algebra<T>}, can be evaluated on plain doubles
 * ({@link DoubleReal}), on dual numbers for first derivatives ({@link Dual}), on hyper-dual numbers for exact
 * second derivatives ({@link HyperDual}), on truncated Taylor series of any order ({@link Jet}), on complex
 * numbers for the complex-step derivative ({@link Complex}), and on expressions, which gives the symbolic form.
 * Code that needs the number itself (a max-shift chosen by value, a branch on the primal part) asks for
 * {@code T extends Real<T>}, which expressions are not.
 *
 * @param <T> the implementing type
 */
public interface Real<T extends Real<T>> extends Algebra<T> {

    /** The primal value: the number itself with every derivative part dropped. */
    double value();
}
