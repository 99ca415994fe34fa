package dev.fluxion.optimizers.transform;

import dev.fluxion.dsl.spec.Range;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.OptimizerException;
import dev.fluxion.optimizers.Signature;
import dev.fluxion.optimizers.StepContext;
import dev.fluxion.optimizers.Transform;
import dev.fluxion.optimizers.TransformState;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Newton's direction, {@code preconditionByHessian(...)}: d &lt;- H(x)^-1 d from the objective's Hessian (Nocedal and Wright, "Numerical
 * Optimization", 2nd ed., 2006, section 3.3); with the learning rate after it, eta &lt; 1 gives damped Newton.
 * An indefinite Hessian does not give a descent direction, so {@code indefinite} names the remedy:
 * <ul>
 *   <li>{@code shift} (default): Cholesky with an added multiple of the identity (Nocedal and Wright,
 *       Algorithm 3.3): tau_0 = 0 if min_i H_ii &gt; 0, else beta - min_i H_ii; while H + tau I has no Cholesky
 *       factor, tau &lt;- max(2 tau, beta). beta is {@code minShift}.</li>
 *   <li>{@code abs}: H = Q diag(lambda) Q^T and d &lt;- Q diag(1 / max(|lambda|, beta)) Q^T d, the absolute-value
 *       modification of Nocedal and Wright (section 3.4) and Dauphin et al.'s saddle-free Newton
 *       (NeurIPS 2014), which flees saddles instead of being drawn to them.</li>
 *   <li>{@code fail}: an indefinite Hessian is an error.</li>
 * </ul>
 * A positive-definite Hessian gives the exact Newton direction under every choice.
 *
 * @param indefinite {@code shift}, {@code abs} or {@code fail}
 * @param minShift   beta &gt; 0
 */
public record PreconditionByHessian(String indefinite, double minShift) implements Transform {
    /** The name in specs. */
    public static final String NAME = "preconditionByHessian";
    /** The hyperparameters, in the order of the components and of specs. */
    public static final List<Hyperparameter> HYPERPARAMETERS = List.of(
            Hyperparameter.choice("indefinite", "shift", List.of("shift", "abs", "fail"),
                    "shift: H + tau I by Cholesky attempts (N&W Alg. 3.3); abs: |eigenvalues| (N&W 3.4; Dauphin et al. 2014); fail"),
            Hyperparameter.real("minShift", 1e-3, Range.POSITIVE, "smallest shift tau and smallest |eigenvalue| (N&W beta)"));
    /** The name, description and hyperparameters specs know it by. */
    public static final Signature<PreconditionByHessian> SIGNATURE = new Signature<>(
            PreconditionByHessian.class, NAME, HYPERPARAMETERS,
            "d <- H^-1 d with a remedy for indefinite Hessians, Newton's direction (Nocedal and Wright 2006, ch. "
            + "3)");
    /** Newton's direction with every default. */
    public static final PreconditionByHessian DEFAULT = SIGNATURE.defaults();
    private static final int MAX_SHIFT_ATTEMPTS = 200;

    /** Checks every value against its hyperparameter. */
    public PreconditionByHessian {
        Hyperparameter.check(NAME, HYPERPARAMETERS, indefinite, minShift);
    }

    /** This direction with the remedy {@code shift}, {@code abs} or {@code fail} for indefinite Hessians. */
    public PreconditionByHessian indefinite(String indefinite) {
        return new PreconditionByHessian(indefinite, minShift);
    }

    /** This direction with beta = {@code minShift}. */
    public PreconditionByHessian minShift(double minShift) {
        return new PreconditionByHessian(indefinite, minShift);
    }

    @Override
    public TransformState init(int dimension) {
        return new TransformState() {
            private final double[][] hessian = new double[dimension][dimension];
            private final double[] solution = new double[dimension];
            private final PositiveDefiniteSolver solver = new PositiveDefiniteSolver(dimension);
            private final DMatrixRMaj eigenInput = new DMatrixRMaj(dimension, dimension);
            private EigenDecomposition_F64<DMatrixRMaj> eigen;

            @Override
            public void update(double[] direction, StepContext context) {
                context.hessian(context.point(), hessian, "newton");
                if (solver.solve(hessian, 0, direction, solution)) {
                    System.arraycopy(solution, 0, direction, 0, dimension);
                    return;
                }
                switch (indefinite) {
                    case "shift" -> shifted(direction, context.step());
                    case "abs" -> absoluteEigenvalues(direction, context.step());
                    default -> throw OptimizerException.atStep("newton: the Hessian is not positive definite at"
                            + " step " + context.step() + " and indefinite = fail; choose indefinite=shift or"
                            + " indefinite=abs", context.step(), -1);
                }
            }

            private void shifted(double[] direction, long step) {
                double minDiagonal = Double.POSITIVE_INFINITY;
                for (int i = 0; i < dimension; i++) {
                    minDiagonal = Math.min(minDiagonal, hessian[i][i]);
                }
                double tau = minDiagonal > 0 ? minShift : minShift - minDiagonal;
                for (int attempt = 0; attempt < MAX_SHIFT_ATTEMPTS; attempt++) {
                    if (solver.solve(hessian, tau, direction, solution)) {
                        System.arraycopy(solution, 0, direction, 0, dimension);
                        return;
                    }
                    tau = Math.max(2 * tau, minShift);
                }
                throw OptimizerException.atStep("newton: no shift up to " + tau + " made the Hessian positive"
                        + " definite at step " + step + " (is it finite?)", step, -1);
            }

            private void absoluteEigenvalues(double[] direction, long step) {
                if (eigen == null) {
                    eigen = DecompositionFactory_DDRM.eig(dimension, true, true);
                }
                for (int i = 0; i < dimension; i++) {
                    for (int j = 0; j < dimension; j++) {
                        eigenInput.unsafe_set(i, j, hessian[i][j]);
                    }
                }
                if (!eigen.decompose(eigenInput)) {
                    throw OptimizerException.atStep("newton: the eigen-decomposition of the Hessian failed at step "
                            + step, step, -1);
                }
                java.util.Arrays.fill(solution, 0);
                for (int k = 0; k < dimension; k++) {
                    DMatrixRMaj q = eigen.getEigenVector(k);
                    double lambda = Math.max(Math.abs(eigen.getEigenvalue(k).real), minShift);
                    double projection = 0;
                    for (int i = 0; i < dimension; i++) {
                        projection += q.unsafe_get(i, 0) * direction[i];
                    }
                    for (int i = 0; i < dimension; i++) {
                        solution[i] += q.unsafe_get(i, 0) * projection / lambda;
                    }
                }
                System.arraycopy(solution, 0, direction, 0, dimension);
            }
        };
    }

    @Override
    public String spec() {
        return SIGNATURE.spec(this);
    }
}
