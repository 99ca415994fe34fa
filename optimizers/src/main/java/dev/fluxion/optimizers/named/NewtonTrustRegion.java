package dev.fluxion.optimizers.named;

import dev.fluxion.optimizers.Chain;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.NamedOptimizer;
import dev.fluxion.optimizers.Optimizer;
import dev.fluxion.optimizers.Signature;
import dev.fluxion.optimizers.transform.TrustRegion;
import java.util.List;

/**
 * Trust-region Newton, {@code newton-tr(method=steihaug|dogleg, radius=..., maxRadius=..., eta=..., cgTolerance=...)}
 * (Nocedal and Wright, "Numerical Optimization", 2nd ed., 2006, Algorithm 4.1, with Steihaug-Toint CG, Algorithm 7.2,
 * or Powell's dogleg, section 4.1): the model f + g'p + 1/2 p'H p from the exact Hessian, minimized within a radius
 * that grows where the model predicts f well and shrinks where it does not; a step whose actual decrease is below eta
 * times the predicted one is rejected. Where damped Newton ({@link Newton}) needs a remedy for an indefinite Hessian,
 * the trust region bounds the step instead. {@code method=steihaug} is scipy's {@code trust-ncg}, {@code method=dogleg}
 * scipy's {@code dogleg} (but with the Cauchy point where H is not positive definite, where scipy stops). The chain
 * {@code chain(trustRegion(...))} ({@link TrustRegion} has the iteration).
 *
 * @param method      {@code steihaug} or {@code dogleg}
 * @param radius      Delta_0 &gt; 0, below maxRadius
 * @param maxRadius   the largest radius
 * @param eta         0 &lt;= eta &lt; 1/4
 * @param cgTolerance the cap of the CG forcing term, in (0, 1)
 */
public record NewtonTrustRegion(String method, double radius, double maxRadius, double eta, double cgTolerance)
        implements NamedOptimizer {
    /** The name in specs. */
    public static final String NAME = "newton-tr";
    /** The hyperparameters, in the order of the components and of specs: the trust region's. */
    public static final List<Hyperparameter> HYPERPARAMETERS = TrustRegion.HYPERPARAMETERS;
    /** The name, description and hyperparameters specs know it by. */
    public static final Signature<NewtonTrustRegion> SIGNATURE = new Signature<>(
            NewtonTrustRegion.class, NAME, HYPERPARAMETERS,
            "trust-region Newton with Steihaug-Toint CG or Powell's dogleg (Nocedal and Wright 2006, Algorithms"
            + " 4.1 and 7.2, section 4.1; scipy's trust-ncg and dogleg)");
    /** Trust-region Newton with every default: Steihaug's CG and scipy's constants. */
    public static final NewtonTrustRegion DEFAULT = SIGNATURE.defaults();

    /** Checks every value against its hyperparameter, then radius &lt; maxRadius. */
    public NewtonTrustRegion {
        Hyperparameter.check(NAME, HYPERPARAMETERS, method, radius, maxRadius, eta, cgTolerance);
        TrustRegion.checkRadii(NAME, radius, maxRadius);
    }

    /** This optimizer with the subproblem's solver {@code steihaug} or {@code dogleg}. */
    public NewtonTrustRegion method(String method) {
        return new NewtonTrustRegion(method, radius, maxRadius, eta, cgTolerance);
    }

    /** This optimizer with the first radius Delta_0. */
    public NewtonTrustRegion radius(double radius) {
        return new NewtonTrustRegion(method, radius, maxRadius, eta, cgTolerance);
    }

    /** This optimizer with the largest radius {@code maxRadius}. */
    public NewtonTrustRegion maxRadius(double maxRadius) {
        return new NewtonTrustRegion(method, radius, maxRadius, eta, cgTolerance);
    }

    /** This optimizer accepting a step when rho &gt; eta. */
    public NewtonTrustRegion eta(double eta) {
        return new NewtonTrustRegion(method, radius, maxRadius, eta, cgTolerance);
    }

    /** This optimizer with the CG forcing term's cap {@code cgTolerance}. */
    public NewtonTrustRegion cgTolerance(double cgTolerance) {
        return new NewtonTrustRegion(method, radius, maxRadius, eta, cgTolerance);
    }

    @Override
    public Chain chain() {
        return Optimizer.chain(new TrustRegion(method, radius, maxRadius, eta, cgTolerance));
    }

    @Override
    public String spec() {
        return SIGNATURE.spec(this);
    }
}
