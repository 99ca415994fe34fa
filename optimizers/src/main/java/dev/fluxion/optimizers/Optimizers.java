package dev.fluxion.optimizers;

import dev.fluxion.dsl.spec.ContextRegistry;
import dev.fluxion.optimizers.linesearch.BacktrackingLineSearch;
import dev.fluxion.optimizers.linesearch.HagerZhangLineSearch;
import dev.fluxion.optimizers.linesearch.PolyakStep;
import dev.fluxion.optimizers.linesearch.WolfeLineSearch;
import dev.fluxion.optimizers.named.AdaBelief;
import dev.fluxion.optimizers.named.Adagrad;
import dev.fluxion.optimizers.named.Adam;
import dev.fluxion.optimizers.named.AdamW;
import dev.fluxion.optimizers.named.Adamax;
import dev.fluxion.optimizers.named.Amsgrad;
import dev.fluxion.optimizers.named.Bfgs;
import dev.fluxion.optimizers.named.ConjugateGradient;
import dev.fluxion.optimizers.named.GradientDescent;
import dev.fluxion.optimizers.named.Lbfgs;
import dev.fluxion.optimizers.named.Lookahead;
import dev.fluxion.optimizers.named.Momentum;
import dev.fluxion.optimizers.named.Nadam;
import dev.fluxion.optimizers.named.NaturalGradient;
import dev.fluxion.optimizers.named.Nesterov;
import dev.fluxion.optimizers.named.Newton;
import dev.fluxion.optimizers.named.NewtonTrustRegion;
import dev.fluxion.optimizers.named.Prodigy;
import dev.fluxion.optimizers.named.Radam;
import dev.fluxion.optimizers.named.Rmsprop;
import dev.fluxion.optimizers.named.ScheduleFreeAdamw;
import dev.fluxion.optimizers.named.ScheduleFreeSgd;
import dev.fluxion.optimizers.named.Yogi;
import dev.fluxion.optimizers.transform.BfgsDirection;
import dev.fluxion.optimizers.transform.ConjugateGradientDirection;
import dev.fluxion.optimizers.transform.GlobalNormClip;
import dev.fluxion.optimizers.transform.LbfgsDirection;
import dev.fluxion.optimizers.transform.PreconditionByHessian;
import dev.fluxion.optimizers.transform.PreconditionByMetric;
import dev.fluxion.optimizers.transform.ScaleByAdaBelief;
import dev.fluxion.optimizers.transform.ScaleByAdagrad;
import dev.fluxion.optimizers.transform.ScaleByAdam;
import dev.fluxion.optimizers.transform.ScaleByAdamax;
import dev.fluxion.optimizers.transform.ScaleByAmsgrad;
import dev.fluxion.optimizers.transform.ScaleByLearningRate;
import dev.fluxion.optimizers.transform.ScaleByNadam;
import dev.fluxion.optimizers.transform.ScaleByRadam;
import dev.fluxion.optimizers.transform.ScaleByRms;
import dev.fluxion.optimizers.transform.ScaleByYogi;
import dev.fluxion.optimizers.transform.ScheduleFree;
import dev.fluxion.optimizers.transform.Trace;
import dev.fluxion.optimizers.transform.TrustRegion;
import dev.fluxion.optimizers.transform.ValueClip;
import dev.fluxion.optimizers.transform.WeightDecay;
import java.util.List;

/**
 * The entry points, for Java and Kotlin alike: a typed value with every default for each named optimizer and
 * building block, changed by withers named like its hyperparameters, and the text specs that are their view.
 *
 * <pre>{@code
 * Optimizer a = Optimizers.adam().lr(0.01).beta2(0.99);
 * Optimizer b = Optimizers.chain(Optimizers.clip().norm(1), Optimizers.nesterov().lr(0.1).momentum(0.9));
 * Optimizer c = Optimizers.parse("adam(lr=0.01, beta2=0.99)");     // equals a
 * String text = a.spec();                                         // adam(lr=0.01, beta1=0.9, beta2=0.99, ...)
 * String everything = Optimizers.describe();   // every optimizer with its hyperparameters
 * }</pre>
 *
 * Every value's {@link Transform#spec()} parses back to an equal value. Out-of-range values are refused with the
 * message a spec giving them would get, less its column. Kotlin has the same factories with named, defaulted
 * parameters in {@code dev.fluxion.optimizers.kotlin} ({@code adam(lr = 0.01)}). Providers are loaded once; a
 * thread whose context class loader holds plugins (a script's) sees them too ({@link #registry()}).
 */
