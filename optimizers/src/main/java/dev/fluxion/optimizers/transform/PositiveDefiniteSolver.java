package dev.fluxion.optimizers.transform;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Solves (A + shift I) z = b for symmetric A by a Cholesky factorization (EJML), reusing its matrices from step
 * to step. Reports, rather than throws, when A + shift I is not positive definite, so that callers can choose a
 * remedy. Scratch space of the Newton and natural-gradient transforms; nothing here is saved.
 */
final class PositiveDefiniteSolver {
    private final int n;
    private final DMatrixRMaj matrix;
    private final DMatrixRMaj rightHandSide;
    private final DMatrixRMaj solution;
    private final LinearSolverDense<DMatrixRMaj> cholesky;

    PositiveDefiniteSolver(int n) {
        this.n = n;
        this.matrix = new DMatrixRMaj(n, n);
        this.rightHandSide = new DMatrixRMaj(n, 1);
        this.solution = new DMatrixRMaj(n, 1);
        this.cholesky = LinearSolverFactory_DDRM.chol(n);
    }

    /**
     * Writes z = (A + shift I)^-1 b into {@code out} and returns true, or returns false (leaving {@code out}
     * unspecified) when A + shift I is not positive definite.
     */
    boolean solve(double[][] a, double shift, double[] b, double[] out) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                matrix.unsafe_set(i, j, a[i][j] + (i == j ? shift : 0));
            }
            rightHandSide.unsafe_set(i, 0, b[i]);
        }
        if (!cholesky.setA(matrix)) {
            return false;
        }
        cholesky.solve(rightHandSide, solution);
        for (int i = 0; i < n; i++) {
            double z = solution.unsafe_get(i, 0);
            if (!Double.isFinite(z)) {
                return false;
            }
            out[i] = z;
        }
        return true;
    }
}
