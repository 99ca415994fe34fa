package dev.fluxion.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Prints, from one JMH JSON result, the ratios that issues 3, 4, 6, 15, 16 and 19 ("Must show") bound, each marked PASS or
 * FAIL, the bytes allocated per compiled value-and-gradient call, further ratios for context, and every raw score.
 * Output is Markdown, ready for the README.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.fluxion.benchmarks.RatioReport results.json}.
 */
public final class RatioReport {
    private static final String ROSENBROCK = "RosenbrockGradientBenchmark.";
    private static final String HESSIAN = "RosenbrockHessianBenchmark.";
    private static final String TREE_WALK = "RosenbrockTreeWalkBenchmark.";
    private static final String LOGISTIC = "LogisticLossGradientBenchmark.";
    private static final String SOFTMAX = "SoftmaxCrossEntropyGradientBenchmark.";
    private static final String BEALE = "BealeGradientBenchmark.";
    private static final String ADAM = "AdamStepBenchmark.";
    private static final String ENGINE = "EngineBenchmark.";
    private static final String STEP_FLOOR = "StepFloorBenchmark.";
    private static final String LBFGS = "LbfgsBenchmark.";
    private static final int[] SIZES = {2, 10, 100, 1000};
    /**
     * The bound on an Adam chain step's allocation per microsecond over the fused loop's. Neither allocates, so
     * both show JMH's background allocation, whose rate per unit of time is the same for both; a step that
     * allocated even 24 bytes (about a tenth of the floor at 10 ms a call) would push the ratio past it.
     */
    static final double ADAM_ALLOCATION_BOUND = 1.25;

    /** A ratio of two benchmarks' times, with an optional bound: at most (or at least) {@code bound}. */
    record Ratio(String label, String numerator, String denominator, double bound, boolean atMost) {
        static Ratio atMost(String label, String numerator, String denominator, double bound) {
            return new Ratio(label, numerator, denominator, bound, true);
        }

        static Ratio atLeast(String label, String numerator, String denominator, double bound) {
            return new Ratio(label, numerator, denominator, bound, false);
        }

        static Ratio context(String label, String numerator, String denominator) {
            return new Ratio(label, numerator, denominator, Double.NaN, true);
        }

        boolean bounded() {
            return !Double.isNaN(bound);
        }

        String boundText() {
            return bounded() ? (atMost ? "<= " : ">= ") + format(bound) : "";
        }

        boolean holds(double value) {
            return atMost ? value <= bound : value >= bound;
        }
    }

    private RatioReport() {
    }

