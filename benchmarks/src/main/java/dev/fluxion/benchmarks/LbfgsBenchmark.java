package dev.fluxion.benchmarks;

import dev.fluxion.dsl.Objective;
import dev.fluxion.landscapes.Landscape;
import dev.fluxion.landscapes.LandscapeRegistry;
import dev.fluxion.optimizers.Optimizer;
import dev.fluxion.optimizers.OptimizerState;
import dev.fluxion.optimizers.Optimizers;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * L-BFGS iterations on the vector-built {@code rosenbrock(dim=1000)} (issue 16): each call is one run of
 * {@value #STEPS} iterations of {@code lbfgs(memory=10)} from the standard start (-1.2, 1, -1.2, 1, ...), through the
 * public API as a user calls it ({@link Landscape#confinedObjective()} and {@link Optimizer#start(int)} once per run,
 * then {@link OptimizerState#step(Objective, double[])}), or as a hand-written Java loop of the same mathematics:
 * Rosenbrock's gradient by hand, the two-loop recursion over a ring of 10 pairs with gamma = s'y / y'y and the pair
 * rule s'y &gt; 1e-8 ||s|| ||y||, the unit steepest-descent first step, and the strong Wolfe search (c1 = 1e-4,
 * c2 = 0.9, unit first trial, Nocedal and Wright Algorithms 3.5 and 3.6 with the library's cubic, quadratic and
 * bisection trials and its bracket safeguards), reusing the accepted trial's gradient as the next iteration's.
 * Both return the final x; {@code LbfgsBenchmarkTest} checks that they take the same number of evaluations and end
 * at the same x. The time per iteration is the time per call over {@value #STEPS}; the ratio is the same.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class LbfgsBenchmark {
    static final int N = 1000;
    static final int STEPS = 20;
    static final int MEMORY = 10;
    static final String LBFGS = "lbfgs(memory=" + MEMORY + ")";
    static final double C1 = 1e-4;
    static final double C2 = 0.9;
    static final double CURVATURE_EPS = 1e-8;

    Landscape rosenbrock;
    Optimizer lbfgs;
    double[] start;

    @Setup
    public void setUp() {
        rosenbrock = LandscapeRegistry.standard().create("rosenbrock(dim=" + N + ")");
        lbfgs = Optimizers.parse(LBFGS);
        start = rosenbrock.facts().start();
    }

    @Benchmark
    public double[] library() {
        Objective objective = rosenbrock.confinedObjective();
        double[] x = start.clone();
        OptimizerState state = lbfgs.start(N);
        for (int k = 0; k < STEPS; k++) {
            state.step(objective, x);
        }
        return x;
    }

    @Benchmark
    public double[] handWritten() {
        return new HandWrittenLbfgs(N, MEMORY).run(start, STEPS);
    }

    /** f and grad f of sum_{i<n-1} 100 (x_{i+1} - x_i^2)^2 + (1 - x_i)^2, written out. */
    static double rosenbrock(double[] x, double[] gradient) {
        int n = x.length;
        double f = 0;
        gradient[0] = 0;
        for (int i = 0; i < n - 1; i++) {
            double valley = x[i + 1] - x[i] * x[i];
            double offset = x[i] - 1;
            f += 100 * valley * valley + offset * offset;
            gradient[i] += 2 * offset - 400 * x[i] * valley;
            gradient[i + 1] = 200 * valley;
        }
        return f;
    }

    /** The L-BFGS iterations of {@code lbfgs(memory=m)} written by hand, each loop over the n components plain. */
    static final class HandWrittenLbfgs {
        final int n;
        final int m;
        final double[] s;
        final double[] y;
        final double[] rho;
        final double[] alphas;
        final double[] previousX;
        final double[] previousG;
        final double[] g;
        final double[] d;
        final double[] trial;
        final double[] trialG;
        int pairs;
        int next;
        int evaluations;

        HandWrittenLbfgs(int n, int m) {
            this.n = n;
            this.m = m;
            s = new double[m * n];
            y = new double[m * n];
            rho = new double[m];
            alphas = new double[m];
            previousX = new double[n];
            previousG = new double[n];
            g = new double[n];
            d = new double[n];
            trial = new double[n];
            trialG = new double[n];
        }

        double[] run(double[] start, int steps) {
            double[] x = start.clone();
            double f = rosenbrock(x, g);
            evaluations = 1;
            for (int k = 0; k < steps; k++) {
                if (k > 0) {
                    remember(x);
                }
                System.arraycopy(x, 0, previousX, 0, n);
                System.arraycopy(g, 0, previousG, 0, n);
                direction();
                f = search(x, f);
            }
            return x;
        }

        /** The pair (x - previous x, g - previous g) into the ring, if s'y > eps ||s|| ||y||. */
        private void remember(double[] x) {
            double sy = 0;
            double ss = 0;
            double yy = 0;
            for (int i = 0; i < n; i++) {
                double si = x[i] - previousX[i];
                double yi = g[i] - previousG[i];
                sy += si * yi;
                ss += si * si;
                yy += yi * yi;
            }
            if (sy > CURVATURE_EPS * Math.sqrt(ss) * Math.sqrt(yy) && sy > 0) {
                int offset = next * n;
                for (int i = 0; i < n; i++) {
                    s[offset + i] = x[i] - previousX[i];
                    y[offset + i] = g[i] - previousG[i];
                }
                rho[next] = 1 / sy;
                next = (next + 1) % m;
                pairs = Math.min(pairs + 1, m);
            }
        }

        /** d = -H g by the two-loop recursion, or -g / ||g|| before any pair. */
        private void direction() {
            if (pairs == 0) {
                double squares = 0;
                for (int i = 0; i < n; i++) {
                    squares += g[i] * g[i];
                }
                double norm = Math.sqrt(squares);
                for (int i = 0; i < n; i++) {
                    d[i] = -g[i] / norm;
                }
                return;
            }
            System.arraycopy(g, 0, d, 0, n);
            int newest = (next + m - 1) % m;
            for (int j = 0; j < pairs; j++) {
                int slot = (newest - j + m) % m;
                int offset = slot * n;
                double sq = 0;
                for (int i = 0; i < n; i++) {
                    sq += s[offset + i] * d[i];
                }
                double a = rho[slot] * sq;
                alphas[slot] = a;
                for (int i = 0; i < n; i++) {
                    d[i] -= a * y[offset + i];
                }
            }
            double yy = 0;
            for (int i = 0; i < n; i++) {
                yy += y[newest * n + i] * y[newest * n + i];
            }
            double gamma = 1 / (rho[newest] * yy);
            for (int i = 0; i < n; i++) {
                d[i] *= gamma;
            }
            for (int j = pairs - 1; j >= 0; j--) {
                int slot = (newest - j + m) % m;
                int offset = slot * n;
                double yr = 0;
                for (int i = 0; i < n; i++) {
                    yr += y[offset + i] * d[i];
                }
                double b = alphas[slot] - rho[slot] * yr;
                for (int i = 0; i < n; i++) {
                    d[i] += b * s[offset + i];
                }
            }
            for (int i = 0; i < n; i++) {
                d[i] = -d[i];
            }
        }

        /** phi(alpha) = f(x + alpha d), its slope into {@link #slope}, the gradient into trialG. */
        private double slope;

        private double phi(double[] x, double alpha) {
            for (int i = 0; i < n; i++) {
                trial[i] = x[i] + alpha * d[i];
            }
            double f = rosenbrock(trial, trialG);
            evaluations++;
            lastPhi = f;
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += trialG[i] * d[i];
            }
            slope = sum;
            return f;
        }

        /** The strong Wolfe search from alpha = 1; x moves to the accepted trial, g becomes its gradient. */
        private double search(double[] x, double f0) {
            double slope0 = 0;
            for (int i = 0; i < n; i++) {
                slope0 += g[i] * d[i];
            }
            double previousAlpha = 0;
            double previousPhi = f0;
            double previousSlope = slope0;
            double alpha = 1;
            double accepted;
            for (int i = 1; ; i++) {
                double value = phi(x, alpha);
                double valueSlope = slope;
                if (!(value <= f0 + C1 * alpha * slope0) || (i > 1 && value >= previousPhi)) {
                    accepted = zoom(x, f0, slope0, previousAlpha, previousPhi, previousSlope, alpha, value, valueSlope);
                    break;
                }
                if (Math.abs(valueSlope) <= -C2 * slope0) {
                    accepted = alpha;
                    break;
                }
                if (valueSlope >= 0) {
                    accepted = zoom(x, f0, slope0, alpha, value, valueSlope, previousAlpha, previousPhi, previousSlope);
                    break;
                }
                double width = alpha - previousAlpha;
                double extrapolated = cubicMinimizer(previousAlpha, previousPhi, previousSlope, alpha, value,
                        valueSlope);
                double low = alpha + 1.1 * width;
                double high = alpha + 4 * width;
                extrapolated = Double.isNaN(extrapolated) || extrapolated > high ? high : Math.max(extrapolated, low);
                previousAlpha = alpha;
                previousPhi = value;
                previousSlope = valueSlope;
                alpha = extrapolated;
            }
            // the accepted alpha is the last evaluated: its point and gradient are the next iteration's
            double acceptedPhi = lastPhi;
            for (int i = 0; i < n; i++) {
                x[i] = x[i] + accepted * d[i];
            }
            System.arraycopy(trialG, 0, g, 0, n);
            return acceptedPhi;
        }

        private double lastPhi;

        private double zoom(double[] x, double f0, double slope0, double lo, double phiLo, double slopeLo, double hi,
                            double phiHi, double slopeHi) {
            while (true) {
                double alpha = cubicMinimizer(lo, phiLo, slopeLo, hi, phiHi, slopeHi);
                if (Double.isNaN(alpha)) {
                    alpha = quadraticMinimizer(lo, phiLo, slopeLo, hi, phiHi);
                }
                double left = Math.min(lo, hi);
                double right = Math.max(lo, hi);
                double margin = 0.1 * (right - left);
                alpha = Double.isNaN(alpha) ? 0.5 * (left + right)
                        : Math.min(Math.max(alpha, left + margin), right - margin);
                double value = phi(x, alpha);
                double valueSlope = slope;
                if (!(value <= f0 + C1 * alpha * slope0) || value >= phiLo) {
                    hi = alpha;
                    phiHi = value;
                    slopeHi = valueSlope;
                } else {
                    if (Math.abs(valueSlope) <= -C2 * slope0) {
                        return alpha;
                    }
                    if (valueSlope * (hi - lo) >= 0) {
                        hi = lo;
                        phiHi = phiLo;
                        slopeHi = slopeLo;
                    }
                    lo = alpha;
                    phiLo = value;
                    slopeLo = valueSlope;
                }
            }
        }

        /** The minimizer of the cubic through (a, fa, ga) and (b, fb, gb), N&amp;W eq. 3.59; NaN if none. */
        private static double cubicMinimizer(double a, double fa, double ga, double b, double fb, double gb) {
            double d1 = ga + gb - 3 * (fa - fb) / (a - b);
            double radicand = d1 * d1 - ga * gb;
            if (!(radicand >= 0)) {
                return Double.NaN;
            }
            double d2 = Math.copySign(Math.sqrt(radicand), b - a);
            double alpha = b - (b - a) * (gb + d2 - d1) / (gb - ga + 2 * d2);
            return Double.isFinite(alpha) ? alpha : Double.NaN;
        }

        /** The minimizer of the quadratic through (a, fa, ga) and (b, fb); NaN if it is not convex. */
        private static double quadraticMinimizer(double a, double fa, double ga, double b, double fb) {
            double width = b - a;
            double curvature = fb - fa - ga * width;
            if (!(curvature > 0)) {
                return Double.NaN;
            }
            double alpha = a - ga * width * width / (2 * curvature);
            return Double.isFinite(alpha) ? alpha : Double.NaN;
        }
    }
}
