/**
 * The Kotlin face of the optimizers: a function per named optimizer, building block and schedule, with named
 * parameters whose defaults are the typed values' own, so that
 * ```
 * adam(lr = 0.01, beta2 = 0.99)
 * chain(clip(norm = 10.0), nesterov(lr = cosine(init = 0.05, steps = 1500)))
 * ```
 * are the values `Optimizers.parse("adam(lr=0.01, beta2=0.99)")` and so on give, and print those specs. Every value
 * goes through its record's constructor, so an out-of-range one is refused with the text spec's message, less its
 * column. A learning rate is a number or a schedule: each function taking `lr` has both overloads.
 */
@file:JvmName("Factories")

package dev.fluxion.optimizers.kotlin

import dev.fluxion.optimizers.Chain
import dev.fluxion.optimizers.Transform
import dev.fluxion.optimizers.linesearch.BacktrackingLineSearch
import dev.fluxion.optimizers.linesearch.HagerZhangLineSearch
import dev.fluxion.optimizers.linesearch.PolyakStep
import dev.fluxion.optimizers.linesearch.WolfeLineSearch
import dev.fluxion.optimizers.named.Adagrad
import dev.fluxion.optimizers.named.Adam
import dev.fluxion.optimizers.named.AdamW
import dev.fluxion.optimizers.named.Amsgrad
import dev.fluxion.optimizers.named.Bfgs
import dev.fluxion.optimizers.named.ConjugateGradient
import dev.fluxion.optimizers.named.GradientDescent
import dev.fluxion.optimizers.named.Lbfgs
import dev.fluxion.optimizers.named.Momentum
import dev.fluxion.optimizers.named.NaturalGradient
import dev.fluxion.optimizers.named.Nesterov
import dev.fluxion.optimizers.named.Newton
import dev.fluxion.optimizers.named.NewtonTrustRegion
import dev.fluxion.optimizers.named.Rmsprop
import dev.fluxion.optimizers.schedule.ConstantSchedule
import dev.fluxion.optimizers.schedule.CosineDecaySchedule
import dev.fluxion.optimizers.schedule.ExponentialDecaySchedule
import dev.fluxion.optimizers.schedule.InverseTimeDecaySchedule
import dev.fluxion.optimizers.schedule.JoinedSchedule
import dev.fluxion.optimizers.schedule.LinearWarmupSchedule
import dev.fluxion.optimizers.schedule.Schedule
import dev.fluxion.optimizers.schedule.StepDecaySchedule
import dev.fluxion.optimizers.transform.BfgsDirection
import dev.fluxion.optimizers.transform.ConjugateGradientDirection
import dev.fluxion.optimizers.transform.GlobalNormClip
import dev.fluxion.optimizers.transform.LbfgsDirection
import dev.fluxion.optimizers.transform.PreconditionByHessian
import dev.fluxion.optimizers.transform.PreconditionByMetric
import dev.fluxion.optimizers.transform.ScaleByAdagrad
import dev.fluxion.optimizers.transform.ScaleByAdam
import dev.fluxion.optimizers.transform.ScaleByAmsgrad
import dev.fluxion.optimizers.transform.ScaleByLearningRate
import dev.fluxion.optimizers.transform.ScaleByRms
import dev.fluxion.optimizers.transform.Trace
import dev.fluxion.optimizers.transform.TrustRegion
import dev.fluxion.optimizers.transform.ValueClip
import dev.fluxion.optimizers.transform.WeightDecay

// ---- named optimizers ----------------------------------------------------------------------------------------

/** Gradient descent, `gd(lr=...)`: x <- x - lr g ([GradientDescent]). */
fun gd(lr: Schedule = GradientDescent.DEFAULT.lr()): GradientDescent = GradientDescent(lr)

/** Gradient descent with a constant learning rate, checked as `gd(lr=...)` checks it. */
fun gd(lr: Double): GradientDescent = GradientDescent(GradientDescent.DEFAULT.lr(lr).lr())

/** Heavy-ball momentum, `momentum(lr=..., momentum=..., lrInBuffer=...)` ([Momentum]). */
fun momentum(
    lr: Schedule = Momentum.DEFAULT.lr(),
    momentum: Double = Momentum.DEFAULT.momentum(),
    lrInBuffer: Boolean = Momentum.DEFAULT.lrInBuffer(),
): Momentum = Momentum(lr, momentum, lrInBuffer)

