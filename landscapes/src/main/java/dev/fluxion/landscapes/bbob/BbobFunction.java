package dev.fluxion.landscapes.bbob;

import static dev.fluxion.landscapes.bbob.Transformations.asymmetric;
import static dev.fluxion.landscapes.bbob.Transformations.conditioning;
import static dev.fluxion.landscapes.bbob.Transformations.oscillate;
import static dev.fluxion.landscapes.bbob.Transformations.penalty;
import static dev.fluxion.landscapes.bbob.Transformations.powers;
import static dev.fluxion.landscapes.bbob.Transformations.rastrigin;
import static dev.fluxion.landscapes.bbob.Transformations.shift;
import static dev.fluxion.landscapes.bbob.Transformations.times;
import static dev.fluxion.landscapes.bbob.Transformations.weightedSquares;

import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.dsl.expr.VectorExpr;
import dev.fluxion.landscapes.LandscapeException;
import dev.fluxion.landscapes.Tag;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The 24 noiseless functions of COCO's bbob suite, each built as a dsl expression from its instance's draw
 * ({@link BbobInstance}): z is the transformed variable, x_opt and f_opt the instance's optimum and offset, R and Q
 * rotations, Lambda^alpha the conditioning diag(alpha^((i-1) / (2(n-1)))), f_pen the boundary penalty
 * sum max(0, |x_i| - 5)^2. Every definition follows COCO's C code, the order of its floating-point operations
 * included, so values agree with COCO's by its regression criterion (and to the last bits almost everywhere).
 *
 * <p>Where a function is not differentiable, the gradient follows stated conventions: T_osz'(0) = 1
 * ({@link Oscillation}), roots have slope 0 at 0 ({@link FractionalPower}), roundings have slope 0
 * ({@link Rounding}), |.|, max and min follow the dsl's {@link dev.fluxion.dsl.function.Kinks} (abs'(0) = 0, a tie
 * splits evenly). Those functions carry {@link Tag#NONSMOOTH}.
 *
 * <p>Sources: Hansen, N., Finck, S., Ros, R. and Auger, A. (2009), Real-parameter black-box optimization
 * benchmarking 2009: noiseless functions definitions, INRIA RR-6829; COCO's {@code code-experiments/src}
 * ({@code suite_bbob.c}, {@code f_*.c}, {@code transform_*.c}), whose instances these are.
 */
public enum BbobFunction {
    /** f1, the sphere: ||z||^2 + f_opt, z = x - x_opt. */
    SPHERE(1, "sphere", Tag.CONVEX) {
        @Override
        Definition define(BbobInstance in, VectorExpr x) {
            double[] xopt = in.xopt();
            return Definition.at(shift(x, xopt).squaredNorm().plus(in.fopt()), xopt);
        }
    },
    /** f2, the separable ellipsoid: sum_i 10^(6 (i-1)/(n-1)) z_i^2 + f_opt, z = T_osz(x - x_opt). */
    ELLIPSOID(2, "separable ellipsoid", Tag.ILL_CONDITIONED) {
        @Override
        Definition define(BbobInstance in, VectorExpr x) {
            double[] xopt = in.xopt();
            VectorExpr z = oscillate(shift(x, xopt));
            return Definition.at(weightedSquares(powers(1e6, in.dimension()), z).plus(in.fopt()), xopt);
        }
    },
    /**
     * f3, the separable Rastrigin: 10 (n - sum_i cos(2 pi z_i)) + ||z||^2 + f_opt,
     * z = Lambda^10 T_asy^0.2(T_osz(x - x_opt)).
     */
    RASTRIGIN(3, "separable Rastrigin", Tag.MULTIMODAL) {
        @Override
        Definition define(BbobInstance in, VectorExpr x) {
            double[] xopt = in.xopt();
            VectorExpr z = conditioning(asymmetric(oscillate(shift(x, xopt)), 0.2), 10);
            return Definition.at(rastrigin(z).plus(in.fopt()), xopt);
        }
    },
    /**
     * f4, Bueche-Rastrigin: the Rastrigin core of z_i = s_i T_osz(x_i - x_opt,i), with s_i = 10^((i-1)/(2(n-1)))
     * times 10 for positive z_i at odd i (1-based), plus 100 f_pen(x) + f_opt. As in COCO, the odd (1-based)
     * coordinates of x_opt are made positive.
     */
    BUECHE_RASTRIGIN(4, "Bueche-Rastrigin", Tag.MULTIMODAL) {
        @Override
        Definition define(BbobInstance in, VectorExpr x) {
            int n = in.dimension();
            double[] xopt = in.xopt();
            double[] extra = new double[n];
            for (int i = 0; i < n; i += 2) {
                xopt[i] = Math.abs(xopt[i]);
                extra[i] = 9;
            }
            VectorExpr y = oscillate(shift(x, xopt));
            // s_i (1 + 9 [y_i > 0]) for even 0-based i is s_i or 10 s_i, as COCO multiplies it
            VectorExpr scale = y.heaviside().times(VectorExpr.constant(extra)).plus(1.0)
                    .times(VectorExpr.constant(powers(Math.sqrt(10.0), n)));
            VectorExpr z = scale.times(y);
            return Definition.at(rastrigin(z).plus(in.fopt()).plus(penalty(x).times(100.0)), xopt);
        }
    },
    /**
     * f5, the linear slope: sum_i (5 |s_i| - s_i z_i) + f_opt with s_i = sign(x_opt,i) 10^((i-1)/(n-1)) and
     * z_i = x_i where x_i x*_i &lt; 25, else x*_i, for the corner x* = 5 sign(x_opt) of the domain. The slope
     * leads to x*, and the clipping makes f = f_opt wherever every x_i lies at or beyond x*_i (outside the domain,
     * on the far side of the corner): x* is the minimizer in the domain, one of a whole orthant of minimizers. Kinks
     * where x_i = x*_i (the slope of min at the tie splits evenly).
     */
    LINEAR_SLOPE(5, "linear slope", Tag.CONVEX, Tag.NONSMOOTH) {
        @Override
        Definition define(BbobInstance in, VectorExpr x) {
            int n = in.dimension();
            double[] xopt = in.xopt();
            double[] sign = new double[n];
            double[] slope = new double[n];
            double[] offset = new double[n];
            double[] corner = new double[n];
            for (int i = 0; i < n; i++) {
                double s = Math.pow(Math.sqrt(100.0), (double) i / ((double) n - 1));
                sign[i] = xopt[i] < 0 ? -1.0 : 1.0;
                slope[i] = xopt[i] > 0 ? s : -s;
                offset[i] = 5.0 * Math.abs(slope[i]);
                corner[i] = 5.0 * sign[i];
            }
            // z = sign min(sign x, 5): x up to the corner's coordinate, the corner's coordinate beyond it
            VectorExpr signs = VectorExpr.constant(sign);
            VectorExpr z = signs.times(signs.times(x).min(VectorExpr.broadcast(Expr.constant(5.0), n)));
            Expr f = VectorExpr.constant(offset).minus(VectorExpr.constant(slope).times(z)).sum();
            return Definition.at(f.plus(in.fopt()), corner);
        }
    },
    /**
     * f6, the attractive sector: T_osz(sum_i (s_i z_i)^2)^0.9 + f_opt with s_i = 100 where z_i x_opt,i &gt; 0 and 1
     * elsewhere, z = Q Lambda^10 R (x - x_opt).
     */
    ATTRACTIVE_SECTOR(6, "attractive sector") {
        @Override
        Definition define(BbobInstance in, VectorExpr x) {
            double[] xopt = in.xopt();
            double[][] m = in.conditionedRotation(in.rotation(in.seed() + 1_000_000), Math.sqrt(10.0),
                    in.rotation(in.seed()));
            VectorExpr z = times(m, shift(x, xopt));
            VectorExpr weight = z.times(VectorExpr.constant(xopt)).heaviside().times(9999.0).plus(1.0);
            Expr sector = weight.times(z).times(z).sum();
            return Definition.at(oscillate(sector).apply(FractionalPower.of(0.9)).plus(in.fopt()), xopt);
        }
    },
    /**
     * f7, the step ellipsoid: 0.1 max(|z^_1| / 10^4, sum_i 10^(2(i-1)/(n-1)) z_i^2) + f_pen(x) + f_opt, with
     * z^ = Lambda^10 R (x - x_opt), z~ its rounding ({@link Rounding#STEP}) and z = Q z~. Plateaus everywhere: the
     * gradient is that of the |z^_1| term where it is the larger, and of f_pen, else 0.
     */
    STEP_ELLIPSOID(7, "step ellipsoid", Tag.NONSMOOTH) {
        @Override
        Definition define(BbobInstance in, VectorExpr x) {
            int n = in.dimension();
            double[] xopt = in.xopt();
            double[][] outer = in.rotation(in.seed() + 1_000_000);
            double[] scale = new double[n];
            for (int i = 0; i < n; i++) {
                scale[i] = Math.sqrt(Math.pow(100.0 / 10.0, (double) i / (double) (n - 1)));
            }
            double[][] inner = BbobInstance.scaleRows(scale, in.rotation(in.seed()));
            VectorExpr zHat = times(inner, shift(x, xopt));
            VectorExpr z = times(outer, zHat.apply(Rounding.STEP));
            Expr f = zHat.get(0).abs().times(1.0e-4).max(weightedSquares(powers(100.0, n), z)).times(0.1);
            return Definition.at(f.plus(penalty(x)).plus(in.fopt()), xopt);
        }
    },
    /** f8, Rosenbrock: sum_i 100 (z_i^2 - z_(i+1))^2 + (z_i - 1)^2 + f_opt, z = max(1, sqrt(n)/8)(x - x_opt) + 1. */
    ROSENBROCK(8, "Rosenbrock, original") {
        @Override
        Definition define(BbobInstance in, VectorExpr x) {
            double[] xopt = in.xopt();
            for (int i = 0; i < xopt.length; i++) {
                xopt[i] *= 0.75;
            }
            double factor = Math.max(1.0, Math.sqrt((double) in.dimension()) / 8.0);
            VectorExpr z = shift(x, xopt).times(factor).plus(1.0);
            return Definition.at(rosenbrock(z).plus(in.fopt()), xopt);
        }
    },
    /**
     * f9, the rotated Rosenbrock: the same with z = max(1, sqrt(n)/8) R x + 1/2; its minimizer is
     * R^T 1 / (2 max(1, sqrt(n)/8)).
     */
    ROSENBROCK_ROTATED(9, "Rosenbrock, rotated") {
        @Override
        Definition define(BbobInstance in, VectorExpr x) {
            int n = in.dimension();
            double factor = Math.max(1.0, Math.sqrt((double) n) / 8.0);
            double[][] r = in.rotation(in.seed());
            double[] factors = new double[n];
            Arrays.fill(factors, factor);
            VectorExpr z = times(BbobInstance.scaleRows(factors, r), x).plus(0.5);
            double[] xopt = BbobInstance.transposeTimes(r, ones(n));
            for (int i = 0; i < n; i++) {
                xopt[i] /= 2.0 * factor;
            }
            return Definition.at(rosenbrock(z).plus(in.fopt()), xopt);
        }
    },
    /** f10, the rotated ellipsoid: f2's sum with z = T_osz(R (x - x_opt)). */
    ELLIPSOID_ROTATED(10, "ellipsoid", Tag.ILL_CONDITIONED) {
        @Override
        Definition define(BbobInstance in, VectorExpr x) {
            double[] xopt = in.xopt();
            VectorExpr z = oscillate(times(in.rotation(in.seed() + 1_000_000), shift(x, xopt)));
            return Definition.at(weightedSquares(powers(1e6, in.dimension()), z).plus(in.fopt()), xopt);
        }
    },
    /** f11, the discus: 10^6 z_1^2 + sum_(i&gt;1) z_i^2 + f_opt, z = T_osz(R (x - x_opt)). */
    DISCUS(11, "discus", Tag.ILL_CONDITIONED) {
        @Override
        Definition define(BbobInstance in, VectorExpr x) {
            double[] xopt = in.xopt();
            VectorExpr z = oscillate(times(in.rotation(in.seed() + 1_000_000), shift(x, xopt)));
            double[] w = ones(in.dimension());
            w[0] = 1.0e6;
            return Definition.at(weightedSquares(w, z).plus(in.fopt()), xopt);
        }
    },
    /**
     * f12, the bent cigar: z_1^2 + 10^6 sum_(i&gt;1) z_i^2 + f_opt, z = R T_asy^0.5(R (x - x_opt)); here x_opt and R
     * are both drawn from the seed plus 10^6, as in COCO.
     */
    BENT_CIGAR(12, "bent cigar", Tag.ILL_CONDITIONED) {
        @Override
        Definition define(BbobInstance in, VectorExpr x) {
            double[] xopt = in.xopt(in.seed() + 1_000_000);
            double[][] r = in.rotation(in.seed() + 1_000_000);
            VectorExpr z = times(r, asymmetric(times(r, shift(x, xopt)), 0.5));
            double[] w = new double[in.dimension()];
            Arrays.fill(w, 1.0e6);
            w[0] = 1;
            return Definition.at(weightedSquares(w, z).plus(in.fopt()), xopt);
        }
    },
    /**
     * f13, the sharp ridge: z_1^2 + 100 sqrt(sum_(i&gt;1) z_i^2) + f_opt, z = Q Lambda^10 R (x - x_opt). Not
     * differentiable on the ridge z_2 = ... = z_n = 0, where the root's slope is taken as 0.
     */
    SHARP_RIDGE(13, "sharp ridge", Tag.CONVEX, Tag.ILL_CONDITIONED, Tag.NONSMOOTH) {
        @Override
        Definition define(BbobInstance in, VectorExpr x) {
            int n = in.dimension();
            double[] xopt = in.xopt();
            double[][] m = in.conditionedRotation(in.rotation(in.seed() + 1_000_000), Math.sqrt(10.0),
                    in.rotation(in.seed()));
            VectorExpr z = times(m, shift(x, xopt));
            Expr ridge = z.slice(1, n).squaredNorm().apply(FractionalPower.SQRT).times(100.0);
            return Definition.at(ridge.plus(z.get(0).square()).plus(in.fopt()), xopt);
        }
    },
    /**
     * f14, different powers: sqrt(sum_i |z_i|^(2 + 4 (i-1)/(n-1))) + f_opt, z = R (x - x_opt). Not differentiable at
     * x_opt, where the root's slope is taken as 0.
     */
    DIFFERENT_POWERS(14, "different powers", Tag.ILL_CONDITIONED, Tag.NONSMOOTH) {
        @Override
        Definition define(BbobInstance in, VectorExpr x) {
            int n = in.dimension();
            double[] xopt = in.xopt();
            VectorExpr z = times(in.rotation(in.seed() + 1_000_000), shift(x, xopt));
            Expr sum = null;
            for (int i = 0; i < n; i++) {
                Expr term = z.get(i).abs().pow(2.0 + (4.0 * (double) i) / ((double) n - 1.0));
                sum = sum == null ? term : sum.plus(term);
            }
            return Definition.at(sum.apply(FractionalPower.SQRT).plus(in.fopt()), xopt);
        }
    },
    /**
     * f15, the rotated Rastrigin: f3's core of z = R Lambda^10 Q T_asy^0.2(T_osz(R (x - x_opt))). Not
     * differentiable where a coordinate of R (x - x_opt) vanishes (T_osz at 0).
     */
    RASTRIGIN_ROTATED(15, "Rastrigin", Tag.MULTIMODAL, Tag.NONSMOOTH) {
        @Override
        Definition define(BbobInstance in, VectorExpr x) {
            double[] xopt = in.xopt();
            double[][] r = in.rotation(in.seed() + 1_000_000);
            double[][] m = in.conditionedRotation(r, Math.sqrt(10.0), in.rotation(in.seed()));
            VectorExpr z = times(m, asymmetric(oscillate(times(r, shift(x, xopt))), 0.2));
            return Definition.at(rastrigin(z).plus(in.fopt()), xopt);
        }
    },
    /**
     * f16, Weierstrass: 10 ((1/n) sum_i sum_(k=0)^11 2^-k cos(2 pi 3^k (z_i + 1/2)) - f_0)^3 + (10/n) f_pen(x)
     * + f_opt, z = R Lambda^(1/100) Q T_osz(R (x - x_opt)). Every z in Z^n is a global minimum, so x_opt is one of
     * many global minimizers. Not differentiable where a coordinate of R (x - x_opt) vanishes.
     */
    WEIERSTRASS(16, "Weierstrass", Tag.MULTIMODAL, Tag.NONSMOOTH) {
        @Override
        Definition define(BbobInstance in, VectorExpr x) {
            int n = in.dimension();
            double[] xopt = in.xopt();
            double[][] r = in.rotation(in.seed() + 1_000_000);
            double[][] m = in.conditionedRotation(r, 1.0 / Math.sqrt(100.0), in.rotation(in.seed()));
            VectorExpr z = times(m, oscillate(times(r, shift(x, xopt))));
            VectorExpr phase = z.plus(0.5).times(2 * Math.PI);
            VectorExpr series = null;
            double f0 = 0.0;
            for (int k = 0; k < 12; k++) {
                double amplitude = Math.pow(0.5, k);
                double frequency = Math.pow(3.0, k);
                f0 += amplitude * Math.cos(2 * Math.PI * frequency * 0.5);
                VectorExpr term = phase.times(frequency).cos().times(amplitude);
                series = series == null ? term : series.plus(term);
            }
            Expr f = series.sum().div(n).minus(f0).pow(3).times(10.0);
            return Definition.at(f.plus(in.fopt()).plus(penalty(x).times(10.0 / (double) n)), xopt);
        }
    },
    /**
     * f17, Schaffers F7: ((1/(n-1)) sum_i (s_i^(1/2) + s_i^(1/2) sin^2(50 s_i^(1/5))))^2 + 10 f_pen(x) + f_opt with
     * s_i = sqrt(z_i^2 + z_(i+1)^2), z = Lambda^10 Q T_asy^0.5(R (x - x_opt)). Not differentiable where
     * z_i = z_(i+1) = 0, where the roots' slopes are taken as 0.
     */
    SCHAFFERS(17, "Schaffers F7", Tag.MULTIMODAL, Tag.NONSMOOTH) {
        @Override
        Definition define(BbobInstance in, VectorExpr x) {
            return schaffers(in, x, 10.0);
        }
    },
    /** f18, Schaffers F7 moderately ill-conditioned: f17 with Lambda^1000; seeded as f17, as in COCO. */
    SCHAFFERS_ILL_CONDITIONED(18, "Schaffers F7, moderately ill-conditioned", Tag.MULTIMODAL,
            Tag.ILL_CONDITIONED, Tag.NONSMOOTH) {
        @Override
        Definition define(BbobInstance in, VectorExpr x) {
            return schaffers(in, x, 1000.0);
        }
    },
    /**
     * f19, composite Griewank-Rosenbrock F8F2: (10/(n-1)) sum_i (s_i / 4000 - cos(s_i)) + 10 + f_opt with
     * s_i = 100 (z_i^2 - z_(i+1))^2 + (z_i - 1)^2, z = max(1, sqrt(n)/8) R x + 1/2; its minimizer is
     * R^T 1 / (2 max(1, sqrt(n)/8)).
     */
    GRIEWANK_ROSENBROCK(19, "composite Griewank-Rosenbrock F8F2", Tag.MULTIMODAL) {
        @Override
        Definition define(BbobInstance in, VectorExpr x) {
            int n = in.dimension();
            double scale = Math.max(1.0, Math.sqrt((double) n) / 8.0);
            double[][] r = in.rotation(in.seed());
            double[] scales = new double[n];
            Arrays.fill(scales, scale);
            VectorExpr z = times(BbobInstance.scaleRows(scales, r), x).plus(0.5);
            VectorExpr head = z.slice(0, n - 1);
            VectorExpr valley = head.square().minus(z.slice(1, n));
            VectorExpr side = VectorExpr.broadcast(Expr.constant(1.0), n - 1).minus(head);
            VectorExpr s = valley.times(100.0).times(valley).plus(side.times(side));
            Expr sum = s.div(4000.0).minus(s.cos()).sum();
            Expr f = Expr.constant(10.0).plus(sum.times(10.0).div((double) (n - 1)));
            double[] xopt = BbobInstance.transposeTimes(r, ones(n));
            for (int i = 0; i < n; i++) {
                xopt[i] /= 2.0 * scale;
            }
            return Definition.at(f.plus(in.fopt()), xopt);
        }
    },
    /**
     * f20, Schwefel: -(1/(100 n)) sum_i z_i sin(sqrt|z_i|) + 4.189828872724339 + 100 f_pen(z/100) + f_opt, with
     * x^ = 2 (1+-) x, z^_1 = x^_1, z^_(i+1) = x^_(i+1) + (x^_i - 2|x_opt,i|)/4 and
     * z = 100 (Lambda^10 (z^ - 2|x_opt|) + 2|x_opt|), where x_opt = 4.2096874637/2 (1+-) and (1+-) are random
     * signs. COCO's x_opt is the minimizer to about 10^-10; the minimizer here is exact: each z_i at the root of
     * sin(sqrt z) + sqrt(z) cos(sqrt z) / 2 near 420.9687, mapped back.
     */
    SCHWEFEL(20, "Schwefel x sin(x)", Tag.MULTIMODAL) {
        @Override
        Definition define(BbobInstance in, VectorExpr x) {
            int n = in.dimension();
            double[] u = BbobRandom.uniform(n, in.seed());
            double[] sign = new double[n];
            double[] twice = new double[n];
            for (int i = 0; i < n; i++) {
                sign[i] = u[i] - 0.5 < 0 ? -1.0 : 1.0;
                twice[i] = 2 * Math.abs(sign[i] * (0.5 * 4.2096874637));
            }
            double[] lambda = powers(Math.sqrt(10.0), n);
            double[][] previous = new double[n][n];
            for (int i = 1; i < n; i++) {
                previous[i][i - 1] = 1.0;
            }
            VectorExpr w = VectorExpr.constant(sign).times(x).times(2.0);
            VectorExpr offsets = VectorExpr.constant(twice);
            VectorExpr zHat = w.plus(times(previous, w.minus(offsets).times(0.25)));
            VectorExpr z = VectorExpr.constant(lambda).times(zHat.minus(offsets)).plus(offsets).times(100.0);
            Expr waves = z.times(z.abs().apply(FractionalPower.SQRT).sin()).sum();
            Expr f = penalty(z, 500.0).plus(418.9828872724339).minus(waves.div((double) n)).times(0.01);
            return Definition.at(f.plus(in.fopt()), schwefelMinimizer(sign, twice, lambda));
        }
    },
    /**
     * f21, Gallagher's Gaussian 101-me peaks: see {@link GallagherPeaks}. The global minimum f_opt is at x_opt, the
     * centre of the highest peak; the centres of the other peaks that are highest where they stand are local
     * minima of value T_osz(10 - w_i)^2 + f_opt.
     */
    GALLAGHER_101(21, "Gallagher's Gaussian 101-me peaks", Tag.MULTIMODAL, Tag.NONSMOOTH) {
        @Override
        Definition define(BbobInstance in, VectorExpr x) {
            return gallagher(in, x, 101);
        }
    },
    /** f22, Gallagher's Gaussian 21-hi peaks: f21 with 21 peaks, more ill-conditioned. */
    GALLAGHER_21(22, "Gallagher's Gaussian 21-hi peaks", Tag.MULTIMODAL, Tag.ILL_CONDITIONED, Tag.NONSMOOTH) {
        @Override
        Definition define(BbobInstance in, VectorExpr x) {
            return gallagher(in, x, 21);
        }
    },
    /**
     * f23, Katsuura: (10/n^2) prod_i (1 + i sum_(j=1)^32 |2^j z_i - round(2^j z_i)| / 2^j)^(10/n^1.2) - 10/n^2
     * + f_pen(x) + f_opt, z = Q Lambda^100 R (x - x_opt). Piecewise smooth with kinks everywhere (on a grid of
     * spacing 2^-33 in each z_i); the roundings' slope is 0 and abs'(0) = 0.
     */
    KATSUURA(23, "Katsuura", Tag.MULTIMODAL, Tag.NONSMOOTH) {
        @Override
        Definition define(BbobInstance in, VectorExpr x) {
            int n = in.dimension();
            double[] xopt = in.xopt();
            double[][] m = in.conditionedRotation(in.rotation(in.seed() + 1_000_000), Math.sqrt(100.0),
                    in.rotation(in.seed()));
            VectorExpr z = times(m, shift(x, xopt));
            VectorExpr digits = null;
            for (int j = 1; j < 33; j++) {
                double scale = Math.pow(2.0, (double) j);
                VectorExpr scaled = z.times(scale);
                VectorExpr term = scaled.minus(scaled.apply(Rounding.NEAREST)).abs().div(scale);
                digits = digits == null ? term : digits.plus(term);
            }
            double[] weight = new double[n];
            for (int i = 0; i < n; i++) {
                weight[i] = (double) i + 1;
            }
            VectorExpr factors = VectorExpr.constant(weight).times(digits).plus(1.0);
            Expr product = factors.get(0);
            for (int i = 1; i < n; i++) {
                product = product.times(factors.get(i));
            }
            double exponent = 10.0 / Math.pow((double) n, 1.2);
            Expr f = product.pow(exponent).minus(1.0).times(10.0 / (double) n / (double) n);
            return Definition.at(f.plus(in.fopt()).plus(penalty(x)), xopt);
        }
    },
    /**
     * f24, Lunacek bi-Rastrigin: min(sum_i (x^_i - mu_0)^2, n + s sum_i (x^_i - mu_1)^2)
     * + 10 (n - sum_i cos(2 pi z_i)) + 10^4 f_pen(x) + f_opt, with x^ = 2 sign(x_opt) x,
     * z = Q Lambda^100 R (x^ - mu_0), mu_0 = 2.5, s = 1 - 1/(2 sqrt(n + 20) - 8.2), mu_1 = -sqrt((mu_0^2 - 1)/s)
     * and x_opt = (mu_0 / 2) (1+-). Both terms are at least 0 and vanish together only at x_opt, the global
     * minimizer; the other funnel, around x^ = mu_1, lies at least n higher. Not differentiable where the two
     * arms of the min tie.
     */
    LUNACEK_BI_RASTRIGIN(24, "Lunacek bi-Rastrigin", Tag.MULTIMODAL, Tag.NONSMOOTH) {
        @Override
        Definition define(BbobInstance in, VectorExpr x) {
            int n = in.dimension();
            double mu0 = 2.5;
            double s = 1.0 - 0.5 / (Math.sqrt((double) (n + 20)) - 4.1);
            double mu1 = -Math.sqrt((mu0 * mu0 - 1.0) / s);
            double[] g = BbobRandom.gaussian(n, in.seed());
            double[] sign = new double[n];
            double[] xopt = new double[n];
            for (int i = 0; i < n; i++) {
                sign[i] = g[i] < 0.0 ? -1.0 : 1.0;
                xopt[i] = sign[i] * (0.5 * mu0);
            }
            double[][] inner = BbobInstance.scaleRows(powers(Math.sqrt(100.0), n), in.rotation(in.seed()));
            VectorExpr xHat = x.times(2.0).times(VectorExpr.constant(sign));
            VectorExpr z = times(in.rotation(in.seed() + 1_000_000), times(inner, xHat.minus(mu0)));
            Expr near = xHat.minus(mu0).square().sum();
            Expr far = Expr.constant((double) n).plus(xHat.minus(mu1).square().sum().times(s));
            Expr waves = Expr.constant((double) n).minus(z.times(2 * Math.PI).cos().sum()).times(10.0);
            Expr f = near.min(far).plus(waves).plus(penalty(x).times(1e4));
            return Definition.at(f.plus(in.fopt()), xopt);
        }
    };

    private final int number;
    private final String title;
    private final Set<Tag> tags;

    BbobFunction(int number, String title, Tag... tags) {
        this.number = number;
        this.title = title;
        Set<Tag> set = EnumSet.noneOf(Tag.class);
        set.addAll(Arrays.asList(tags));
        this.tags = Set.copyOf(set);
    }

    /** The function number f, 1 to 24. */
    public int number() {
        return number;
    }

    /** The name of the bbob definitions, such as "sharp ridge". */
    public String title() {
        return title;
    }

    /** COCO's group of the function. */
    public BbobGroup group() {
        return BbobGroup.of(number);
    }

    /** What kind of landscape it is: convex, ill-conditioned, multimodal, non-smooth. */
    public Set<Tag> tags() {
        return tags;
    }

    /**
     * Function f.
     *
     * @throws LandscapeException for an f outside 1..24
     */
    public static BbobFunction of(int function) {
        if (function < 1 || function > values().length) {
            throw new LandscapeException("bbob has functions f = 1 to 24, not " + function);
        }
        return values()[function - 1];
    }

    /** The expression of this function on the vector variable x for an instance, and its minimizer. */
    abstract Definition define(BbobInstance instance, VectorExpr x);

    /**
     * A function's expression, the minimizer its facts give (x_opt, or the minimizer over the domain for f5), and
     * known local minima that are not global.
     */
    record Definition(Expr expression, double[] minimizer, List<double[]> localMinima) {
        static Definition at(Expr expression, double[] minimizer) {
            return new Definition(expression, minimizer, List.of());
        }
    }

    private static double[] ones(int n) {
        double[] v = new double[n];
        Arrays.fill(v, 1.0);
        return v;
    }

    /** 100 sum_i (z_i^2 - z_(i+1))^2 + sum_i (z_i - 1)^2. */
    private static Expr rosenbrock(VectorExpr z) {
        int n = z.length();
        VectorExpr head = z.slice(0, n - 1);
        Expr valley = head.square().minus(z.slice(1, n)).square().sum();
        return valley.times(100.0).plus(head.minus(1.0).square().sum());
    }

    private static Definition schaffers(BbobInstance in, VectorExpr x, double condition) {
        int n = in.dimension();
        double[] xopt = in.xopt();
        double[][] r = in.rotation(in.seed() + 1_000_000);
        double[][] m = BbobInstance.scaleRows(powers(Math.sqrt(condition), n), in.rotation(in.seed()));
        VectorExpr z = times(m, asymmetric(times(r, shift(x, xopt)), 0.5));
        VectorExpr s = z.slice(0, n - 1).square().plus(z.slice(1, n).square());
        VectorExpr wave = s.apply(FractionalPower.of(0.1)).times(50.0).sin().square().plus(1.0);
        Expr mean = s.apply(FractionalPower.of(0.25)).times(wave).sum().div((double) n - 1.0);
        return Definition.at(mean.square().plus(in.fopt()).plus(penalty(x).times(10.0)), xopt);
    }

    private static Definition gallagher(BbobInstance in, VectorExpr x, int peaks) {
        GallagherPeaks gallagher = GallagherPeaks.of(in, peaks);
        Expr core = oscillate(Expr.constant(10.0).minus(gallagher.highestPeak(x))).square();
        return new Definition(core.plus(penalty(x)).plus(in.fopt()), gallagher.xopt(), gallagher.localMinima());
    }

    /**
     * The exact minimizer of f20: every z_i at z* = 420.96874636..., the root of the slope of z sin(sqrt z), mapped
     * back through z = 100 (Lambda (z^ - 2|x_opt|) + 2|x_opt|), the coupling of z^ and x^ = 2 sign x.
     */
    private static double[] schwefelMinimizer(double[] sign, double[] twice, double[] lambda) {
        double root = 420.9687463;
        for (int step = 0; step < 50; step++) {
            double r = Math.sqrt(root);
            double slope = Math.sin(r) + 0.5 * r * Math.cos(r);
            double curvature = (0.75 * Math.cos(r) - 0.25 * r * Math.sin(r)) / r;
            root -= slope / curvature;
        }
        int n = sign.length;
        double[] x = new double[n];
        double previous = 0;
        for (int i = 0; i < n; i++) {
            double zHat = (root / 100.0 - twice[i]) / lambda[i] + twice[i];
            double w = i == 0 ? zHat : zHat - 0.25 * (previous - twice[i - 1]);
            x[i] = sign[i] * w / 2.0;
            previous = w;
        }
        return x;
    }
}
