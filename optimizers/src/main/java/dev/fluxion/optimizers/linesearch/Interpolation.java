package dev.fluxion.optimizers.linesearch;

/**
 * The trial steps of the Wolfe search, from what is known of phi at two steps a and b (Nocedal and Wright,
 * "Numerical Optimization", 2nd ed., 2006, section 3.5): the minimizer of the cubic that matches phi and phi' at both
 * (eq. 3.59), or of the quadratic that matches phi(a), phi'(a) and phi(b) (the form of eq. 3.57). Each returns NaN
 * when its interpolant has no minimizer, and the caller falls back on a safeguard.
 */
final class Interpolation {

    private Interpolation() {
    }

    /**
     * The minimizer of the cubic with values fa, fb and slopes ga, gb at a and b (eq. 3.59):
     * d1 = ga + gb - 3 (fa - fb) / (a - b), d2 = sign(b - a) sqrt(d1^2 - ga gb),
     * alpha = b - (b - a) (gb + d2 - d1) / (gb - ga + 2 d2); NaN if d1^2 &lt; ga gb. On a quadratic phi it is the
     * exact minimizer.
     */
    static double cubicMinimizer(double a, double fa, double ga, double b, double fb, double gb) {
        double d1 = ga + gb - 3 * (fa - fb) / (a - b);
        double radicand = d1 * d1 - ga * gb;
        if (!(radicand >= 0)) {
            return Double.NaN;
        }
        double d2 = Math.copySign(Math.sqrt(radicand), b - a);
        double alpha = b - (b - a) * (gb + d2 - d1) / (gb - ga + 2 * d2);
        return Double.isFinite(alpha) ? alpha : Double.NaN;
    }

    /**
     * The minimizer of the quadratic with value fa and slope ga at a and value fb at b:
     * alpha = a - ga (b - a)^2 / (2 (fb - fa - ga (b - a))); NaN if that quadratic is not convex.
     */
    static double quadraticMinimizer(double a, double fa, double ga, double b, double fb) {
        double width = b - a;
        double curvature = fb - fa - ga * width;
        if (!(curvature > 0)) {
            return Double.NaN;
        }
        double alpha = a - ga * width * width / (2 * curvature);
        return Double.isFinite(alpha) ? alpha : Double.NaN;
    }
}
