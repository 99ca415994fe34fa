package dev.fluxion.dsl.expr;

import dev.fluxion.dsl.function.Binary;
import dev.fluxion.dsl.function.BinaryFunction;
import dev.fluxion.dsl.function.Unary;
import dev.fluxion.dsl.function.UnaryFunction;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The names formulas may call: every function of {@link Unary} and {@link Binary} by its symbol, plus the
 * aliases {@code ln} (log), {@code swish} (silu), {@code digamma}, {@code trigamma} and {@code polygamma}, and the
 * named constants {@code pi}, {@code e}, {@code inf} and {@code nan}.
 */
final class FunctionCatalog {
    private static final Map<String, UnaryFunction> UNARY = new TreeMap<>();
    private static final Map<String, BinaryFunction> BINARY = new TreeMap<>();
    /** Functions with an optional second argument and its default. */
    private static final Map<String, Double> DEFAULT_SECOND = Map.of("leakyRelu", 0.01, "elu", 1.0);
    private static final Set<String> CONSTANTS = Set.of("pi", "e", "inf", "nan");
    private static final Set<String> SPECIAL = Set.of("digamma", "trigamma", "polygamma");

    static {
        for (Unary f : Unary.values()) {
            if (f != Unary.NEG) {
                UNARY.put(f.symbol(), f);
            }
        }
        UNARY.put("ln", Unary.LOG);
        UNARY.put("swish", Unary.SILU);
        for (Binary f : Binary.values()) {
            if (Character.isLetter(f.symbol().charAt(0))) {
                BINARY.put(f.symbol(), f);
            }
        }
    }

    private FunctionCatalog() {
    }

    static UnaryFunction unary(String name) {
        return UNARY.get(name);
    }

    static BinaryFunction binary(String name) {
        return BINARY.get(name);
    }

    /** The default second argument of {@code leakyRelu} and {@code elu}, or null. */
    static Double defaultSecond(String name) {
        return DEFAULT_SECOND.get(name);
    }

    static boolean isConstant(String name) {
        return CONSTANTS.contains(name);
    }

    static boolean isFunction(String name) {
        return UNARY.containsKey(name) || BINARY.containsKey(name) || SPECIAL.contains(name);
    }

    static boolean isReserved(String name) {
        return isFunction(name) || isConstant(name);
    }

    /** Every function name a formula may call, sorted. */
    static SortedSet<String> functionNames() {
        SortedSet<String> names = new TreeSet<>(UNARY.keySet());
        names.addAll(BINARY.keySet());
        names.addAll(SPECIAL);
        return names;
    }
}
