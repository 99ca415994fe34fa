package dev.fluxion.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The results of one JMH run as written by {@code -rf json}: for each benchmark (and parameter values), its mean
 * score, the score of each measured iteration and, when run with {@code -prof gc}, the bytes it allocated per
 * operation ({@code gc.alloc.rate.norm}).
 *
 * <p>A benchmark is named by its simple class name and method, with parameters after a colon:
 * {@code RosenbrockGradientBenchmark.vectorBuiltValue:n=1000}.
 */
public final class JmhResults {
    /**
     * One benchmark's outcome: mean score in {@code unit}, bytes per operation if measured, and the score of every
     * measured iteration, fork after fork.
     */
    public record Result(String name, double score, String unit, OptionalDouble bytesPerOperation,
                         List<Double> iterations) {
        /** The result, its iterations copied. */
        public Result {
            iterations = List.copyOf(iterations);
        }
    }

    private final Map<String, Result> results;

    private JmhResults(Map<String, Result> results) {
        this.results = results;
    }

    /** Reads a JMH JSON result file. */
    public static JmhResults read(Path file) throws IOException {
        return parse(Files.readString(file));
    }

    /** Parses the text of a JMH JSON result file. */
    @SuppressWarnings("unchecked")
    public static JmhResults parse(String json) {
        Map<String, Result> results = new LinkedHashMap<>();
        for (Object entry : (List<Object>) new JsonReader(json).value()) {
            Map<String, Object> run = (Map<String, Object>) entry;
            String benchmark = (String) run.get("benchmark");
            String[] parts = benchmark.split("\\.");
            StringBuilder name = new StringBuilder(parts[parts.length - 2]).append('.').append(parts[parts.length - 1]);
            Map<String, Object> params = (Map<String, Object>) run.getOrDefault("params", Map.of());
            params.forEach((key, value) -> name.append(':').append(key).append('=').append(value));
            Map<String, Object> primary = (Map<String, Object>) run.get("primaryMetric");
            Map<String, Object> secondary = (Map<String, Object>) run.getOrDefault("secondaryMetrics", Map.of());
            OptionalDouble bytes = OptionalDouble.empty();
            if (secondary.get("gc.alloc.rate.norm") instanceof Map<?, ?> allocation) {
                bytes = OptionalDouble.of(number(allocation.get("score")));
            }
            List<Double> iterations = new ArrayList<>();
            for (Object fork : (List<Object>) primary.getOrDefault("rawData", List.of())) {
                for (Object iteration : (List<Object>) fork) {
                    iterations.add(number(iteration));
                }
            }
            results.put(name.toString(), new Result(name.toString(), number(primary.get("score")),
                    (String) primary.get("scoreUnit"), bytes, iterations));
        }
        return new JmhResults(results);
    }

    /** A number, which JMH writes as a string when it is NaN or infinite. */
    private static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(value));
    }

    /** The result of a benchmark by name, if it was run. */
    public Optional<Result> get(String name) {
        return Optional.ofNullable(results.get(name));
    }

    /** All results, in the order of the file. */
    public List<Result> all() {
        return new ArrayList<>(results.values());
    }

    /** Just enough of JSON for JMH's output: objects, arrays, strings, numbers, true/false/null, bare NaN. */
    private static final class JsonReader {
        private final String text;
        private int position;

        JsonReader(String text) {
            this.text = text;
        }

        Object value() {
            skipSpace();
            char c = text.charAt(position);
            if (c == '{') {
                return object();
            }
            if (c == '[') {
                return array();
            }
            if (c == '"') {
                return string();
            }
            return literal();
        }

        private Map<String, Object> object() {
            Map<String, Object> map = new LinkedHashMap<>();
            position++;
            skipSpace();
            if (text.charAt(position) == '}') {
                position++;
                return map;
            }
            while (true) {
                skipSpace();
                String key = string();
                skipSpace();
                expect(':');
                map.put(key, value());
                skipSpace();
                if (text.charAt(position++) == '}') {
                    return map;
                }
            }
        }

        private List<Object> array() {
            List<Object> list = new ArrayList<>();
            position++;
            skipSpace();
            if (text.charAt(position) == ']') {
                position++;
                return list;
            }
            while (true) {
                list.add(value());
                skipSpace();
                if (text.charAt(position++) == ']') {
                    return list;
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = text.charAt(position++);
                if (c == '"') {
                    return out.toString();
                }
                if (c == '\\') {
                    char escaped = text.charAt(position++);
                    switch (escaped) {
                        case 'n' -> out.append('\n');
                        case 't' -> out.append('\t');
                        case 'r' -> out.append('\r');
                        case 'b' -> out.append('\b');
                        case 'f' -> out.append('\f');
                        case 'u' -> {
                            out.append((char) Integer.parseInt(text.substring(position, position + 4), 16));
                            position += 4;
                        }
                        default -> out.append(escaped);
                    }
                } else {
                    out.append(c);
                }
            }
        }

        private Object literal() {
            int start = position;
            while (position < text.length() && ",]} \t\r\n".indexOf(text.charAt(position)) < 0) {
                position++;
            }
            String word = text.substring(start, position);
            return switch (word) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                case "null" -> null;
                default -> Double.parseDouble(word);
            };
        }

        private void expect(char c) {
            if (text.charAt(position) != c) {
                throw new IllegalArgumentException("expected '" + c + "' at character " + position + " of the JMH"
                        + " result, found '" + text.charAt(position) + "'");
            }
            position++;
        }

        private void skipSpace() {
            while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
                position++;
            }
        }
    }
}