    /** The ratios bounded by the issue. */
    static List<Ratio> required() {
        return List.of(
                Ratio.atMost("vg / value, vector-built Rosenbrock n=1000",
                        ROSENBROCK + "vectorBuiltValueAndGradient:n=1000", ROSENBROCK + "vectorBuiltValue:n=1000", 4),
                Ratio.atMost("vg / value, logistic loss m=1000 d=20",
                        LOGISTIC + "compiledValueAndGradient", LOGISTIC + "compiledValue", 4),
                Ratio.atMost("vg / value, scalar-built Rosenbrock n=100",
                        ROSENBROCK + "scalarBuiltValueAndGradient:n=100", ROSENBROCK + "scalarBuiltValue:n=100", 5),
                Ratio.atMost("compiled vg / analytic vg, vector-built Rosenbrock n=1000",
                        ROSENBROCK + "vectorBuiltValueAndGradient:n=1000",
                        ROSENBROCK + "analyticValueAndGradient:n=1000", 2),
                Ratio.atMost("compiled vg / analytic vg, logistic loss",
                        LOGISTIC + "compiledValueAndGradient", LOGISTIC + "analyticValueAndGradient", 2),
                Ratio.atMost("compiled vg / analytic vg, scalar-built Rosenbrock n=1000",
                        ROSENBROCK + "scalarBuiltValueAndGradient:n=1000",
                        ROSENBROCK + "analyticValueAndGradient:n=1000", 2),
                Ratio.atMost("compiled vg / analytic vg on generated code (issue 19), logistic loss",
                        LOGISTIC + "compiledValueAndGradient", LOGISTIC + "analyticValueAndGradient", 1.2),
                Ratio.atMost("compiled vg / analytic vg on generated code (issue 19), softmax cross-entropy",
                        SOFTMAX + "compiledValueAndGradient", SOFTMAX + "analyticValueAndGradient", 1.2),
                Ratio.atMost("compiled vg / analytic vg, Beale",
                        BEALE + "compiledValueAndGradient", BEALE + "analyticValueAndGradient", 5),
                Ratio.atLeast("Hipparchus Gradient / compiled vg, scalar-built Rosenbrock n=100",
                        ROSENBROCK + "hipparchusGradient:n=100", ROSENBROCK + "scalarBuiltValueAndGradient:n=100", 10),
                Ratio.atLeast("Hipparchus Gradient / compiled vg, vector-built Rosenbrock n=100",
                        ROSENBROCK + "hipparchusGradient:n=100", ROSENBROCK + "vectorBuiltValueAndGradient:n=100", 10),
                Ratio.atLeast("Hipparchus Gradient / compiled vg, Beale",
                        BEALE + "hipparchusGradient", BEALE + "compiledValueAndGradient", 1),
                Ratio.atMost("compiled Hessian / analytic Hessian, Rosenbrock n=20",
                        HESSIAN + "scalarBuiltCompiledHessian:n=20", HESSIAN + "analyticHessian:n=20", 5),
                Ratio.atLeast("DerivativeStructure Hessian / compiled Hessian, Rosenbrock n=20",
                        HESSIAN + "derivativeStructureHessian:n=20", HESSIAN + "scalarBuiltCompiledHessian:n=20", 20),
                Ratio.atLeast("DerivativeStructure Hessian / compiled Hessian, scalar-built Rosenbrock n=20",
                        HESSIAN + "derivativeStructureHessian:n=20", HESSIAN + "scalarBuiltCompiledHessian:n=20", 5),
                Ratio.atLeast("DerivativeStructure Hessian / compiled Hessian, vector-built Rosenbrock n=20",
                        HESSIAN + "derivativeStructureHessian:n=20", HESSIAN + "vectorBuiltCompiledHessian:n=20", 5),
                Ratio.atMost("Adam step on 10^6 parameters (issue 4): optimizer chain / fused loop",
                        ADAM + "chainStep", ADAM + "fusedStep", 1.3),
                Ratio.atMost("lab engine, 200 runs of 1000 gd steps on 1 thread (issue 6): engine / bare loop",
                        ENGINE + "engineOneThread", ENGINE + "bareLoop", 1.1),
                Ratio.atLeast("lab engine, 200 runs of 1000 gd steps (issue 6): 1 thread / 2 threads",
                        ENGINE + "engineOneThread", ENGINE + "engineTwoThreads", 1.8),
                Ratio.atMost("adam on rosenbrock(dim=2), 1000 steps (issue 15): library / hand-written",
                        STEP_FLOOR + "adamRosenbrockLibrary", STEP_FLOOR + "adamRosenbrockHandWritten", 1.5),
                Ratio.atMost("gd on quadratic(dim=2, kappa=10), 1000 steps (issue 15): library / hand-written",
                        STEP_FLOOR + "gdQuadraticLibrary", STEP_FLOOR + "gdQuadraticHandWritten", 1.5),
                Ratio.atMost("momentum on beale, 1000 steps (issue 15): library / hand-written",
                        STEP_FLOOR + "momentumBealeLibrary", STEP_FLOOR + "momentumBealeHandWritten", 1.5),
                Ratio.atMost("lbfgs(memory=10) on vector-built rosenbrock(dim=1000), 20 iterations (issue 16): library"
                        + " / hand-written two-loop", LBFGS + "library", LBFGS + "handWritten", 1.5));
    }

