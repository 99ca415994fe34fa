package dev.fluxion.optimizers

/**
 * Rosenbrock's valley, from (-1.2, 1) unless said otherwise: curved, badly conditioned, with an indefinite Hessian
 * where y > x^2 + 1/200 (Newton's path from (-1.2, 1) never goes there; from (0.5, 1) it starts there).
 */
private fun rosenbrock(spec: String, start: List<Double> = listOf(-1.2, 1.0)) =
    TrajectoryCase(spec, "rosenbrock", "(1 - x)^2 + 100*(y - x^2)^2", listOf("x", "y"), start)

/** Beale's function from (1, 1): flat plateaus and steep walls, minimum at (3, 0.5). */
private fun beale(spec: String) = TrajectoryCase(spec, "beale",
    "(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2", listOf("x", "y"), listOf(1.0, 1.0))

/**
 * A convex quadratic in five variables with off-diagonal terms: Hessian 2 diag(2, 3, 4, 5, 6) plus 1 between
 * neighbours (cyclically), diagonally dominant and so positive definite. Five components also reach the tails of
 * loops unrolled by four.
 */
private fun quadratic(spec: String) = TrajectoryCase(spec, "quadratic5",
    "2*x1^2 + 3*x2^2 + 4*x3^2 + 5*x4^2 + 6*x5^2 + x1*x2 + x2*x3 + x3*x4 + x4*x5 + x5*x1 - x1 + 2*x3 - x5",
    listOf("x1", "x2", "x3", "x4", "x5"), listOf(1.0, -1.0, 2.0, 0.5, -2.0))

/** A saddle at the origin, x^2 - y^2 + y^4 / 10, with minima at (0, +-sqrt 5); indefinite for |y| < sqrt(5/3). */
private fun saddle(spec: String) =
    TrajectoryCase(spec, "saddle", "x^2 - y^2 + 0.1*y^4", listOf("x", "y"), listOf(1.0, 0.1))

/**
 * A Cauchy (Lorentzian) loss in y, x^2 + log(1 + y^2), from (1, 0.6): its Hessian is indefinite for |y| > 1, where two
 * full Newton steps, each overshooting the minimum, land, so that the third step (k = 2) meets it.
 */
private fun cauchy(spec: String) =
    TrajectoryCase(spec, "cauchy", "x^2 + log(1 + y^2)", listOf("x", "y"), listOf(1.0, 0.6))

/** The negative log-likelihood of a normal law in (mu, log sigma), with its Fisher metric ([GaussianLikelihood]). */
private fun gaussianLikelihood(spec: String) =
    TrajectoryCase(spec, "gaussianLikelihood", TrajectoryCase.GAUSSIAN_LIKELIHOOD, listOf("mu", "s"), listOf(3.0, 1.5))

/**
 * Rosenbrock's valley in ten variables, sum_i 100 (x_{i+1} - x_i^2)^2 + (1 - x_i)^2, from (-1.2, 1, ..., -1.2, 1): the
 * quasi-Newton methods take more than 60 steps here, so none of their stored steps stands still at the minimizer.
 */
private fun rosenbrock10(spec: String) = TrajectoryCase(spec, "rosenbrock10",
    (1..9).joinToString(" + ") { "100*(x${it + 1} - x$it^2)^2 + (1 - x$it)^2" }, (1..10).map { "x$it" },
    List(10) { if (it % 2 == 0) -1.2 else 1.0 })

/**
 * The cases whose trajectories are stored under `src/test/resources/trajectories`: every optimizer of
 * [Optimizers.list], every formulation switch both ways and every choice, every schedule kind as a learning rate,
 * and a few chains. [StoredTrajectoriesSpec] writes them when asked to and checks the coverage.
 */
