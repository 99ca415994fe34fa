package dev.fluxion.landscapes.catalog.mgh;

import dev.fluxion.dsl.expr.VectorVariable;
import dev.fluxion.landscapes.Curvature;
import dev.fluxion.landscapes.Tag;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * One problem of the Moré-Garbow-Hillstrom set: its residuals f_1, ..., f_m (so f = sum_i f_i^2), its standard
 * start, the sizes it allows, and what is known of its minimum. Each implementation states its formula and where
 * its numbers come from.
 */
interface Problem {

    /**
     * The largest n at which the zero of a square system (problems 28 to 31) is pinned down by Newton's method when
     * the landscape is built: each step solves with the dense n x n Hessian, too slow to do on every build beyond.
     * Past it, only f* = 0 is stated.
     */
    int ROOTS_PINNED_UP_TO = 100;

    /** The problem's word in specs, such as {@code freudenstein-roth}. */
    String name();

    /** Its number in the paper, 1 to 35. */
    int number();

    /** Its name in the paper, such as {@code Freudenstein and Roth}. */
    String title();

    /** The sizes n and m it allows. */
    SizeRule sizes();

    /** The residuals at the vector variable x of length n. */
    Residuals residuals(VectorVariable x, Size size);

    /** The standard start x0 of the paper, before any scaling. */
    double[] start(Size size);

    /** The minimum value where it is known exactly (0, m - n, a closed form); empty where only digits are. */
    default OptionalDouble minimum(Size size) {
        return OptionalDouble.empty();
    }

    /** Global minimizers known exactly, or in closed form. */
    default List<double[]> minimizers(Size size) {
        return List.of();
    }

    /** Global minimizers known to the digits given, pinned down by Newton's method when the landscape is built. */
    default List<double[]> minimizersNear(Size size) {
        return List.of();
    }

    /** Other critical points known to the digits given, with their kind, pinned down by Newton's method. */
    default List<Near> criticalPointsNear(Size size) {
        return List.of();
    }

    /** What kind of problem it is at this size. */
    Set<Tag> tags(Size size);

    /** Where its facts come from, beyond the paper itself. */
    default List<String> sources() {
        return List.of();
    }

    /**
     * A critical point known to a few digits.
     *
     * @param curvature its kind
     * @param guess its coordinates to the digits given
     */
    record Near(Curvature curvature, double... guess) {
    }
}