    /** Ratios with no bound, for context. */
    static List<Ratio> context() {
        List<Ratio> ratios = new ArrayList<>();
        for (String function : List.of(BEALE, LOGISTIC, SOFTMAX)) {
            String name = function.substring(0, function.indexOf("GradientBenchmark"));
            String vg = function + "compiledValueAndGradient";
            ratios.add(Ratio.context(name + ": vg / value", vg, function + "compiledValue"));
            ratios.add(Ratio.context(name + ": compiled vg / analytic vg", vg, function + "analyticValueAndGradient"));
            ratios.add(Ratio.context(name + ": Hipparchus Gradient / compiled vg", function + "hipparchusGradient", vg));
            ratios.add(Ratio.context(name + ": centered differences / compiled vg", function + "centeredDifferences",
                    vg));
            ratios.add(Ratio.context(name + ": tree-walking duals / compiled vg", function + "treeWalkingDual", vg));
        }
        for (int n : SIZES) {
            String p = ":n=" + n;
            for (String build : List.of("scalarBuilt", "vectorBuilt")) {
                String label = "Rosenbrock " + build.replace("Built", "-built") + " n=" + n + ": ";
                String vg = ROSENBROCK + build + "ValueAndGradient" + p;
                ratios.add(Ratio.context(label + "vg / value", vg, ROSENBROCK + build + "Value" + p));
                ratios.add(Ratio.context(label + "compiled vg / analytic vg", vg,
                        ROSENBROCK + "analyticValueAndGradient" + p));
                ratios.add(Ratio.context(label + "Hipparchus Gradient / compiled vg",
                        ROSENBROCK + "hipparchusGradient" + p, vg));
                ratios.add(Ratio.context(label + "tree-walking duals / compiled vg",
                        TREE_WALK + build + "TreeWalkingDual" + p, vg));
            }
            ratios.add(Ratio.context("Rosenbrock n=" + n + ": centered differences / vector-built compiled vg",
                    ROSENBROCK + "centeredDifferences" + p, ROSENBROCK + "vectorBuiltValueAndGradient" + p));
        }
        ratios.add(Ratio.context("Rosenbrock n=20: vector-built compiled Hessian / analytic Hessian",
                HESSIAN + "vectorBuiltCompiledHessian:n=20", HESSIAN + "analyticHessian:n=20"));
        ratios.add(Ratio.context("Rosenbrock n=20: scalar-built interpreted Hessian / generated Hessian",
                HESSIAN + "scalarBuiltInterpretedHessian:n=20", HESSIAN + "scalarBuiltCompiledHessian:n=20"));
        ratios.add(Ratio.context("Rosenbrock n=20: scalar-built interpreted HVP / generated HVP",
                HESSIAN + "scalarBuiltInterpretedHessianVectorProduct:n=20",
                HESSIAN + "scalarBuiltHessianVectorProduct:n=20"));
        return ratios;
    }

    /**
     * The calls whose allocation must stay under one byte: compiled value-and-gradient. (An Adam step on 10^6
     * parameters takes milliseconds, so JMH's own allocation, spread over few calls, shows as tens to hundreds of
     * bytes per call; {@link #ADAM_ALLOCATION_BOUND} judges it against the fused loop's instead.)
     */
    static List<String> allocationFreeCalls() {
        List<String> names = new ArrayList<>(List.of(BEALE + "compiledValueAndGradient",
                LOGISTIC + "compiledValueAndGradient", SOFTMAX + "compiledValueAndGradient"));
        for (int n : SIZES) {
            names.add(ROSENBROCK + "scalarBuiltValueAndGradient:n=" + n);
            names.add(ROSENBROCK + "vectorBuiltValueAndGradient:n=" + n);
        }
        return names;
    }

