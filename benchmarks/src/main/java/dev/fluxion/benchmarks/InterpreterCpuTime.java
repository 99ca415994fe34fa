package dev.fluxion.benchmarks;

import dev.fluxion.dsl.tape.CompiledExpression;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The tape interpreter's rows ({@link InterpreterBenchmark}) by the thread's CPU time, for a machine that other work
 * loads, with two rows of element-wise vector operations: one case per JVM (as a JMH fork), timed in rounds after a
 * warm-up:
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.fluxion.benchmarks.InterpreterCpuTime CASE [rounds]
 * </pre>
 * CASE is {@code value}, {@code vg} or {@code hvp} (scalar-built Rosenbrock, n = 100: value, value and gradient, one
 * Hessian-vector product), {@code vector-vg} or {@code vector-hvp} (vector-built Rosenbrock, n = 1000), or
 * {@code logistic-vg} (the logistic loss of 200 examples and 20 features, a matrix product under a softplus). It
 * prints the fastest and the median round in us per call; two builds compare by running both, case by case, in
 * turn.
 */
public final class InterpreterCpuTime {
    private static final List<String> CASES = List.of("value", "vg", "hvp", "vector-vg", "vector-hvp", "logistic-vg");

    /** Where each call's result goes, so that the JIT keeps the work. */
    private static volatile Object sink;

    private InterpreterCpuTime() {
    }

    public static void main(String[] args) {
        if (args.length < 1 || !CASES.contains(args[0])) {
            throw new IllegalArgumentException("usage: InterpreterCpuTime " + String.join("|", CASES) + " [rounds]");
        }
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        Supplier<Object> call = call(args[0]);
        long warmUpEnd = System.nanoTime() + 3_000_000_000L;
        int calls = 0;
        while (System.nanoTime() < warmUpEnd || calls < 20_000) {
            sink = call.get();
            calls++;
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int perRound = 500;
        double[] times = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long start = threads.getCurrentThreadCpuTime();
            for (int k = 0; k < perRound; k++) {
                sink = call.get();
            }
            times[r] = (threads.getCurrentThreadCpuTime() - start) / 1e3 / perRound;
        }
        Arrays.sort(times);
        System.out.printf("%s: fastest %.3f median %.3f us per call (%d rounds of %d calls)%n", args[0], times[0],
                times[rounds / 2], rounds, perRound);
    }

    private static Supplier<Object> call(String name) {
        if (name.startsWith("logistic")) {
            LogisticLoss loss = LogisticLoss.seeded(200, 20, 1);
            CompiledExpression f = loss.expression().compile("w").interpreted();
            double[] w = Rosenbrock.point(20, 42);
            double[] gradient = new double[20];
            return () -> f.valueAndGradient(w, gradient);
        }
        boolean vector = name.startsWith("vector");
        int n = vector ? 1000 : 100;
        CompiledExpression f = vector ? Rosenbrock.vectorBuilt(n).compile("x").interpreted()
                : Rosenbrock.scalarBuilt(n).compile(Rosenbrock.scalarVariableNames(n)).interpreted();
        double[] x = Rosenbrock.point(n, 42);
        double[] direction = Rosenbrock.point(n, 7);
        double[] gradient = new double[n];
        double[] product = new double[n];
        return switch (name.substring(vector ? "vector-".length() : 0)) {
            case "value" -> () -> f.value(x);
            case "vg" -> () -> f.valueAndGradient(x, gradient);
            default -> () -> {
                f.hessianVectorProduct(x, direction, product);
                return product;
            };
        };
    }
}