val storedTrajectoryCases: List<TrajectoryCase> = listOf(
    // gradient descent under every schedule kind
    rosenbrock("gd(lr=0.001)"),
    rosenbrock("gd(lr=constant(value=0.0015))"),
    rosenbrock("gd(lr=step(init=0.002, factor=0.5, every=20))"),
    rosenbrock("gd(lr=exponential(init=0.002, rate=0.5, steps=30))"),
    rosenbrock("gd(lr=inverseTime(init=0.002, rate=1, steps=20))"),
    rosenbrock("gd(lr=cosine(init=0.002, steps=50, final=0.0002))"),
    rosenbrock("gd(lr=warmup(steps=10, start=0.0001, then=0.002))"),
    rosenbrock("gd(lr=join(constant(value=0.002), exponential(init=0.001, rate=0.5, steps=20), at=30))"),
    beale("gd(lr=0.01)"),
    quadratic("gd(lr=0.05)"),

    rosenbrock("momentum(lr=0.0005, momentum=0.9, lrInBuffer=true)"),
    rosenbrock("momentum(lr=0.0005, momentum=0.9, lrInBuffer=false)"),
    beale("momentum(lr=step(init=0.005, factor=0.5, every=15), momentum=0.8, lrInBuffer=false)"),
    quadratic("momentum(lr=0.02, momentum=0.7)"),

    rosenbrock("nesterov(lr=0.0005, momentum=0.9, lrInBuffer=true)"),
    rosenbrock("nesterov(lr=0.0005, momentum=0.9, lrInBuffer=false)"),
    beale("nesterov(lr=exponential(init=0.005, rate=0.5, steps=20), momentum=0.85, lrInBuffer=false)"),

    rosenbrock("adam(lr=0.05, epsInsideSqrt=false, biasCorrection=true)"),
    rosenbrock("adam(lr=0.05, epsInsideSqrt=true, biasCorrection=true)"),
    rosenbrock("adam(lr=0.05, epsInsideSqrt=false, biasCorrection=false)"),
    rosenbrock("adam(lr=0.05, epsInsideSqrt=true, biasCorrection=false, eps=0.001)"),
    beale("adam(lr=warmup(steps=10, start=0.001, then=cosine(init=0.05, steps=50)), beta1=0.8, beta2=0.99)"),
    quadratic("adam(lr=0.05)"),

    rosenbrock("adamw(lr=0.05, weightDecay=0.1, epsInsideSqrt=false)"),
    rosenbrock("adamw(lr=0.05, weightDecay=0.1, epsInsideSqrt=true, eps=0.001)"),

    rosenbrock("amsgrad(lr=0.05, epsInsideSqrt=false, maxOfCorrected=false)"),
    rosenbrock("amsgrad(lr=0.05, epsInsideSqrt=true, maxOfCorrected=false)"),
    rosenbrock("amsgrad(lr=0.05, epsInsideSqrt=false, maxOfCorrected=true)"),
    rosenbrock("amsgrad(lr=0.05, epsInsideSqrt=true, maxOfCorrected=true, eps=0.001)"),

    rosenbrock("nadam(lr=0.05, momentumSchedule=true)"),
    rosenbrock("nadam(lr=0.05, momentumSchedule=false)"),
    rosenbrock("radam(lr=0.0005, epsOnRawRoot=true)"),
    rosenbrock("radam(lr=0.0005, epsOnRawRoot=false, threshold=4)"),
    rosenbrock("adamax(lr=0.05, epsInsideMax=true)"),
    rosenbrock("adamax(lr=0.05, epsInsideMax=false)"),
    rosenbrock("adabelief(lr=0.05)"),
    beale("adabelief(lr=0.05, beta1=0.8, epsRoot=1.0E-8)"),
    rosenbrock("yogi(lr=0.05, biasCorrection=true)"),
    rosenbrock("yogi(lr=0.05, biasCorrection=false, initialMomentum=0)"),

    rosenbrock("rmsprop(lr=0.01, epsInsideSqrt=true, centered=false)"),
    rosenbrock("rmsprop(lr=0.01, epsInsideSqrt=false, centered=false)"),
    rosenbrock("rmsprop(lr=0.01, epsInsideSqrt=true, centered=true)"),
    rosenbrock("rmsprop(lr=0.01, epsInsideSqrt=false, centered=true, initialAccumulator=1)"),
    quadratic("rmsprop(lr=0.01, centered=true, decay=0.95)"),

    rosenbrock("adagrad(lr=0.1, epsInsideSqrt=false)"),
    rosenbrock("adagrad(lr=0.1, epsInsideSqrt=true, eps=0.001)"),
    beale("adagrad(lr=inverseTime(init=0.2, rate=0.5, steps=10), initialAccumulator=0.1)"),

    gaussianLikelihood("natural(lr=0.1, fallback=none)"),
    gaussianLikelihood("natural(lr=cosine(init=0.2, steps=60), damping=0.5)"),
    quadratic("natural(lr=0.1, fallback=hessian)"),
    rosenbrock("natural(lr=0.001, fallback=identity)"),
    rosenbrock("natural(lr=0.1, fallback=none)"),   // no metric: throws at step 0

    rosenbrock("newton(lr=0.5)"),
    rosenbrock("newton(lr=0.3, indefinite=shift)", start = listOf(0.5, 1.0)),
    rosenbrock("newton(lr=0.3, indefinite=abs)", start = listOf(0.5, 1.0)),
    rosenbrock("newton(lr=0.3, indefinite=fail)", start = listOf(0.5, 1.0)),   // throws at step 0
    saddle("newton(lr=0.3, indefinite=shift, minShift=0.01)"),
    saddle("newton(lr=0.3, indefinite=abs)"),
    cauchy("newton(lr=1, indefinite=shift)"),
    cauchy("newton(lr=1, indefinite=fail)"),   // throws at step 2
    quadratic("newton(lr=0.3, indefinite=fail)"),

    rosenbrock("signDescent(lr=0.01)"),

    // line searches, alone (along -g) and after a direction
    rosenbrock("wolfe(guess=constant)"),
    beale("wolfe(guess=quadratic)"),
    rosenbrock("backtracking(guess=constant)"),
    beale("backtracking(guess=quadratic, c1=0.3, shrink=0.7)"),
    rosenbrock("hagerZhang(guess=constant)"),
    rosenbrock("hagerZhang(guess=quadratic, epsilon=0)"),
    beale("polyak(fStar=0)"),
    beale("polyak(fStar=0, fromFacts=false)"),
    beale("polyak(fStar=0, fromFacts=true)"),
    rosenbrock("chain(gd(lr=0.001), wolfe(c2=0.1))"),

    // quasi-Newton and conjugate gradients, with every line search
    rosenbrock10("lbfgs(linesearch=wolfe)"),
    rosenbrock10("lbfgs(memory=3, linesearch=backtracking)"),
    rosenbrock10("lbfgs(linesearch=hagerZhang)"),
    rosenbrock10("bfgs(linesearch=wolfe)"),
    rosenbrock10("bfgs(linesearch=backtracking)"),
    rosenbrock10("bfgs(linesearch=hagerZhang)"),
    rosenbrock("cg(variant=fr)"),
    rosenbrock10("cg(variant=prplus, linesearch=wolfe)"),
    rosenbrock("cg(variant=hs, linesearch=backtracking)"),
    rosenbrock("cg(variant=hz, linesearch=hagerZhang)"),

    // schedule-free, Prodigy and Lookahead, every formulation option both ways
    rosenbrock("scheduleFreeSgd(lr=0.0005, warmupForm=schedulefree)"),
    // optax's warm-up form leaves the first step at lr 0, which a stored trajectory may not: without a warm-up it
    // is the other form's rule (ScheduleFreeProdigyLookaheadSpec works both forms with a warm-up by hand)
    quadratic("scheduleFreeSgd(lr=0.05, weightDecay=0.01, warmupForm=optax, r=1)"),
    rosenbrock("scheduleFreeAdamw(lr=0.05, warmupSteps=10, warmupForm=schedulefree, biasCorrection=lr)"),
    beale("scheduleFreeAdamw(lr=0.05, weightDecay=0.01, warmupForm=optax, biasCorrection=moment)"),
    rosenbrock("prodigy(decouple=true, biasCorrection=false, safeguardWarmup=false)"),
    quadratic("prodigy(lr=0.5, weightDecay=0.1, decouple=false, biasCorrection=true, safeguardWarmup=true," +
        " growthRate=1.1)"),
    rosenbrock("lookahead(inner=adam(lr=0.05), k=5, alpha=0.5)"),
    beale("lookahead(inner=chain(clip(norm=1), momentum(lr=0.01, momentum=0.9)), k=3, alpha=0.8)"),
    // trust-region Newton, both subproblem solvers; the saddle's indefinite Hessian meets negative curvature (steihaug)
    // and the Cauchy point (dogleg)
    rosenbrock10("newton-tr(method=steihaug)"),
    rosenbrock10("newton-tr(method=dogleg)"),
    saddle("newton-tr(method=steihaug, radius=0.5)"),
    saddle("chain(trustRegion(method=dogleg, eta=0.2))"),

    // chains
    rosenbrock("chain(clip(norm=1), adam(lr=0.05))"),
    rosenbrock("chain(weightDecay(rate=0.01), momentum(lr=0.0005, momentum=0.9))"),
    rosenbrock("chain(clip(norm=1), nesterov(lr=cosine(init=0.01, steps=60), momentum=0.9))"),
    beale("chain(clipValue(value=0.5), gd(lr=0.02))"),
    quadratic("chain(clipValue(value=1), weightDecay(rate=0.1), rmsprop(lr=0.01))"),
    rosenbrock("chain(chain(clip(norm=10), weightDecay(rate=0.001)), adam(lr=0.02))"),
)
