package dev.fluxion.dsl.expr;

import dev.fluxion.dsl.DslException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A point: an immutable assignment of a value to each named variable, in the order given.
 */
public final class Point {
    private final Map<String, Double> coordinates;

    private Point(Map<String, Double> coordinates) {
        this.coordinates = Collections.unmodifiableMap(coordinates);
    }

    /**
     * A point from alternating names and values: {@code Point.of("x", 1.0, "y", 2.0)}. A {@code double[]} value
     * binds the elements of a vector variable: {@code Point.of("w", new double[] {1, 2})} binds w[0] and w[1].
     */
    public static Point of(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new DslException("Point.of takes names and values in pairs, got " + namesAndValues.length
                    + " arguments");
        }
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (!(namesAndValues[i] instanceof String name)) {
                throw new DslException("Point.of: argument " + (i + 1) + " must be a variable name, got "
                        + namesAndValues[i]);
            }
            if (namesAndValues[i + 1] instanceof double[] vector) {
                for (int j = 0; j < vector.length; j++) {
                    map.put(name + "[" + j + "]", vector[j]);
                }
                continue;
            }
            if (!(namesAndValues[i + 1] instanceof Number value)) {
                throw new DslException("Point.of: the value of " + name + " must be a number or a double[], got "
                        + namesAndValues[i + 1]);
            }
            putOnce(map, name, value.doubleValue());
        }
        return new Point(map);
    }

    /** A point from a map of names to values, kept in the map's iteration order. */
    public static Point of(Map<String, Double> coordinates) {
        return new Point(new LinkedHashMap<>(coordinates));
    }

    /** A point giving {@code values[i]} to {@code names.get(i)}. */
    public static Point of(List<String> names, double[] values) {
        if (names.size() != values.length) {
            throw new DslException("a point needs one value per variable: " + names.size() + " variables "
                    + names + " but " + values.length + " values");
        }
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            putOnce(map, names.get(i), values[i]);
        }
        return new Point(map);
    }

    /** Adds a coordinate, refusing a name given twice (the second value would silently win). */
    private static void putOnce(Map<String, Double> map, String name, double value) {
        if (map.put(name, value) != null) {
            throw new DslException("a point names variable '" + name + "' twice; expected each name once");
        }
    }

    /** The value of the variable, or a clear error naming it and the variables this point binds. */
    public double get(String name) {
        Double value = coordinates.get(name);
        if (value == null) {
            throw new DslException("variable '" + name + "' is not bound; the point binds " + names());
        }
        return value;
    }

    /** Whether this point gives a value to the variable. */
    public boolean binds(String name) {
        return coordinates.containsKey(name);
    }

    /** The variable names in order. */
    public List<String> names() {
        return List.copyOf(coordinates.keySet());
    }

    /** The coordinates as an unmodifiable map. */
    public Map<String, Double> asMap() {
        return coordinates;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Point p && coordinates.equals(p.coordinates);
    }

    @Override
    public int hashCode() {
        return coordinates.hashCode();
    }

    /** Like {@code x = 1.0, y = 2.0}. */
    @Override
    public String toString() {
        StringJoiner joiner = new StringJoiner(", ");
        coordinates.forEach((name, value) -> joiner.add(name + " = " + value));
        return joiner.toString();
    }
}