public final class Optimizers {
    private static final ContextRegistry<OptimizerRegistry> REGISTRY = new ContextRegistry<>(
            Optimizers.class.getClassLoader(), OptimizerRegistry::load, (base, context) -> base.withPlugins(context,
                    problem -> { }));
    /**
     * The signature of every optimizer and building block below, each one a provider that
     * {@link OptimizerRegistry} lists before the plugins (and, with {@code Schedules.SIGNATURES}, what the build
     * writes the Kotlin face from).
     */
    public static final List<Signature<? extends Transform>> BUILT_IN = List.of(
            GradientDescent.SIGNATURE, Momentum.SIGNATURE, Nesterov.SIGNATURE, Adam.SIGNATURE, AdamW.SIGNATURE,
            Amsgrad.SIGNATURE, Nadam.SIGNATURE, Radam.SIGNATURE, Adamax.SIGNATURE, AdaBelief.SIGNATURE,
            Yogi.SIGNATURE, Rmsprop.SIGNATURE, Adagrad.SIGNATURE, NaturalGradient.SIGNATURE, Newton.SIGNATURE,
            NewtonTrustRegion.SIGNATURE, Lbfgs.SIGNATURE, Bfgs.SIGNATURE, ConjugateGradient.SIGNATURE,
            ScheduleFreeSgd.SIGNATURE, ScheduleFreeAdamw.SIGNATURE, Prodigy.SIGNATURE, Lookahead.SIGNATURE,
            ScheduleFree.SIGNATURE, GlobalNormClip.SIGNATURE, ValueClip.SIGNATURE, WeightDecay.SIGNATURE,
            ScaleByLearningRate.SIGNATURE, ScaleByAdam.SIGNATURE, ScaleByAmsgrad.SIGNATURE, ScaleByNadam.SIGNATURE,
            ScaleByRadam.SIGNATURE, ScaleByAdamax.SIGNATURE, ScaleByAdaBelief.SIGNATURE, ScaleByYogi.SIGNATURE,
            ScaleByRms.SIGNATURE, ScaleByAdagrad.SIGNATURE, PreconditionByMetric.SIGNATURE,
            PreconditionByHessian.SIGNATURE, Trace.SIGNATURE, LbfgsDirection.SIGNATURE, BfgsDirection.SIGNATURE,
            ConjugateGradientDirection.SIGNATURE, TrustRegion.SIGNATURE, WolfeLineSearch.SIGNATURE,
            BacktrackingLineSearch.SIGNATURE, HagerZhangLineSearch.SIGNATURE, PolyakStep.SIGNATURE);

    private Optimizers() {
    }

    /**
     * The registry of every provider on the class path, as the current thread sees it: this library's, joined by
     * those its context class loader adds (a script host's plugins; see {@link ContextRegistry}).
     */
    public static OptimizerRegistry registry() {
        return REGISTRY.current();
    }

    /** The optimizer a spec describes, such as {@code adam(lr=0.01, beta2=0.99)}. */
    public static Optimizer parse(String spec) {
        return registry().parse(spec);
    }

    /** Every provider with its name, description and hyperparameters. */
    public static List<OptimizerProvider> list() {
        return registry().providers();
    }

    /** Every optimizer and schedule with its hyperparameters, as text. */
    public static String describe() {
        return registry().describe();
    }

    /** Gradient descent with every default, {@code gd(lr=0.01)}: x &lt;- x - lr g. */
    public static GradientDescent gd() {
        return GradientDescent.DEFAULT;
    }

    /** Heavy-ball momentum with every default, Polyak's form: {@code momentum().lr(1e-3).momentum(0.9)}. */
    public static Momentum momentum() {
        return Momentum.DEFAULT;
    }

    /** Nesterov momentum with every default, Sutskever et al.'s form. */
    public static Nesterov nesterov() {
        return Nesterov.DEFAULT;
    }

    /** Adam with the paper's defaults: {@code adam().lr(0.01).beta2(0.99)}. */
    public static Adam adam() {
        return Adam.DEFAULT;
    }

