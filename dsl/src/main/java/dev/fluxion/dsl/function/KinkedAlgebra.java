package dev.fluxion.dsl.function;

import dev.fluxion.dsl.number.Algebra;

/**
 * A number (or expression) seen through a convention for kinks: the arithmetic is the number's own, and every
 * function it applies is first {@link Kinks#bind(UnaryFunction) bound} to the convention. A derivative rule of the
 * table, evaluated on it, therefore reaches the convention wherever it reaches a kink, without being written twice.
 *
 * @param number the number carried
 * @param kinks  the convention
 * @param <T>    the kind of number
 */
public record KinkedAlgebra<T extends Algebra<T>>(T number, Kinks kinks) implements Algebra<KinkedAlgebra<T>> {

    private KinkedAlgebra<T> with(T result) {
        return new KinkedAlgebra<>(result, kinks);
    }

    @Override
    public KinkedAlgebra<T> lift(double constant) {
        return with(number.lift(constant));
    }

    @Override
    public KinkedAlgebra<T> plus(KinkedAlgebra<T> other) {
        return with(number.plus(other.number));
    }

    @Override
    public KinkedAlgebra<T> minus(KinkedAlgebra<T> other) {
        return with(number.minus(other.number));
    }

    @Override
    public KinkedAlgebra<T> times(KinkedAlgebra<T> other) {
        return with(number.times(other.number));
    }

    @Override
    public KinkedAlgebra<T> div(KinkedAlgebra<T> other) {
        return with(number.div(other.number));
    }

    @Override
    public KinkedAlgebra<T> unaryMinus() {
        return with(number.unaryMinus());
    }

    @Override
    public KinkedAlgebra<T> plus(double c) {
        return with(number.plus(c));
    }

    @Override
    public KinkedAlgebra<T> minus(double c) {
        return with(number.minus(c));
    }

    @Override
    public KinkedAlgebra<T> times(double c) {
        return with(number.times(c));
    }

    @Override
    public KinkedAlgebra<T> div(double c) {
        return with(number.div(c));
    }

    @Override
    public KinkedAlgebra<T> apply(UnaryFunction f) {
        return with(number.apply(kinks.bind(f)));
    }

    @Override
    public KinkedAlgebra<T> apply(BinaryFunction f, KinkedAlgebra<T> other) {
        return with(number.apply(kinks.bind(f), other.number));
    }
}
