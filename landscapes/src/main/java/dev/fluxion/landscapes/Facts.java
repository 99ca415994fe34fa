package dev.fluxion.landscapes;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * What is known about a landscape, so that a study can tell success from failure and theory from practice.
 *
 * @param name the landscape's registry name, such as {@code rosenbrock}
 * @param spec the canonical spec that rebuilds this landscape, every parameter spelled out
 * @param description one line on what it is
 * @param dimension the number of variables
 * @param domain the search domain of the literature (where starts are drawn)
 * @param minimum the global minimum value f*, if known
 * @param globalMinimizers every known global minimizer x* (f(x*) = f*), each copied in and out
 * @param criticalPoints the other known critical points: local minima that are not global, maxima, saddles
 * @param smoothness the Lipschitz constant L of the gradient on R^n, if known
 * @param strongConvexity the strong-convexity constant mu, if known
 * @param start the default start of the literature (copied in and out)
 * @param tags what kind of landscape it is
 * @param sources the references the facts come from
 */
public record Facts(String name, String spec, String description, int dimension, Box domain, OptionalDouble minimum,
                    List<double[]> globalMinimizers, List<CriticalPoint> criticalPoints, OptionalDouble smoothness,
                    OptionalDouble strongConvexity, double[] start, Set<Tag> tags, List<String> sources) {

    /** Checks that every point has the landscape's dimension and copies the arrays. */
    public Facts {
        if (domain.dimension() != dimension || start.length != dimension) {
            throw new LandscapeException(name + ": the domain (" + domain.dimension() + ") and the start ("
                    + start.length + ") must have the landscape's dimension " + dimension);
        }
        for (double[] x : globalMinimizers) {
            requireDimension(name, "minimizer", x, dimension);
        }
        for (CriticalPoint p : criticalPoints) {
            requireDimension(name, "critical point", p.location(), dimension);
        }
        globalMinimizers = globalMinimizers.stream().map(double[]::clone).toList();
        criticalPoints = List.copyOf(criticalPoints);
        start = start.clone();
        tags = tags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(tags));
        sources = List.copyOf(sources);
    }

    private static void requireDimension(String name, String what, double[] x, int dimension) {
        if (x.length != dimension) {
            throw new LandscapeException(name + ": a " + what + " of dimension " + x.length
                    + " was given for a landscape of dimension " + dimension);
        }
    }

    /** Copies of the known global minimizers. */
    @Override
    public List<double[]> globalMinimizers() {
        return globalMinimizers.stream().map(double[]::clone).toList();
    }

    /** A copy of the default start. */
    @Override
    public double[] start() {
        return start.clone();
    }

    /** The known local minima that are not global. */
    public List<CriticalPoint> localMinima() {
        return of(Curvature.MIN);
    }

    /** The known saddle points, degenerate critical points included. */
    public List<CriticalPoint> saddlePoints() {
        return criticalPoints.stream()
                .filter(p -> p.curvature() == Curvature.SADDLE || p.curvature() == Curvature.DEGENERATE).toList();
    }

    /** The known local maxima. */
    public List<CriticalPoint> maxima() {
        return of(Curvature.MAX);
    }

    private List<CriticalPoint> of(Curvature curvature) {
        return criticalPoints.stream().filter(p -> p.curvature() == curvature).toList();
    }

    /** L / mu, if both are known. */
    public OptionalDouble conditionNumber() {
        return smoothness.isPresent() && strongConvexity.isPresent() && strongConvexity.getAsDouble() > 0
                ? OptionalDouble.of(smoothness.getAsDouble() / strongConvexity.getAsDouble())
                : OptionalDouble.empty();
    }

    /** Whether the landscape carries the tag. */
    public boolean has(Tag tag) {
        return tags.contains(tag);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Facts f)) {
            return false;
        }
        if (globalMinimizers.size() != f.globalMinimizers.size()) {
            return false;
        }
        for (int i = 0; i < globalMinimizers.size(); i++) {
            if (!Arrays.equals(globalMinimizers.get(i), f.globalMinimizers.get(i))) {
                return false;
            }
        }
        return name.equals(f.name) && spec.equals(f.spec) && description.equals(f.description)
                && dimension == f.dimension && domain.equals(f.domain) && minimum.equals(f.minimum)
                && criticalPoints.equals(f.criticalPoints) && smoothness.equals(f.smoothness)
                && strongConvexity.equals(f.strongConvexity) && Arrays.equals(start, f.start)
                && tags.equals(f.tags) && sources.equals(f.sources);
    }

    @Override
    public int hashCode() {
        return spec.hashCode() * 31 + Arrays.hashCode(start);
    }

    /** A few lines: the spec, the dimension, f* and where, the constants, the tags. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(spec).append(": ").append(description).append('\n');
        text.append("  dimension ").append(dimension).append(", domain ").append(domain).append('\n');
        minimum.ifPresent(m -> text.append("  f* = ").append(m).append(" at ")
                .append(globalMinimizers.stream().map(Arrays::toString).toList()).append('\n'));
        criticalPoints.forEach(p -> text.append("  ").append(p).append('\n'));
        smoothness.ifPresent(l -> text.append("  L = ").append(l).append('\n'));
        strongConvexity.ifPresent(m -> text.append("  mu = ").append(m).append('\n'));
        text.append("  start ").append(Arrays.toString(start)).append(", tags ").append(tags.stream().sorted().toList());
        return text.toString();
    }
}