/** Heavy-ball momentum with a constant learning rate, checked as `momentum(lr=...)` checks it. */
fun momentum(
    lr: Double,
    momentum: Double = Momentum.DEFAULT.momentum(),
    lrInBuffer: Boolean = Momentum.DEFAULT.lrInBuffer(),
): Momentum = Momentum(Momentum.DEFAULT.lr(lr).lr(), momentum, lrInBuffer)

/** Nesterov momentum, `nesterov(lr=..., momentum=..., lrInBuffer=...)` ([Nesterov]). */
fun nesterov(
    lr: Schedule = Nesterov.DEFAULT.lr(),
    momentum: Double = Nesterov.DEFAULT.momentum(),
    lrInBuffer: Boolean = Nesterov.DEFAULT.lrInBuffer(),
): Nesterov = Nesterov(lr, momentum, lrInBuffer)

/** Nesterov momentum with a constant learning rate, checked as `nesterov(lr=...)` checks it. */
fun nesterov(
    lr: Double,
    momentum: Double = Nesterov.DEFAULT.momentum(),
    lrInBuffer: Boolean = Nesterov.DEFAULT.lrInBuffer(),
): Nesterov = Nesterov(Nesterov.DEFAULT.lr(lr).lr(), momentum, lrInBuffer)

/** Adam, `adam(lr=..., beta1=..., beta2=..., eps=..., epsInsideSqrt=..., biasCorrection=...)` ([Adam]). */
fun adam(
    lr: Schedule = Adam.DEFAULT.lr(),
    beta1: Double = Adam.DEFAULT.beta1(),
    beta2: Double = Adam.DEFAULT.beta2(),
    eps: Double = Adam.DEFAULT.eps(),
    epsInsideSqrt: Boolean = Adam.DEFAULT.epsInsideSqrt(),
    biasCorrection: Boolean = Adam.DEFAULT.biasCorrection(),
): Adam = Adam(lr, beta1, beta2, eps, epsInsideSqrt, biasCorrection)

/** Adam with a constant learning rate, checked as `adam(lr=...)` checks it. */
fun adam(
    lr: Double,
    beta1: Double = Adam.DEFAULT.beta1(),
    beta2: Double = Adam.DEFAULT.beta2(),
    eps: Double = Adam.DEFAULT.eps(),
    epsInsideSqrt: Boolean = Adam.DEFAULT.epsInsideSqrt(),
    biasCorrection: Boolean = Adam.DEFAULT.biasCorrection(),
): Adam = Adam(Adam.DEFAULT.lr(lr).lr(), beta1, beta2, eps, epsInsideSqrt, biasCorrection)

/** AdamW, `adamw(lr=..., beta1=..., beta2=..., eps=..., epsInsideSqrt=..., weightDecay=...)` ([AdamW]). */
fun adamw(
    lr: Schedule = AdamW.DEFAULT.lr(),
    beta1: Double = AdamW.DEFAULT.beta1(),
    beta2: Double = AdamW.DEFAULT.beta2(),
    eps: Double = AdamW.DEFAULT.eps(),
    epsInsideSqrt: Boolean = AdamW.DEFAULT.epsInsideSqrt(),
    weightDecay: Double = AdamW.DEFAULT.weightDecay(),
): AdamW = AdamW(lr, beta1, beta2, eps, epsInsideSqrt, weightDecay)

/** AdamW with a constant learning rate, checked as `adamw(lr=...)` checks it. */
fun adamw(
    lr: Double,
    beta1: Double = AdamW.DEFAULT.beta1(),
    beta2: Double = AdamW.DEFAULT.beta2(),
    eps: Double = AdamW.DEFAULT.eps(),
    epsInsideSqrt: Boolean = AdamW.DEFAULT.epsInsideSqrt(),
    weightDecay: Double = AdamW.DEFAULT.weightDecay(),
): AdamW = AdamW(AdamW.DEFAULT.lr(lr).lr(), beta1, beta2, eps, epsInsideSqrt, weightDecay)

