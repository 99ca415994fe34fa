package dev.fluxion.landscapes.catalog;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;

/**
 * A random rotation (orthogonal matrix) distributed by the Haar measure: the Q factor of the QR decomposition of
 * a matrix of independent standard normals, with each column's sign set so that R has a positive diagonal
 * (without that correction Q is orthogonal but not Haar-distributed). The QR comes from EJML.
 *
 * <p>Source: Mezzadri, F. (2007), How to generate random matrices from the classical compact groups, Notices
 * of the AMS 54(5), 592-604.
 */
final class RandomRotation {

    private RandomRotation() {
    }

    /** An n by n orthogonal matrix from the sampler. */
    static double[][] of(int n, GaussianSampler sampler) {
        DMatrixRMaj g = new DMatrixRMaj(sampler.matrix(n, n));
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(n, n);
        if (!qr.decompose(g)) {
            throw new IllegalStateException("the QR decomposition of a Gaussian matrix failed");
        }
        DMatrixRMaj q = qr.getQ(null, false);
        DMatrixRMaj r = qr.getR(null, false);
        double[][] rotation = new double[n][n];
        for (int j = 0; j < n; j++) {
            double sign = r.get(j, j) < 0 ? -1 : 1;
            for (int i = 0; i < n; i++) {
                rotation[i][j] = sign * q.get(i, j);
            }
        }
        return rotation;
    }
}
