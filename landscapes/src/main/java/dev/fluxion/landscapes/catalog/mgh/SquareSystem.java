package dev.fluxion.landscapes.catalog.mgh;

import dev.fluxion.landscapes.Tag;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * What the square systems F(x) = 0 of the set (problems 28 to 31, from MINPACK's tests of its equation solver) know
 * of their minimum: f* = 0 at a root, pinned down by Newton's method from the standard start for n up to
 * {@value Problem#ROOTS_PINNED_UP_TO}; they are zero-residual problems, and MINPACK's reference output gives their
 * numbers.
 */
abstract class SquareSystem implements Problem {

    @Override
    public OptionalDouble minimum(Size size) {
        return OptionalDouble.of(0);
    }

    @Override
    public List<double[]> minimizersNear(Size size) {
        return size.n() <= ROOTS_PINNED_UP_TO ? List.of(start(size)) : List.of();
    }

    @Override
    public Set<Tag> tags(Size size) {
        return Set.of(Tag.ZERO_RESIDUAL);
    }

    @Override
    public List<String> sources() {
        return List.of(References.MINPACK);
    }
}
