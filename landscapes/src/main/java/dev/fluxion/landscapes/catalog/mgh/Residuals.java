package dev.fluxion.landscapes.catalog.mgh;

import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.dsl.expr.VectorExpr;
import java.util.List;

/**
 * The residuals f_1, ..., f_m of a problem, gathered in blocks (a vector of residuals, or one), and the objective
 * f = sum_i f_i^2 they make. The count lets the landscape check that a problem built the m residuals it promised.
 */
final class Residuals {
    private Expr sumOfSquares;
    private int count;

    /** Residuals starting with the block given. */
    static Residuals of(VectorExpr block) {
        return new Residuals().add(block);
    }

    /** Adds a block of residuals. */
    Residuals add(VectorExpr block) {
        return term(block.squaredNorm(), block.length());
    }

    /** Adds one residual. */
    Residuals add(Expr residual) {
        return term(residual.square(), 1);
    }

    /** Adds residuals built one by one, as one block. */
    Residuals add(List<Expr> residuals) {
        return add(VectorExpr.of(residuals));
    }

    private Residuals term(Expr squares, int length) {
        sumOfSquares = sumOfSquares == null ? squares : sumOfSquares.plus(squares);
        count += length;
        return this;
    }

    /** The number of residuals, m. */
    int count() {
        return count;
    }

    /** f = sum_i f_i^2. */
    Expr sumOfSquares() {
        return sumOfSquares;
    }
}
