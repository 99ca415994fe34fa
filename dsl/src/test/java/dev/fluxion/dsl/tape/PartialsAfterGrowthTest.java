package dev.fluxion.dsl.tape;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fluxion.dsl.expr.Expr;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A tape whose node arrays grow while the partial-derivative nodes are being added keeps every partial: the
 * gradient of sum_i sin(x_i / 2) over many variables is cos(x_i / 2) / 2 in each slot.
 */
class PartialsAfterGrowthTest {

    @Test
    void everyPartialSurvivesTheArraysGrowing() {
        for (int n = 1; n <= 80; n++) {
            List<String> names = new ArrayList<>();
            Expr sum = Expr.constant(0);
            for (int i = 0; i < n; i++) {
                names.add("x" + i);
                sum = sum.plus(Expr.variable("x" + i).times(Expr.constant(0.5)).sin());
            }
            CompiledExpression f = sum.compile(names);
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = 0.01 * i;
            }
            double[] gradient = new double[n];
            f.valueAndGradient(x, gradient);
            for (int i = 0; i < n; i++) {
                assertEquals(0.5 * Math.cos(0.5 * x[i]), gradient[i], 1e-12, "n = " + n + ", d/dx" + i);
            }
        }
    }
}