/** AMSGrad, `amsgrad(lr=..., beta1=..., beta2=..., eps=..., epsInsideSqrt=..., maxOfCorrected=...)` ([Amsgrad]). */
fun amsgrad(
    lr: Schedule = Amsgrad.DEFAULT.lr(),
    beta1: Double = Amsgrad.DEFAULT.beta1(),
    beta2: Double = Amsgrad.DEFAULT.beta2(),
    eps: Double = Amsgrad.DEFAULT.eps(),
    epsInsideSqrt: Boolean = Amsgrad.DEFAULT.epsInsideSqrt(),
    maxOfCorrected: Boolean = Amsgrad.DEFAULT.maxOfCorrected(),
): Amsgrad = Amsgrad(lr, beta1, beta2, eps, epsInsideSqrt, maxOfCorrected)

/** AMSGrad with a constant learning rate, checked as `amsgrad(lr=...)` checks it. */
fun amsgrad(
    lr: Double,
    beta1: Double = Amsgrad.DEFAULT.beta1(),
    beta2: Double = Amsgrad.DEFAULT.beta2(),
    eps: Double = Amsgrad.DEFAULT.eps(),
    epsInsideSqrt: Boolean = Amsgrad.DEFAULT.epsInsideSqrt(),
    maxOfCorrected: Boolean = Amsgrad.DEFAULT.maxOfCorrected(),
): Amsgrad = Amsgrad(Amsgrad.DEFAULT.lr(lr).lr(), beta1, beta2, eps, epsInsideSqrt, maxOfCorrected)

/**
 * RMSProp, `rmsprop(lr=..., decay=..., eps=..., epsInsideSqrt=..., centered=..., initialAccumulator=...)`
 * ([Rmsprop]).
 */
fun rmsprop(
    lr: Schedule = Rmsprop.DEFAULT.lr(),
    decay: Double = Rmsprop.DEFAULT.decay(),
    eps: Double = Rmsprop.DEFAULT.eps(),
    epsInsideSqrt: Boolean = Rmsprop.DEFAULT.epsInsideSqrt(),
    centered: Boolean = Rmsprop.DEFAULT.centered(),
    initialAccumulator: Double = Rmsprop.DEFAULT.initialAccumulator(),
): Rmsprop = Rmsprop(lr, decay, eps, epsInsideSqrt, centered, initialAccumulator)

/** RMSProp with a constant learning rate, checked as `rmsprop(lr=...)` checks it. */
fun rmsprop(
    lr: Double,
    decay: Double = Rmsprop.DEFAULT.decay(),
    eps: Double = Rmsprop.DEFAULT.eps(),
    epsInsideSqrt: Boolean = Rmsprop.DEFAULT.epsInsideSqrt(),
    centered: Boolean = Rmsprop.DEFAULT.centered(),
    initialAccumulator: Double = Rmsprop.DEFAULT.initialAccumulator(),
): Rmsprop = Rmsprop(Rmsprop.DEFAULT.lr(lr).lr(), decay, eps, epsInsideSqrt, centered, initialAccumulator)

/** Adagrad, `adagrad(lr=..., eps=..., epsInsideSqrt=..., initialAccumulator=...)` ([Adagrad]). */
fun adagrad(
    lr: Schedule = Adagrad.DEFAULT.lr(),
    eps: Double = Adagrad.DEFAULT.eps(),
    epsInsideSqrt: Boolean = Adagrad.DEFAULT.epsInsideSqrt(),
    initialAccumulator: Double = Adagrad.DEFAULT.initialAccumulator(),
): Adagrad = Adagrad(lr, eps, epsInsideSqrt, initialAccumulator)

/** Adagrad with a constant learning rate, checked as `adagrad(lr=...)` checks it. */
fun adagrad(
    lr: Double,
    eps: Double = Adagrad.DEFAULT.eps(),
    epsInsideSqrt: Boolean = Adagrad.DEFAULT.epsInsideSqrt(),
    initialAccumulator: Double = Adagrad.DEFAULT.initialAccumulator(),
): Adagrad = Adagrad(Adagrad.DEFAULT.lr(lr).lr(), eps, epsInsideSqrt, initialAccumulator)

/** Natural gradient, `natural(lr=..., damping=..., fallback=none|hessian|identity)` ([NaturalGradient]). */
fun natural(
    lr: Schedule = NaturalGradient.DEFAULT.lr(),
    damping: Double = NaturalGradient.DEFAULT.damping(),
    fallback: String = NaturalGradient.DEFAULT.fallback(),
): NaturalGradient = NaturalGradient(lr, damping, fallback)

