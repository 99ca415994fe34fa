package dev.fluxion.landscapes;

import dev.fluxion.dsl.Objective;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The eigenvalues of a symmetric Hessian, in ascending order, and the second-order classification they give.
 *
 * <p>An eigenvalue counts as zero when |lambda| &lt;= tolerance * max(1, max_i |lambda_i|): the relative
 * tolerance absorbs the rounding of Hessians computed in floating point, whose entries may be large. Then
 * eigenvalues of both signs make a {@link Curvature#SADDLE} (whatever the zeros), a zero with no opposite signs
 * makes a {@link Curvature#DEGENERATE} point, and otherwise all positive is {@link Curvature#MIN} and all
 * negative {@link Curvature#MAX}. The eigenvalues come from EJML's symmetric eigen-decomposition.
 *
 * @param eigenvalues the eigenvalues, ascending (copied in and out)
 * @param curvature the classification
 */
public record HessianSpectrum(double[] eigenvalues, Curvature curvature) {
    /** The default relative tolerance under which an eigenvalue counts as zero. */
    public static final double DEFAULT_TOLERANCE = 1e-9;

    /** Copies the eigenvalues. */
    public HessianSpectrum {
        eigenvalues = eigenvalues.clone();
    }

    /** A copy of the eigenvalues, ascending. */
    @Override
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    /** The spectrum of the objective's Hessian at x, with the default tolerance. */
    public static HessianSpectrum at(Objective objective, double[] x) {
        if (!objective.hasHessian()) {
            throw new LandscapeException("the objective " + objective + " has no Hessian");
        }
        int n = objective.dimension();
        double[][] hessian = new double[n][n];
        objective.hessian(x, hessian);
        return of(hessian, DEFAULT_TOLERANCE);
    }

    /** The spectrum of a symmetric matrix (its upper and lower triangles are averaged first). */
    public static HessianSpectrum of(double[][] hessian, double tolerance) {
        int n = hessian.length;
        DMatrixRMaj matrix = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            if (hessian[i].length != n) {
                throw new LandscapeException("a Hessian must be square: row " + i + " has " + hessian[i].length
                        + " entries, not " + n);
            }
            for (int j = 0; j < n; j++) {
                matrix.set(i, j, 0.5 * (hessian[i][j] + hessian[j][i]));
            }
        }
        for (double[] row : hessian) {
            for (double h : row) {
                if (!Double.isFinite(h)) {
                    throw new LandscapeException("the Hessian has a non-finite entry " + h
                            + "; the point may be a kink or outside the function's domain");
                }
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eigen = DecompositionFactory_DDRM.eig(n, false, true);
        if (!eigen.decompose(matrix)) {
            throw new LandscapeException("the eigen-decomposition of the Hessian did not converge");
        }
        double[] lambda = new double[n];
        for (int i = 0; i < n; i++) {
            lambda[i] = eigen.getEigenvalue(i).getReal();
        }
        Arrays.sort(lambda);
        return new HessianSpectrum(lambda, classify(lambda, tolerance));
    }

    private static Curvature classify(double[] lambda, double tolerance) {
        double largest = 1;
        for (double l : lambda) {
            largest = Math.max(largest, Math.abs(l));
        }
        double zero = tolerance * largest;
        boolean positive = false;
        boolean negative = false;
        boolean singular = false;
        for (double l : lambda) {
            positive |= l > zero;
            negative |= l < -zero;
            singular |= Math.abs(l) <= zero;
        }
        if (positive && negative) {
            return Curvature.SADDLE;
        }
        if (singular) {
            return Curvature.DEGENERATE;
        }
        return positive ? Curvature.MIN : Curvature.MAX;
    }

    /** The smallest eigenvalue. */
    public double smallest() {
        return eigenvalues[0];
    }

    /** The largest eigenvalue. */
    public double largest() {
        return eigenvalues[eigenvalues.length - 1];
    }

    /** Whether the Hessian is positive semi-definite: no eigenvalue below -tolerance * scale. */
    public boolean isPositiveSemidefinite() {
        return curvature == Curvature.MIN || (curvature == Curvature.DEGENERATE && largest() >= 0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HessianSpectrum s && Arrays.equals(eigenvalues, s.eigenvalues) && curvature == s.curvature;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(eigenvalues) * 31 + curvature.hashCode();
    }

    @Override
    public String toString() {
        return curvature + " " + Arrays.toString(eigenvalues);
    }
}
