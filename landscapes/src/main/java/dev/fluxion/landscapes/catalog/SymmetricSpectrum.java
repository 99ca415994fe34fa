package dev.fluxion.landscapes.catalog;

import dev.fluxion.landscapes.HessianSpectrum;
import org.ejml.data.DMatrixRMaj;

/** The ascending eigenvalues of a symmetric EJML matrix, through {@link HessianSpectrum}. */
final class SymmetricSpectrum {

    private SymmetricSpectrum() {
    }

    static double[] eigenvalues(DMatrixRMaj symmetric) {
        int n = symmetric.numRows;
        double[][] rows = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                rows[i][j] = symmetric.get(i, j);
            }
        }
        return HessianSpectrum.of(rows, HessianSpectrum.DEFAULT_TOLERANCE).eigenvalues();
    }
}