/** Natural gradient with a constant learning rate, checked as `natural(lr=...)` checks it. */
fun natural(
    lr: Double,
    damping: Double = NaturalGradient.DEFAULT.damping(),
    fallback: String = NaturalGradient.DEFAULT.fallback(),
): NaturalGradient = NaturalGradient(NaturalGradient.DEFAULT.lr(lr).lr(), damping, fallback)

/** Damped Newton, `newton(lr=..., indefinite=shift|abs|fail, minShift=...)` ([Newton]). */
fun newton(
    lr: Schedule = Newton.DEFAULT.lr(),
    indefinite: String = Newton.DEFAULT.indefinite(),
    minShift: Double = Newton.DEFAULT.minShift(),
): Newton = Newton(lr, indefinite, minShift)

/** Damped Newton with a constant learning rate, checked as `newton(lr=...)` checks it. */
fun newton(
    lr: Double,
    indefinite: String = Newton.DEFAULT.indefinite(),
    minShift: Double = Newton.DEFAULT.minShift(),
): Newton = Newton(Newton.DEFAULT.lr(lr).lr(), indefinite, minShift)

/**
 * Limited-memory BFGS, `lbfgs(memory=..., linesearch=wolfe|backtracking|hagerZhang, c1=..., c2=..., curvatureEps=...)`
 * ([Lbfgs]).
 */
fun lbfgs(
    memory: Long = Lbfgs.DEFAULT.memory(),
    linesearch: String = Lbfgs.DEFAULT.linesearch(),
    c1: Double = Lbfgs.DEFAULT.c1(),
    c2: Double = Lbfgs.DEFAULT.c2(),
    curvatureEps: Double = Lbfgs.DEFAULT.curvatureEps(),
): Lbfgs = Lbfgs(memory, linesearch, c1, c2, curvatureEps)

/** BFGS with a dense inverse Hessian, `bfgs(linesearch=..., c1=..., c2=..., curvatureEps=...)` ([Bfgs]). */
fun bfgs(
    linesearch: String = Bfgs.DEFAULT.linesearch(),
    c1: Double = Bfgs.DEFAULT.c1(),
    c2: Double = Bfgs.DEFAULT.c2(),
    curvatureEps: Double = Bfgs.DEFAULT.curvatureEps(),
): Bfgs = Bfgs(linesearch, c1, c2, curvatureEps)

/**
 * Nonlinear conjugate gradients, `cg(variant=fr|prplus|hs|hz, restartEvery=..., linesearch=..., c1=..., c2=...)`
 * ([ConjugateGradient]).
 */
fun cg(
    variant: String = ConjugateGradient.DEFAULT.variant(),
    restartEvery: Long = ConjugateGradient.DEFAULT.restartEvery(),
    linesearch: String = ConjugateGradient.DEFAULT.linesearch(),
    c1: Double = ConjugateGradient.DEFAULT.c1(),
    c2: Double = ConjugateGradient.DEFAULT.c2(),
): ConjugateGradient = ConjugateGradient(variant, restartEvery, linesearch, c1, c2)

/**
 * Trust-region Newton, `newton-tr(method=steihaug|dogleg, radius=..., maxRadius=..., eta=..., cgTolerance=...)`
 * ([NewtonTrustRegion]).
 */
fun newtonTr(
    method: String = NewtonTrustRegion.DEFAULT.method(),
    radius: Double = NewtonTrustRegion.DEFAULT.radius(),
    maxRadius: Double = NewtonTrustRegion.DEFAULT.maxRadius(),
    eta: Double = NewtonTrustRegion.DEFAULT.eta(),
    cgTolerance: Double = NewtonTrustRegion.DEFAULT.cgTolerance(),
): NewtonTrustRegion = NewtonTrustRegion(method, radius, maxRadius, eta, cgTolerance)

// ---- building blocks ------------------------------------------------------------------------------------------

/** The transforms applied in order, `chain(T1, T2, ...)` ([Chain], optax's `chain`). */
fun chain(vararg links: Transform): Chain = Chain(links.toList())

/** Clipping by global norm, `clip(norm=...)` ([GlobalNormClip]). */
fun clip(norm: Double = GlobalNormClip.DEFAULT.norm()): GlobalNormClip = GlobalNormClip(norm)