    /** AdamW (Adam with decoupled weight decay) with every default. */
    public static AdamW adamw() {
        return AdamW.DEFAULT;
    }

    /** AMSGrad with every default. */
    public static Amsgrad amsgrad() {
        return Amsgrad.DEFAULT;
    }

    /** NAdam with every default (PyTorch's: Dozat's momentum schedule, lr = 0.002). */
    public static Nadam nadam() {
        return Nadam.DEFAULT;
    }

    /** RAdam with every default (PyTorch's: rectified once rho_t &gt; 5). */
    public static Radam radam() {
        return Radam.DEFAULT;
    }

    /** Adamax with every default (the paper's and PyTorch's, lr = 0.002). */
    public static Adamax adamax() {
        return Adamax.DEFAULT;
    }

    /** AdaBelief with every default (the authors' code's and optax's, eps = epsRoot = 1e-16). */
    public static AdaBelief adabelief() {
        return AdaBelief.DEFAULT;
    }

    /** Yogi with every default (lr = 0.01, eps = 1e-3, v0 = 1e-6; optax's bias-corrected form). */
    public static Yogi yogi() {
        return Yogi.DEFAULT;
    }

    /** RMSProp with every default (plain, eps inside the root). */
    public static Rmsprop rmsprop() {
        return Rmsprop.DEFAULT;
    }

    /** Adagrad with every default. */
    public static Adagrad adagrad() {
        return Adagrad.DEFAULT;
    }

    /** Natural gradient with every default (an objective without a metric is an error). */
    public static NaturalGradient natural() {
        return NaturalGradient.DEFAULT;
    }

    /** Damped Newton with every default: the full step, indefinite Hessians shifted. */
    public static Newton newton() {
        return Newton.DEFAULT;
    }

    /** Trust-region Newton with every default, {@code newton-tr(method=steihaug, radius=1.0, ...)}. */
    public static NewtonTrustRegion newtonTr() {
        return NewtonTrustRegion.DEFAULT;
    }

    /** L-BFGS with every default, {@code lbfgs(memory=10, linesearch=wolfe, ...)}: {@code lbfgs().memory(5)}. */
    public static Lbfgs lbfgs() {
        return Lbfgs.DEFAULT;
    }

    /** BFGS with a dense inverse Hessian and every default: a strong Wolfe search that tries the unit step first. */
    public static Bfgs bfgs() {
        return Bfgs.DEFAULT;
    }

    /** Nonlinear conjugate gradients with every default: Polak-Ribiere+, a strong Wolfe search with c2 = 0.1. */
    public static ConjugateGradient cg() {
        return ConjugateGradient.DEFAULT;
    }

    /** Schedule-Free SGD with every default (Defazio et al. 2024): lr = 1, beta = 0.9, no warm-up. */
    public static ScheduleFreeSgd scheduleFreeSgd() {
        return ScheduleFreeSgd.DEFAULT;
    }

    /** Schedule-Free AdamW with every default (Defazio et al. 2024), the reference package's. */
    public static ScheduleFreeAdamw scheduleFreeAdamw() {
        return ScheduleFreeAdamw.DEFAULT;
    }

    /** Prodigy with every default (Mishchenko and Defazio 2024), the reference package's. */
    public static Prodigy prodigy() {
        return Prodigy.DEFAULT;
    }

    /** Lookahead around Adam with every default (Zhang et al. 2019): k = 5, alpha = 0.5. */
    public static Lookahead lookahead() {
        return Lookahead.DEFAULT;
    }

    /** The building block of Schedule-Free averaging, around SGD by default ({@code scheduleFree()}). */
    public static ScheduleFree scheduleFree() {
        return ScheduleFree.DEFAULT;
    }

    /** The building block clipping by global norm, {@code clip(norm=1.0)}. */
    public static GlobalNormClip clip() {
        return GlobalNormClip.DEFAULT;
    }

    /** The building block clipping each component, {@code clipValue(value=1.0)}. */
    public static ValueClip clipValue() {
        return ValueClip.DEFAULT;
    }

    /** The building block adding decayed weights, {@code weightDecay(rate=1.0E-4)}. */
    public static WeightDecay weightDecay() {
        return WeightDecay.DEFAULT;
    }

