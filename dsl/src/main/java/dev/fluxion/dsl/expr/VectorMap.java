package dev.fluxion.dsl.expr;

import java.util.List;

import dev.fluxion.dsl.function.PowerOf;
import dev.fluxion.dsl.function.Unary;
import dev.fluxion.dsl.function.UnaryFunction;

/**
 * A one-argument function applied to every element of a vector.
 *
 * @param function the function
 * @param argument the vector
 */
public record VectorMap(UnaryFunction function, VectorExpr argument) implements VectorExpr {

    @Override
    public List<Node> children() {
        return List.of(argument);
    }

    @Override
    public <R> R accept(NodeVisitor<R> visitor) {
        return visitor.map(this);
    }

    /** f applied element-wise, with the identities x^1 = x and -(-x) = x. */
    static VectorExpr of(UnaryFunction f, VectorExpr v) {
        if (f instanceof PowerOf p && p.exponent() == 1) {
            return v;
        }
        if (f == Unary.NEG && v instanceof VectorMap m && m.function() == Unary.NEG) {
            return m.argument();
        }
        return new VectorMap(f, v);
    }

    @Override
    public int length() {
        return argument.length();
    }

    @Override
    public String toString() {
        return VectorPrinter.print(this);
    }
}