/** Clipping of each component, `clipValue(value=...)` ([ValueClip]). */
fun clipValue(value: Double = ValueClip.DEFAULT.value()): ValueClip = ValueClip(value)

/** Decayed weights added to the direction, `weightDecay(rate=...)` ([WeightDecay]). */
fun weightDecay(rate: Double = WeightDecay.DEFAULT.rate()): WeightDecay = WeightDecay(rate)

/** The step u = -lr d, `scale(lr=...)` ([ScaleByLearningRate]). */
fun scale(lr: Schedule = ScaleByLearningRate.DEFAULT.lr()): ScaleByLearningRate = ScaleByLearningRate(lr)

/** The step u = -lr d with a constant learning rate, checked as `scale(lr=...)` checks it. */
fun scale(lr: Double): ScaleByLearningRate = ScaleByLearningRate(ScaleByLearningRate.DEFAULT.lr(lr).lr())

/**
 * Adam's direction, `scaleByAdam(beta1=..., beta2=..., eps=..., epsInsideSqrt=..., biasCorrection=...)`
 * ([ScaleByAdam]).
 */
fun scaleByAdam(
    beta1: Double = ScaleByAdam.DEFAULT.beta1(),
    beta2: Double = ScaleByAdam.DEFAULT.beta2(),
    eps: Double = ScaleByAdam.DEFAULT.eps(),
    epsInsideSqrt: Boolean = ScaleByAdam.DEFAULT.epsInsideSqrt(),
    biasCorrection: Boolean = ScaleByAdam.DEFAULT.biasCorrection(),
): ScaleByAdam = ScaleByAdam(beta1, beta2, eps, epsInsideSqrt, biasCorrection)

/**
 * AMSGrad's direction, `scaleByAmsgrad(beta1=..., beta2=..., eps=..., epsInsideSqrt=..., maxOfCorrected=...)`
 * ([ScaleByAmsgrad]).
 */
fun scaleByAmsgrad(
    beta1: Double = ScaleByAmsgrad.DEFAULT.beta1(),
    beta2: Double = ScaleByAmsgrad.DEFAULT.beta2(),
    eps: Double = ScaleByAmsgrad.DEFAULT.eps(),
    epsInsideSqrt: Boolean = ScaleByAmsgrad.DEFAULT.epsInsideSqrt(),
    maxOfCorrected: Boolean = ScaleByAmsgrad.DEFAULT.maxOfCorrected(),
): ScaleByAmsgrad = ScaleByAmsgrad(beta1, beta2, eps, epsInsideSqrt, maxOfCorrected)

/**
 * RMSProp's direction, `scaleByRms(decay=..., eps=..., epsInsideSqrt=..., centered=..., initialAccumulator=...)`
 * ([ScaleByRms]).
 */
fun scaleByRms(
    decay: Double = ScaleByRms.DEFAULT.decay(),
    eps: Double = ScaleByRms.DEFAULT.eps(),
    epsInsideSqrt: Boolean = ScaleByRms.DEFAULT.epsInsideSqrt(),
    centered: Boolean = ScaleByRms.DEFAULT.centered(),
    initialAccumulator: Double = ScaleByRms.DEFAULT.initialAccumulator(),
): ScaleByRms = ScaleByRms(decay, eps, epsInsideSqrt, centered, initialAccumulator)

/** Adagrad's direction, `scaleByAdagrad(eps=..., epsInsideSqrt=..., initialAccumulator=...)` ([ScaleByAdagrad]). */
fun scaleByAdagrad(
    eps: Double = ScaleByAdagrad.DEFAULT.eps(),
    epsInsideSqrt: Boolean = ScaleByAdagrad.DEFAULT.epsInsideSqrt(),
    initialAccumulator: Double = ScaleByAdagrad.DEFAULT.initialAccumulator(),
): ScaleByAdagrad = ScaleByAdagrad(eps, epsInsideSqrt, initialAccumulator)

/** The natural gradient's direction, `preconditionByMetric(damping=..., fallback=...)` ([PreconditionByMetric]). */
fun preconditionByMetric(
    damping: Double = PreconditionByMetric.DEFAULT.damping(),
    fallback: String = PreconditionByMetric.DEFAULT.fallback(),
): PreconditionByMetric = PreconditionByMetric(damping, fallback)

