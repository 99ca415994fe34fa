package dev.fluxion.dsl.calculus;

import dev.fluxion.dsl.DslException;
import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.dsl.expr.Point;
import dev.fluxion.dsl.number.Jet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

/**
 * The critical points of a one-variable expression f on a closed interval [a, b], classified, and the global
 * minimum and maximum of f there.
 *
 * <p><b>Finding.</b> f' is sampled on a uniform grid of N intervals. A sign change of f' between neighbours
 * brackets a root, refined by {@link SafeguardedNewton} on f' with f'' from a jet. A root of f' that touches 0
 * without a sign change (even multiplicity, as for x^3 at 0) shows as a local minimum of |f'| on the grid; there
 * f'' changes sign, so the root of f'' nearby is refined the same way and kept if f' vanishes there too (within
 * sqrt(eps) times the largest |f'| on the grid). A run of three or more grid points where f' vanishes is a
 * plateau, reported once at its middle. Candidates closer than a thousandth of the grid spacing are merged.
 * Roots closer together than the grid spacing can be missed: refine the grid if that matters.
 *
 * <p><b>Classifying.</b> With the jet of order k at c (f^(n)(c) for n &lt;= k, exact to rounding), and a
 * derivative counted as zero when |f^(n)(c)| &lt;= 1e-8 max(1, |f(c)|):
 * <ol>
 *   <li>second-derivative test: f''(c) &gt; 0 is a minimum, f''(c) &lt; 0 a maximum;</li>
 *   <li>when f''(c) = 0, the higher-order test: with f^(n)(c) the first nonzero derivative, an even n gives a
 *       minimum (positive) or a maximum (negative), an odd n an inflection;</li>
 *   <li>when every derivative up to k vanishes, the first-derivative test on f'(c - delta) and f'(c + delta),
 *       delta a quarter of the grid spacing, where a sign counts only if |f'| delta exceeds the rounding level
 *       1e-13 max(1, |f(c)|); if f' shows no sign, the point is {@link Classification#FLAT}.</li>
 * </ol>
 * The first-derivative test's verdict is recorded for every point, whichever test decided.
 *
 * <p><b>Global extrema.</b> The extreme values of a continuous f on [a, b] are attained at critical points or at
 * the ends (the closed interval method); all places within a relative 1e-10 of the extreme value are reported.
 *
 * <p>Reference: J. Stewart, Calculus, 8th ed., Cengage 2015, sections 4.1 and 4.3; the higher-order test is in
 * T. M. Apostol, Calculus, vol. 1, 2nd ed., Wiley 1967, section 7.
 *
 * @param a       the left end
 * @param b       the right end
 * @param points  the critical points in increasing order
 * @param minimum the least value of f on [a, b] and where it is attained
 * @param maximum the greatest value of f on [a, b] and where it is attained
 */