    /** The building block u = -lr d, {@code scale(lr=0.01)}. */
    public static ScaleByLearningRate scale() {
        return ScaleByLearningRate.DEFAULT;
    }

    /** The building block of Adam's direction, before the learning rate. */
    public static ScaleByAdam scaleByAdam() {
        return ScaleByAdam.DEFAULT;
    }

    /** The building block of AMSGrad's direction, before the learning rate. */
    public static ScaleByAmsgrad scaleByAmsgrad() {
        return ScaleByAmsgrad.DEFAULT;
    }

    /** The building block of NAdam's direction, before the learning rate. */
    public static ScaleByNadam scaleByNadam() {
        return ScaleByNadam.DEFAULT;
    }

    /** The building block of RAdam's direction, before the learning rate. */
    public static ScaleByRadam scaleByRadam() {
        return ScaleByRadam.DEFAULT;
    }

    /** The building block of Adamax's direction, before the learning rate. */
    public static ScaleByAdamax scaleByAdamax() {
        return ScaleByAdamax.DEFAULT;
    }

    /** The building block of AdaBelief's direction, before the learning rate. */
    public static ScaleByAdaBelief scaleByAdaBelief() {
        return ScaleByAdaBelief.DEFAULT;
    }

    /** The building block of Yogi's direction, before the learning rate. */
    public static ScaleByYogi scaleByYogi() {
        return ScaleByYogi.DEFAULT;
    }

    /** The building block of RMSProp's direction, before the learning rate. */
    public static ScaleByRms scaleByRms() {
        return ScaleByRms.DEFAULT;
    }

    /** The building block of Adagrad's direction, before the learning rate. */
    public static ScaleByAdagrad scaleByAdagrad() {
        return ScaleByAdagrad.DEFAULT;
    }

    /** The building block of the natural gradient's direction, before the learning rate. */
    public static PreconditionByMetric preconditionByMetric() {
        return PreconditionByMetric.DEFAULT;
    }

    /** The building block of Newton's direction, before the learning rate. */
    public static PreconditionByHessian preconditionByHessian() {
        return PreconditionByHessian.DEFAULT;
    }

    /** The building block of momentum, optax's {@code trace(decay=0.9, nesterov=false)}. */
    public static Trace trace() {
        return Trace.DEFAULT;
    }

    /** The building block of L-BFGS's direction, before its line search. */
    public static LbfgsDirection lbfgsDirection() {
        return LbfgsDirection.DEFAULT;
    }

    /** The building block of BFGS's direction, before its line search. */
    public static BfgsDirection bfgsDirection() {
        return BfgsDirection.DEFAULT;
    }

    /** The building block of the conjugate-gradient direction, before its line search. */
    public static ConjugateGradientDirection cgDirection() {
        return ConjugateGradientDirection.DEFAULT;
    }

    /** The building block of one trust-region Newton iteration, {@code trustRegion(method=steihaug, ...)}. */
    public static TrustRegion trustRegion() {
        return TrustRegion.DEFAULT;
    }

    /**
     * The strong Wolfe line search along the incoming direction, {@code wolfe(c1=1.0E-4, c2=0.9, ...)}; alone it is
     * steepest descent with that search: {@code chain(gd().lr(0.001), wolfe().c2(0.1))}.
     */
    public static WolfeLineSearch wolfe() {
        return WolfeLineSearch.DEFAULT;
    }

    /** Armijo backtracking along the incoming direction, {@code backtracking(c1=1.0E-4, shrink=0.5, ...)}. */
    public static BacktrackingLineSearch backtracking() {
        return BacktrackingLineSearch.DEFAULT;
    }

    /** Hager and Zhang's line search along the incoming direction, with the paper's constants. */
    public static HagerZhangLineSearch hagerZhang() {
        return HagerZhangLineSearch.DEFAULT;
    }

    /** Polyak's step along the incoming direction, {@code polyak(fStar=0.0, scale=1.0)}. */
    public static PolyakStep polyak() {
        return PolyakStep.DEFAULT;
    }

    /** The optimizer that applies the given transforms in order: {@code chain(clip().norm(10), momentum())}. */
    public static Chain chain(Transform... links) {
        return Optimizer.chain(links);
    }
}