/** Newton's direction, `preconditionByHessian(indefinite=..., minShift=...)` ([PreconditionByHessian]). */
fun preconditionByHessian(
    indefinite: String = PreconditionByHessian.DEFAULT.indefinite(),
    minShift: Double = PreconditionByHessian.DEFAULT.minShift(),
): PreconditionByHessian = PreconditionByHessian(indefinite, minShift)

/** Momentum's buffer, optax's `trace(decay=..., nesterov=...)` ([Trace]). */
fun trace(
    decay: Double = Trace.DEFAULT.decay(),
    nesterov: Boolean = Trace.DEFAULT.nesterov(),
): Trace = Trace(decay, nesterov)

/** L-BFGS's direction, `lbfgsDirection(memory=..., curvatureEps=...)` ([LbfgsDirection]). */
fun lbfgsDirection(
    memory: Long = LbfgsDirection.DEFAULT.memory(),
    curvatureEps: Double = LbfgsDirection.DEFAULT.curvatureEps(),
): LbfgsDirection = LbfgsDirection(memory, curvatureEps)

/** BFGS's direction, `bfgsDirection(curvatureEps=...)` ([BfgsDirection]). */
fun bfgsDirection(curvatureEps: Double = BfgsDirection.DEFAULT.curvatureEps()): BfgsDirection =
    BfgsDirection(curvatureEps)

/** The conjugate-gradient direction, `cgDirection(variant=..., restartEvery=...)` ([ConjugateGradientDirection]). */
fun cgDirection(
    variant: String = ConjugateGradientDirection.DEFAULT.variant(),
    restartEvery: Long = ConjugateGradientDirection.DEFAULT.restartEvery(),
): ConjugateGradientDirection = ConjugateGradientDirection(variant, restartEvery)

/** One trust-region Newton iteration, `trustRegion(method=..., radius=..., ...)` ([TrustRegion]). */
fun trustRegion(
    method: String = TrustRegion.DEFAULT.method(),
    radius: Double = TrustRegion.DEFAULT.radius(),
    maxRadius: Double = TrustRegion.DEFAULT.maxRadius(),
    eta: Double = TrustRegion.DEFAULT.eta(),
    cgTolerance: Double = TrustRegion.DEFAULT.cgTolerance(),
): TrustRegion = TrustRegion(method, radius, maxRadius, eta, cgTolerance)

// ---- line searches --------------------------------------------------------------------------------------------

/**
 * The strong Wolfe line search, `wolfe(c1=..., c2=..., init=..., guess=constant|quadratic, maxEvals=...)`
 * ([WolfeLineSearch]).
 */
fun wolfe(
    c1: Double = WolfeLineSearch.DEFAULT.c1(),
    c2: Double = WolfeLineSearch.DEFAULT.c2(),
    init: Double = WolfeLineSearch.DEFAULT.init(),
    guess: String = WolfeLineSearch.DEFAULT.guess(),
    maxEvals: Long = WolfeLineSearch.DEFAULT.maxEvals(),
): WolfeLineSearch = WolfeLineSearch(c1, c2, init, guess, maxEvals)

/**
 * Armijo backtracking, `backtracking(c1=..., shrink=..., init=..., guess=constant|quadratic, maxEvals=...)`
 * ([BacktrackingLineSearch]).
 */
fun backtracking(
    c1: Double = BacktrackingLineSearch.DEFAULT.c1(),
    shrink: Double = BacktrackingLineSearch.DEFAULT.shrink(),
    init: Double = BacktrackingLineSearch.DEFAULT.init(),
    guess: String = BacktrackingLineSearch.DEFAULT.guess(),
    maxEvals: Long = BacktrackingLineSearch.DEFAULT.maxEvals(),
): BacktrackingLineSearch = BacktrackingLineSearch(c1, shrink, init, guess, maxEvals)

/**
 * Hager and Zhang's line search, `hagerZhang(c1=..., c2=..., epsilon=..., init=..., guess=..., maxEvals=...)`
 * ([HagerZhangLineSearch]).
 */
