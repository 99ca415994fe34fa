package dev.fluxion.landscapes.bbob;

/**
 * One draw of a bbob function: COCO's seeds for function f, dimension n and instance i, and the shifts, offsets
 * and rotations they generate.
 *
 * <p>The seed of an instance is f + 10000 i, except that f4 takes the seed of f3 and f18 that of f17 (their
 * siblings in the 2009 definitions). From it: the optimum x_opt, each coordinate 8 floor(10^4 u) / 10^4 - 4 for a
 * uniform u (so a multiple of 8e-4 in [-4, 4), with an exact 0 moved to -1e-5); the offset
 * f_opt = round(10^4 g_1 / g_2) / 100 for a normal g_1 drawn from the seed and g_2 from the seed plus 1, clipped to
 * [-1000, 1000]; and rotations, orthogonalised by Gram-Schmidt from a matrix of normals filled column by column.
 * Each function draws its optimum and rotations from the seed or from the seed plus 10^6, as COCO does.
 *
 * @param function  the function number f, 1 to 24
 * @param dimension the number of variables n
 * @param instance  the instance number i
 */
record BbobInstance(int function, int dimension, int instance) {

    /** The seed of the instance, f + 10000 i (3 + 10000 i for f4, 17 + 10000 i for f18). */
    long seed() {
        int base = function == 4 ? 3 : function == 18 ? 17 : function;
        return base + 10000L * instance;
    }

    /** The offset f_opt: the value at the optimum. */
    double fopt() {
        long seed = seed();
        double numerator = BbobRandom.gaussian(1, seed)[0];
        double denominator = BbobRandom.gaussian(1, seed + 1)[0];
        double rounded = Math.floor(100.0 * 100.0 * numerator / denominator + 0.5) / 100.0;
        return Math.min(1000.0, Math.max(-1000.0, rounded));
    }

    /** The optimum drawn from a seed: n multiples of 8e-4 in [-4, 4), none exactly 0. */
    double[] xopt(long seed) {
        double[] x = BbobRandom.uniform(dimension, seed);
        for (int i = 0; i < dimension; i++) {
            x[i] = 8 * Math.floor(1e4 * x[i]) / 1e4 - 4;
            if (x[i] == 0.0) {
                x[i] = -1e-5;
            }
        }
        return x;
    }

    /** The optimum drawn from the instance's own seed. */
    double[] xopt() {
        return xopt(seed());
    }

    /**
     * An n by n rotation drawn from a seed: normals fill a matrix column by column, and Gram-Schmidt makes its
     * columns orthonormal, left to right.
     */
    double[][] rotation(long seed) {
        int n = dimension;
        double[] normals = BbobRandom.gaussian(n * n, seed);
        double[][] b = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                b[i][j] = normals[j * n + i];
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double projection = 0;
                for (int k = 0; k < n; k++) {
                    projection += b[k][i] * b[k][j];
                }
                for (int k = 0; k < n; k++) {
                    b[k][i] -= projection * b[k][j];
                }
            }
            double squaredNorm = 0;
            for (int k = 0; k < n; k++) {
                squaredNorm += b[k][i] * b[k][i];
            }
            for (int k = 0; k < n; k++) {
                b[k][i] /= Math.sqrt(squaredNorm);
            }
        }
        return b;
    }

    /** The exponent (i - 1) / (n - 1) of coordinate i (here 0-based: i / (n - 1)) in the conditionings. */
    double exponent(int i) {
        return (double) i / ((double) dimension - 1.0);
    }

    /**
     * R Lambda Q, with Lambda = diag(base^(k / (n - 1))): the matrix of the rotated, conditioned functions, summed
     * over k in COCO's order, (r_ik base^(k / (n - 1))) q_kj.
     */
    double[][] conditionedRotation(double[][] r, double base, double[][] q) {
        int n = dimension;
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0.0;
                for (int k = 0; k < n; k++) {
                    sum += r[i][k] * Math.pow(base, exponent(k)) * q[k][j];
                }
                m[i][j] = sum;
            }
        }
        return m;
    }

    /** diag(c_i) M: row i of m scaled by c_i, each entry c_i m_ij. */
    static double[][] scaleRows(double[] c, double[][] m) {
        double[][] scaled = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            scaled[i] = new double[m[i].length];
            for (int j = 0; j < m[i].length; j++) {
                scaled[i][j] = c[i] * m[i][j];
            }
        }
        return scaled;
    }

    /** R^T v. */
    static double[] transposeTimes(double[][] r, double[] v) {
        double[] out = new double[r[0].length];
        for (int j = 0; j < out.length; j++) {
            double sum = 0;
            for (int i = 0; i < r.length; i++) {
                sum += r[i][j] * v[i];
            }
            out[j] = sum;
        }
        return out;
    }
}
