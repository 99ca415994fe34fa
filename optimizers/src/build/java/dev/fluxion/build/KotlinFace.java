package dev.fluxion.build;

import dev.fluxion.dsl.spec.ParameterType;
import dev.fluxion.optimizers.Chain;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.Optimizers;
import dev.fluxion.optimizers.Signature;
import dev.fluxion.optimizers.Transform;
import dev.fluxion.optimizers.schedule.Schedule;
import dev.fluxion.optimizers.schedule.Schedules;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The Kotlin face of the optimizers, {@code dev.fluxion.optimizers.kotlin}, written from the {@link Signature}s: one
 * function per named optimizer, building block, line search and schedule, named as in specs ({@code newton-tr}
 * becomes {@code newtonTr}), with one named parameter per hyperparameter whose default is the record's own. A
 * schedule-valued hyperparameter that takes a constant (a learning rate) gets a second function where it is a
 * {@code Double}, checked as a spec giving that number would be ({@link Signature#constant(String, double)}): Kotlin
 * has no conversion from a number to a schedule, so {@code adam(lr = 0.01)} and {@code adam(lr = cosine(...))} need
 * two functions, and this table writes both so that no one writes either twice.
 *
 * <p>A build tool, not library API: it lives in {@code optimizers/src/build/java}, outside the library's sources. After
 * the library is compiled, the build runs this file with {@code java} as a single source file (compiled in memory,
 * against the library's classes), {@link #main} writes the face into {@code target/generated-sources/kotlin-face},
 * and a second Kotlin compile puts it beside the library's classes. Only the generated {@code Factories} ship.
 *
 * <pre>{@code
 * adam(lr = 0.01, beta2 = 0.99)                               // Optimizers.parse("adam(lr=0.01, beta2=0.99)")
 * chain(clip(norm = 10.0), nesterov(lr = cosine(init = 0.05, steps = 1500)))
 * }</pre>
 */
public final class KotlinFace {
    private static final String PACKAGE = "dev.fluxion.optimizers.kotlin";
    private static final Set<String> HARD_KEYWORDS = Set.of("as", "break", "class", "continue", "do", "else", "false",
            "for", "fun", "if", "in", "interface", "is", "null", "object", "package", "return", "super", "this",
            "throw", "true", "try", "typealias", "typeof", "val", "var", "when", "while");
    private static final Map<Class<?>, String> KOTLIN_TYPES = Map.of(double.class, "Double", long.class, "Long",
            int.class, "Int", boolean.class, "Boolean", String.class, "String", Schedule.class, "Schedule",
            Transform.class, "Transform");

    private KotlinFace() {
    }

    /**
     * Writes {@code dev/fluxion/optimizers/kotlin/Factories.kt} below the folder {@code args[0]}.
     *
     * @throws IOException if the file cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0], PACKAGE.replace('.', '/'), "Factories.kt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source(), StandardCharsets.UTF_8);
    }

    /** The signatures the face covers: every built-in provider, then every schedule. */
    static List<Signature<?>> signatures() {
        return Stream.concat(Optimizers.BUILT_IN.stream(),
                Schedules.SIGNATURES.stream()).toList();
    }

    /** The Kotlin source of the face. */
    static String source() {
        Set<String> imports = new TreeSet<>(List.of(Chain.class.getName(), Transform.class.getName(),
                Schedule.class.getName()));
        StringBuilder functions = new StringBuilder();
        for (Signature<?> signature : signatures()) {
            imports.add(signature.type().getName());
            functions.append(functions(signature));
        }
        return """
                /**
                 * The Kotlin face of the optimizers, written by the build (dev.fluxion.build.KotlinFace) from the records'
                 * signatures: a function per named optimizer, building block, line search and schedule, with named
                 * parameters whose defaults are the typed values' own, so that
                 * ```
                 * adam(lr = 0.01, beta2 = 0.99)
                 * chain(clip(norm = 10.0), nesterov(lr = cosine(init = 0.05, steps = 1500)))
                 * ```
                 * are the values `Optimizers.parse("adam(lr=0.01, beta2=0.99)")` and so on give, and print those
                 * specs. Every value goes through its record's constructor, so an out-of-range one is refused with the
                 * text spec's message, less its column. A learning rate is a number or a schedule.
                 */
                @file:JvmName("Factories")

                package %s

                %s

                /** The transforms applied in order, `chain(T1, T2, ...)` ([Chain], optax's `chain`). */
                fun chain(vararg links: Transform): Chain = Chain(links.toList())
                %s""".formatted(PACKAGE, imports.stream().map(i -> "import " + i).collect(Collectors.joining("\n")),
                functions);
    }

    /** The function of a signature, and one more per schedule-valued hyperparameter that takes a number. */
    private static String functions(Signature<?> signature) {
        List<Hyperparameter> declared = signature.hyperparameters();
        StringBuilder text = new StringBuilder(function(signature, -1));
        for (int i = 0; i < declared.size(); i++) {
            if (declared.get(i).type() == ParameterType.NESTED && declared.get(i).range() != null) {
                text.append(function(signature, i));
            }
        }
        return text.toString();
    }

    /**
     * The function of a signature; with {@code number >= 0}, the one whose hyperparameter at that index is a
     * required {@code Double}, made a constant schedule.
     */
    private static String function(Signature<?> signature, int number) {
        Class<?> type = signature.type();
        String record = type.getSimpleName();
        RecordComponent[] components = type.getRecordComponents();
        List<Hyperparameter> declared = signature.hyperparameters();
        boolean hasDefault = Stream.of(type.getFields()).anyMatch(f -> f.getName().equals("DEFAULT")
                && Modifier.isStatic(f.getModifiers()) && f.getType() == type);
        List<String> parameters = new ArrayList<>();
        List<String> arguments = new ArrayList<>();
        for (int i = 0; i < components.length; i++) {
            Hyperparameter h = declared.get(i);
            String name = HARD_KEYWORDS.contains(h.name()) ? "`" + h.name() + "`" : h.name();
            String kotlinType = KOTLIN_TYPES.get(components[i].getType());
            if (kotlinType == null) {
                throw new IllegalStateException(type.getName() + "." + components[i].getName() + " is a "
                        + components[i].getType().getName() + ", which the Kotlin face does not know");
            }
            if (i == number) {
                parameters.add(name + ": Double");
                arguments.add(record + ".SIGNATURE.constant(\"" + h.name() + "\", " + name + ")");
                continue;
            }
            String defaultValue = h.defaultValue() == null ? ""
                    : hasDefault ? " = " + record + ".DEFAULT." + components[i].getName() + "()"
                    : " = " + record + ".SIGNATURE.hyperparameters()[" + i + "].defaultValue() as " + kotlinType;
            parameters.add(name + ": " + kotlinType + defaultValue);
            arguments.add(name);
        }
        String spec = signature.name() + declared.stream().map(h -> h.name() + "=...")
                .collect(Collectors.joining(", ", "(", ")"));
        String doc = number < 0 ? signature.description() + ": `" + spec + "` ([" + record + "])."
                : "[" + functionName(signature.name()) + "] with a constant " + declared.get(number).name()
                + ", checked as `" + signature.name() + "(" + declared.get(number).name() + "=...)` checks it.";
        return "\n/** " + doc.replace("*/", "* /") + " */\nfun " + functionName(signature.name()) + "("
                + parameters.stream().map(p -> "\n    " + p + ",").collect(Collectors.joining()) + "\n): " + record
                + " = " + record + "(" + String.join(", ", arguments) + ")\n";
    }

    /** A spec name as a Kotlin function name: {@code newton-tr} becomes {@code newtonTr}. */
    static String functionName(String specName) {
        String[] words = specName.split("-");
        return words[0] + IntStream.range(1, words.length)
                .mapToObj(i -> Character.toUpperCase(words[i].charAt(0)) + words[i].substring(1))
                .collect(Collectors.joining());
    }
}