fun hagerZhang(
    c1: Double = HagerZhangLineSearch.DEFAULT.c1(),
    c2: Double = HagerZhangLineSearch.DEFAULT.c2(),
    epsilon: Double = HagerZhangLineSearch.DEFAULT.epsilon(),
    init: Double = HagerZhangLineSearch.DEFAULT.init(),
    guess: String = HagerZhangLineSearch.DEFAULT.guess(),
    maxEvals: Long = HagerZhangLineSearch.DEFAULT.maxEvals(),
): HagerZhangLineSearch = HagerZhangLineSearch(c1, c2, epsilon, init, guess, maxEvals)

/** Polyak's step, `polyak(fStar=..., scale=..., fromFacts=...)` ([PolyakStep]). */
fun polyak(
    fStar: Double = PolyakStep.DEFAULT.fStar(),
    scale: Double = PolyakStep.DEFAULT.scale(),
    fromFacts: Boolean = PolyakStep.DEFAULT.fromFacts(),
): PolyakStep = PolyakStep(fStar, scale, fromFacts)

// ---- schedules ----------------------------------------------------------------------------------------------

/** The same rate at every step, `constant(value=...)` ([ConstantSchedule]). */
fun constant(value: Double = ConstantSchedule.DEFAULT.value()): ConstantSchedule = ConstantSchedule(value)

/**
 * Piecewise-constant decay init * factor^floor(t / every), `step(init=..., factor=..., every=...)`
 * ([StepDecaySchedule]).
 */
fun step(
    init: Double = StepDecaySchedule.DEFAULT.init(),
    factor: Double = StepDecaySchedule.DEFAULT.factor(),
    every: Long = StepDecaySchedule.DEFAULT.every(),
): StepDecaySchedule = StepDecaySchedule(init, factor, every)

/** Smooth decay init * rate^(t / steps), `exponential(init=..., rate=..., steps=...)` ([ExponentialDecaySchedule]). */
fun exponential(
    init: Double = ExponentialDecaySchedule.DEFAULT.init(),
    rate: Double = ExponentialDecaySchedule.DEFAULT.rate(),
    steps: Long = ExponentialDecaySchedule.DEFAULT.steps(),
): ExponentialDecaySchedule = ExponentialDecaySchedule(init, rate, steps)

/** Decay init / (1 + rate t / steps), `inverseTime(init=..., rate=..., steps=...)` ([InverseTimeDecaySchedule]). */
fun inverseTime(
    init: Double = InverseTimeDecaySchedule.DEFAULT.init(),
    rate: Double = InverseTimeDecaySchedule.DEFAULT.rate(),
    steps: Long = InverseTimeDecaySchedule.DEFAULT.steps(),
): InverseTimeDecaySchedule = InverseTimeDecaySchedule(init, rate, steps)

/** Cosine annealing from init to final over steps, `cosine(init=..., steps=..., final=...)` ([CosineDecaySchedule]). */
fun cosine(
    init: Double = CosineDecaySchedule.DEFAULT.init(),
    steps: Long = CosineDecaySchedule.DEFAULT.steps(),
    final: Double = CosineDecaySchedule.DEFAULT.end(),
): CosineDecaySchedule = CosineDecaySchedule(init, steps, final)

/**
 * A linear ramp from start to then(0) over steps, then the schedule then, `warmup(steps=..., start=..., then=...)`
 * ([LinearWarmupSchedule]).
 */
fun warmup(
    steps: Long = LinearWarmupSchedule.DEFAULT.steps(),
    start: Double = LinearWarmupSchedule.DEFAULT.start(),
    then: Schedule = LinearWarmupSchedule.DEFAULT.then(),
): LinearWarmupSchedule = LinearWarmupSchedule(steps, start, then)

/** A linear ramp from start to the constant rate then over steps, checked as `warmup(then=...)` checks it. */
fun warmup(
    steps: Long = LinearWarmupSchedule.DEFAULT.steps(),
    start: Double = LinearWarmupSchedule.DEFAULT.start(),
    then: Double,
): LinearWarmupSchedule =
    LinearWarmupSchedule(steps, start, LinearWarmupSchedule.HYPERPARAMETERS[2].constant(LinearWarmupSchedule.NAME, then))

/** first for t < at, then second from its own t = 0, `join(first, second, at=...)` ([JoinedSchedule]). */
fun join(
    first: Schedule,
    second: Schedule,
    at: Long = JoinedSchedule.HYPERPARAMETERS[2].defaultValue() as Long,
): JoinedSchedule = JoinedSchedule(first, second, at)