public record CriticalPoints(double a, double b, List<CriticalPoint> points, GlobalExtremum minimum,
                             GlobalExtremum maximum) {
    /** The default number of grid intervals on which f' is sampled. */
    public static final int DEFAULT_GRID = 1000;
    /** The default order of the jets that classify the points. */
    public static final int DEFAULT_JET_ORDER = 8;

    private static final double DERIVATIVE_ZERO = 1e-8;
    private static final double ROUNDING_LEVEL = 1e-13;
    private static final double TIE = 1e-10;

    /** Copies the points. */
    public CriticalPoints {
        points = List.copyOf(points);
    }

    /** The critical points of f on [a, b] with the default grid and jet order. */
    public static CriticalPoints find(Expr f, double a, double b) {
        return find(f, a, b, DEFAULT_GRID, DEFAULT_JET_ORDER);
    }

    /**
     * The critical points of f on [a, b], f' sampled on {@code gridIntervals} intervals and points classified by
     * jets of order {@code jetOrder}.
     *
     * @throws DslException if f has more than one variable, a or b is not finite, a &gt;= b, the grid has fewer
     *                      than 2 intervals or the jet order is below 2
     */
    public static CriticalPoints find(Expr f, double a, double b, int gridIntervals, int jetOrder) {
        SortedSet<String> names = f.variables();
        if (names.size() > 1) {
            throw new DslException("critical points need an expression of one variable; " + f + " has variables "
                    + names);
        }
        if (!Double.isFinite(a) || !Double.isFinite(b)) {
            throw new DslException("the interval [" + a + ", " + b + "] must have finite ends");
        }
        if (!(a < b)) {
            throw new DslException("the interval [" + a + ", " + b + "] is empty or a point: it needs a < b");
        }
        if (gridIntervals < 2) {
            throw new DslException("the grid needs at least 2 intervals, got " + gridIntervals);
        }
        if (jetOrder < 2) {
            throw new DslException("classifying critical points needs a jet order >= 2, got " + jetOrder);
        }
        String name = names.isEmpty() ? "x" : names.first();
        return new Search(f, name, a, b, gridIntervals, jetOrder).run();
    }

    /** The local minima among the critical points. */
    public List<CriticalPoint> localMinima() {
        return points.stream().filter(p -> p.classification() == Classification.LOCAL_MIN).toList();
    }

    /** The local maxima among the critical points. */
    public List<CriticalPoint> localMaxima() {
        return points.stream().filter(p -> p.classification() == Classification.LOCAL_MAX).toList();
    }

    /** One search: the grid, the candidates, their refinement and classification. */
    private static final class Search {
        private final Expr f;
        private final String variable;
        private final double a;
        private final double b;
        private final int n;
        private final int jetOrder;
        private final double spacing;
        private final double locationTolerance;

        Search(Expr f, String variable, double a, double b, int n, int jetOrder) {
            this.f = f;
            this.variable = variable;
            this.a = a;
            this.b = b;
            this.n = n;
            this.jetOrder = jetOrder;
            this.spacing = (b - a) / n;
            this.locationTolerance = 4 * Math.ulp(Math.max(Math.max(Math.abs(a), Math.abs(b)), b - a));
        }

        Jet jet(double x, int order) {
            return f.evaluate(Map.of(variable, Jet.variable(x, order)));
        }

        double slope(double x) {
            return jet(x, 1).derivative(1);
        }

        CriticalPoints run() {
            double[] x = new double[n + 1];
            double[] slope = new double[n + 1];
            double slopeScale = 0;
            for (int i = 0; i <= n; i++) {
                x[i] = i == n ? b : a + (b - a) * i / n;
                slope[i] = slope(x[i]);
                if (Double.isFinite(slope[i])) {
                    slopeScale = Math.max(slopeScale, Math.abs(slope[i]));
                }
            }
            double zero = 1e-12 * Math.max(slopeScale, 1.0);
            double accept = Math.sqrt(StepSize.EPSILON) * Math.max(slopeScale, 1.0);
            boolean[] vanishes = new boolean[n + 1];
            for (int i = 0; i <= n; i++) {
                vanishes[i] = Math.abs(slope[i]) <= zero;
            }
            List<Double> candidates = new ArrayList<>();
            boolean[] onPlateau = new boolean[n + 1];
            for (int i = 0; i <= n; ) {
                int end = i;
                while (end + 1 <= n && vanishes[i] && vanishes[end + 1]) {
                    end++;
                }
                if (end - i + 1 >= 3) {
                    candidates.add(x[(i + end) / 2]);
                    for (int k = i; k <= end; k++) {
                        onPlateau[k] = true;
                    }
                }
                i = end + 1;
            }
            for (int i = 0; i <= n; i++) {
                if (onPlateau[i]) {
                    continue;
                }
                if (vanishes[i]) {
                    candidates.add(x[i]);
                } else if (i < n && !vanishes[i + 1] && Double.isFinite(slope[i]) && Double.isFinite(slope[i + 1])
                        && (slope[i] > 0) != (slope[i + 1] > 0)) {
                    candidates.add(SafeguardedNewton.root(t -> jet(t, 2), 1, x[i], x[i + 1], locationTolerance));
                } else if (i > 0 && i < n && Math.abs(slope[i]) < Math.abs(slope[i - 1])
                        && Math.abs(slope[i]) <= Math.abs(slope[i + 1])
                        && (slope[i] > 0) == (slope[i - 1] > 0) && (slope[i] > 0) == (slope[i + 1] > 0)) {
                    double curvatureLeft = jet(x[i - 1], 2).derivative(2);
                    double curvatureRight = jet(x[i + 1], 2).derivative(2);
                    if ((curvatureLeft > 0) != (curvatureRight > 0) || curvatureLeft == 0 || curvatureRight == 0) {
                        double c = SafeguardedNewton.root(t -> jet(t, 3), 2, x[i - 1], x[i + 1], locationTolerance);
                        if (Math.abs(slope(c)) <= accept) {
                            candidates.add(c);
                        }
                    }
                }
            }
            List<CriticalPoint> points = new ArrayList<>();
            for (double c : merged(candidates)) {
                points.add(classify(c));
            }
            return new CriticalPoints(a, b, points, extremum(points, true), extremum(points, false));
        }

        private List<Double> merged(List<Double> candidates) {
            List<Double> sorted = new ArrayList<>(candidates);
            sorted.sort(Comparator.naturalOrder());
            List<Double> merged = new ArrayList<>();
            for (double c : sorted) {
                int last = merged.size() - 1;
                if (last >= 0 && c - merged.get(last) <= 1e-3 * spacing) {
                    if (Math.abs(slope(c)) < Math.abs(slope(merged.get(last)))) {
                        merged.set(last, c);
                    }
                } else {
                    merged.add(c);
                }
            }
            return merged;
        }

        private CriticalPoint classify(double c) {
            Jet jet = jet(c, jetOrder);
            double value = jet.value();
            double zero = DERIVATIVE_ZERO * Math.max(1.0, Math.abs(value));
            Classification bySign = firstDerivativeTest(c, value);
            for (int order = 2; order <= jetOrder; order++) {
                double derivative = jet.derivative(order);
                if (Math.abs(derivative) > zero) {
                    Classification kind = order % 2 == 1 ? Classification.INFLECTION
                            : derivative > 0 ? Classification.LOCAL_MIN : Classification.LOCAL_MAX;
                    Criterion test = order == 2 ? Criterion.SECOND_DERIVATIVE : Criterion.HIGHER_DERIVATIVE;
                    return new CriticalPoint(c, value, kind, test, order, bySign);
                }
            }
            if (bySign != Classification.FLAT) {
                return new CriticalPoint(c, value, bySign, Criterion.FIRST_DERIVATIVE, 1, bySign);
            }
            return new CriticalPoint(c, value, Classification.FLAT, Criterion.NONE, jetOrder, bySign);
        }

        private Classification firstDerivativeTest(double c, double value) {
            double delta = spacing / 4;
            double rounding = ROUNDING_LEVEL * Math.max(1.0, Math.abs(value));
            int left = sign(slope(c - delta), delta, rounding);
            int right = sign(slope(c + delta), delta, rounding);
            if (left < 0 && right > 0) {
                return Classification.LOCAL_MIN;
            }
            if (left > 0 && right < 0) {
                return Classification.LOCAL_MAX;
            }
            if (left != 0 && left == right) {
                return Classification.INFLECTION;
            }
            return Classification.FLAT;
        }

        private static int sign(double slope, double delta, double rounding) {
            return Math.abs(slope) * delta > rounding ? (int) Math.signum(slope) : 0;
        }

        private GlobalExtremum extremum(List<CriticalPoint> points, boolean least) {
            List<double[]> places = new ArrayList<>();
            places.add(new double[] {a, f.valueAt(Point.of(variable, a))});
            for (CriticalPoint p : points) {
                places.add(new double[] {p.location(), p.value()});
            }
            places.add(new double[] {b, f.valueAt(Point.of(variable, b))});
            double best = least ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            for (double[] place : places) {
                if (least ? place[1] < best : place[1] > best) {
                    best = place[1];
                }
            }
            double tie = TIE * Math.max(1.0, Math.abs(best));
            List<Double> locations = new ArrayList<>();
            for (double[] place : places) {
                boolean repeated = !locations.isEmpty()
                        && place[0] - locations.get(locations.size() - 1) <= 1e-3 * spacing;
                if (Math.abs(place[1] - best) <= tie && !repeated) {
                    locations.add(place[0]);
                }
            }
            return new GlobalExtremum(best, locations);
        }
    }
}