    /** Reads the JSON file named by the first argument and prints the report. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: RatioReport <jmh-result.json>");
            System.exit(2);
        }
        print(JmhResults.read(Path.of(args[0])), System.out);
    }

    /** Prints the report. */
    static void print(JmhResults results, PrintStream out) {
        int passed = 0;
        int bounded = 0;
        out.println("| ratio (time / time) | measured | bound | verdict |");
        out.println("|---|---:|---:|---|");
        for (Ratio ratio : required()) {
            Optional<Double> value = value(results, ratio);
            String verdict = value.map(v -> ratio.holds(v) ? "PASS" : "FAIL").orElse("NOT MEASURED");
            bounded++;
            passed += verdict.equals("PASS") ? 1 : 0;
            out.println("| " + ratio.label() + " | " + value.map(RatioReport::format).orElse("-") + " | "
                    + ratio.boundText() + " | " + verdict + " |");
        }
        for (String name : allocationFreeCalls()) {
            Optional<JmhResults.Result> result = results.get(name);
            OptionalDouble bytes = result.map(JmhResults.Result::bytesPerOperation).orElse(OptionalDouble.empty());
            String verdict = result.isEmpty() ? "NOT MEASURED" : bytes.isEmpty() ? "NOT MEASURED (run with -prof gc)"
                    : bytes.getAsDouble() < 1 ? "PASS" : "FAIL";
            bounded++;
            passed += verdict.equals("PASS") ? 1 : 0;
            out.println("| allocation, " + name + " (B/op) | "
                    + (bytes.isEmpty() ? "-" : format(bytes.getAsDouble())) + " | < 1 | " + verdict + " |");
        }
        Optional<Double> adamAllocation = allocationPerTime(results, ADAM + "chainStep", ADAM + "fusedStep");
        if (results.get(ADAM + "chainStep").isPresent()) {
            String verdict = adamAllocation.map(v -> v <= ADAM_ALLOCATION_BOUND ? "PASS" : "FAIL")
                    .orElse("NOT MEASURED (run with -prof gc)");
            bounded++;
            passed += verdict.equals("PASS") ? 1 : 0;
            out.println("| allocation per us, " + ADAM + "chainStep / fusedStep (JMH's floor) | "
                    + adamAllocation.map(RatioReport::format).orElse("-") + " | <= " + ADAM_ALLOCATION_BOUND + " | "
                    + verdict + " |");
        }
        out.println();
        out.println("Within bounds: " + passed + " of " + bounded + ".");
        out.println();
        out.println("| ratio, for context (time / time) | measured |");
        out.println("|---|---:|");
        for (Ratio ratio : context()) {
            value(results, ratio).ifPresent(v -> out.println("| " + ratio.label() + " | " + format(v) + " |"));
        }
        out.println();
        out.println("| benchmark | mean | unit | allocated B/op |");
        out.println("|---|---:|---|---:|");
        for (JmhResults.Result result : results.all()) {
            out.println("| " + result.name() + " | " + format(result.score()) + " | " + result.unit() + " | "
                    + (result.bytesPerOperation().isPresent() ? format(result.bytesPerOperation().getAsDouble())
                    : "-") + " |");
        }
    }

    private static Optional<Double> value(JmhResults results, Ratio ratio) {
        Optional<JmhResults.Result> numerator = results.get(ratio.numerator());
        Optional<JmhResults.Result> denominator = results.get(ratio.denominator());
        if (numerator.isEmpty() || denominator.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(numerator.get().score() / denominator.get().score());
    }

    /** (B/op / time per op) of one benchmark over the other's: how much faster the first allocates. */
    private static Optional<Double> allocationPerTime(JmhResults results, String numerator, String denominator) {
        Optional<JmhResults.Result> a = results.get(numerator);
        Optional<JmhResults.Result> b = results.get(denominator);
        if (a.isEmpty() || b.isEmpty() || a.get().bytesPerOperation().isEmpty()
                || b.get().bytesPerOperation().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(a.get().bytesPerOperation().getAsDouble() / a.get().score()
                / (b.get().bytesPerOperation().getAsDouble() / b.get().score()));
    }

    /** Three significant digits, plain notation for ordinary sizes. */
    static String format(double value) {
        if (value == 0 || (Math.abs(value) >= 1e-3 && Math.abs(value) < 1e7)) {
            return new java.math.BigDecimal(value).round(new java.math.MathContext(3)).stripTrailingZeros()
                    .toPlainString();
        }
        return String.format(Locale.ROOT, "%.2e", value);
    }
}
