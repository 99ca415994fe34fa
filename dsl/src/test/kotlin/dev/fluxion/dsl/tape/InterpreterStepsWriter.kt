package dev.fluxion.dsl.tape

import java.lang.reflect.Modifier

/**
 * Writes `InterpreterSteps.java` (dsl/src/main), the interpreter's loops over a schedule of nodes, from the rule
 * table: each operation's case is [Rules] run on a [Machine] whose numbers name pieces of Java source, so the
 * interpreter states no rule of its own. [InterpreterStepsSpec] compares the file with what this writes.
 *
 * The operations are found, not listed: those [Rules.value] has a rule for are scalar cases, those
 * [Tape.elementRule] maps to a rule are element-wise vector cases (a loop over the elements); the names are
 * [Tape]'s own constants. A new operation in the table is in the next file written.
 */
object InterpreterStepsWriter {
    /** Where the file lives, from the dsl module's folder (the tests' working folder). */
    const val PATH = "src/main/java/dev/fluxion/dsl/tape/InterpreterSteps.java"

    /** The four sweeps: what each loop computes for a node, in the order of the file. */
    private enum class Sweep { VALUE, TANGENT, ADJOINT, ADJOINT_WITH_TANGENT }

    /** Java's operator precedence, as far as the rules use it: a term of a lower level is put in parentheses. */
    private const val ADDITIVE = 0
    private const val MULTIPLICATIVE = 1
    private const val PREFIX = 2
    private const val PRIMARY = 3

    private class Term(val text: String, val precedence: Int)

    /** One statement of a rule, and the operand (a [Machine] constant) whose buffer it writes, or -1 for the node. */
    private class Statement(val target: Int, val text: String)

    /**
     * The machine that writes Java: a rule's number is the index of its [Term]. On a scalar node the operands are
     * the nodes l, r, i (the node), p and q (the partials); on an element-wise node, element j of the vector at
     * offset l, r, o (the node), p or q. The adjoint and its tangent are a and ad on a scalar node, g and gd
     * (element j's) on a vector node.
     */
    private class JavaMachine(val element: Boolean) : Machine {
        val terms = mutableListOf<Term>()
        val statements = mutableListOf<Statement>()
        val operands = sortedSetOf<Int>()
        var readsAdjoint = false
        var readsAdjointTangent = false
        var readsConstant = false
        var function: String? = null

        fun text(name: Double) = terms[name.toInt()].text

        private fun term(text: String, precedence: Int): Double {
            terms += Term(text, precedence)
            return (terms.size - 1).toDouble()
        }

        private fun operand(name: Double, parenthesized: Boolean): String {
            val t = terms[name.toInt()]
            return if (parenthesized) "(${t.text})" else t.text
        }

        /** a op b, left to right: the right operand is parenthesized at its own level too (no reassociation). */
        private fun infix(symbol: String, precedence: Int, a: Double, b: Double): Double = term(
            operand(a, terms[a.toInt()].precedence < precedence) + " $symbol " +
                operand(b, terms[b.toInt()].precedence <= precedence), precedence)

        fun index(operand: Int): String {
            val name = if (operand == Machine.SELF) (if (element) "o" else "i") else local(operand)
            if (operand != Machine.SELF) {
                operands += operand
            }
            return if (element) "$name + j" else name
        }

        override fun value(operand: Int) = term("v[${index(operand)}]", PRIMARY)

        override fun tangent(operand: Int) = term("dot[${index(operand)}]", PRIMARY)

        override fun adjoint(): Double {
            readsAdjoint = true
            return term(if (element) "g" else "a", PRIMARY)
        }

        override fun adjointTangent(): Double {
            readsAdjointTangent = true
            return term(if (element) "gd" else "ad", PRIMARY)
        }

        override fun nodeConstant(): Double {
            readsConstant = true
            return term(if (element) "c" else "t.constants[i]", PRIMARY)
        }

        override fun constant(c: Double) = term(c.toString(), if (c < 0) PREFIX else PRIMARY)

        override fun plus(a: Double, b: Double) = infix("+", ADDITIVE, a, b)

        override fun minus(a: Double, b: Double) = infix("-", ADDITIVE, a, b)

        override fun times(a: Double, b: Double) = infix("*", MULTIPLICATIVE, a, b)

        override fun over(a: Double, b: Double) = infix("/", MULTIPLICATIVE, a, b)

        override fun negated(a: Double) = term("-" + operand(a, terms[a.toInt()].precedence <= PREFIX), PREFIX)

        override fun dividedBySquare(u: Double, w: Double) =
            term("Sweeps.dividedBySquare(${text(u)}, ${text(w)})", PRIMARY)

        override fun unary(x: Double): Double {
            function = "unary"
            return term("${if (element) "f" else "t.unary[i]"}.value(${text(x)})", PRIMARY)
        }

        override fun binary(x: Double, y: Double): Double {
            function = "binary"
            return term("${if (element) "f" else "t.binary[i]"}.value(${text(x)}, ${text(y)})", PRIMARY)
        }

        private fun contribute(buffer: String, operand: Int, symbol: String, contribution: Double) {
            statements += Statement(operand, "$buffer[${index(operand)}] $symbol ${text(contribution)};")
        }

        override fun addToAdjoint(operand: Int, contribution: Double) = contribute("adj", operand, "+=", contribution)

        override fun subtractFromAdjoint(operand: Int, contribution: Double) =
            contribute("adj", operand, "-=", contribution)

        override fun addToAdjointTangent(operand: Int, contribution: Double) =
            contribute("adjDot", operand, "+=", contribution)

        override fun subtractFromAdjointTangent(operand: Int, contribution: Double) =
            contribute("adjDot", operand, "-=", contribution)
    }

    /** The machine after running the rules of [sweep] for operation [rule]. */
    private fun run(sweep: Sweep, rule: Int, element: Boolean): JavaMachine {
        val m = JavaMachine(element)
        val node = if (element) "o + j" else "i"
        when (sweep) {
            Sweep.VALUE -> m.statements += Statement(-1, "v[$node] = ${m.text(Rules.value(rule, m))};")
            Sweep.TANGENT -> m.statements += Statement(-1, "dot[$node] = ${m.text(Rules.tangent(rule, m))};")
            Sweep.ADJOINT -> Rules.adjoint(rule, m)
            Sweep.ADJOINT_WITH_TANGENT -> {
                Rules.adjoint(rule, m)
                Rules.adjointTangent(rule, m)
            }
        }
        return m
    }

    /** The names of [Tape]'s operation codes, by code. */
    private val names: Map<Int, String> = Tape::class.java.declaredFields
        .filter { Modifier.isStatic(it.modifiers) && it.type == Int::class.javaPrimitiveType }
        .associate { it.isAccessible = true; it.getInt(null) to it.name }

    private fun hasScalarRule(code: Int) = try {
        Rules.value(code, JavaMachine(false))
        true
    } catch (e: IllegalStateException) {
        false
    }

    /** The operations with a rule of their own, not element-wise. */
    private val scalarOperations = names.keys.sorted().filter { Tape.elementRule(it) < 0 && hasScalarRule(it) }

    /** The element-wise vector operations. */
    private val elementOperations = names.keys.sorted().filter { Tape.elementRule(it) >= 0 }

    /** The array of [Tape] naming operand [operand] of a node. */
    private fun array(operand: Int) = when (operand) {
        Machine.LEFT -> "left"
        Machine.RIGHT -> "right"
        Machine.FIRST_PARTIAL -> "firstPartial"
        else -> "secondPartial"
    }

    /** The local holding operand [operand] of a node (its node, or its first element's offset). */
    private fun local(operand: Int) = when (operand) {
        Machine.LEFT -> "l"
        Machine.RIGHT -> "r"
        Machine.FIRST_PARTIAL -> "p"
        else -> "q"
    }

    /** A scalar operation's case: its operands' nodes, then the statements of its rules. */
    private fun scalarCase(out: StringBuilder, sweep: Sweep, code: Int) {
        val m = run(sweep, code, false)
        out.append("                case Tape.${names[code]} -> {\n")
        line(out, "                    ",
            "int " + m.operands.joinToString(", ") { "${local(it)} = ${array(it)}[i]" } + ";")
        for (s in m.statements) {
            line(out, "                    ", s.text)
        }
        out.append("                }\n")
    }

    /**
     * An element-wise operation's case: the offsets of the node and its operands, then one loop over the elements;
     * for adjoints one loop per operand, skipped when the operand is constant data (nothing reads its adjoint).
     * Element j's contributions to an operand come in the rule's order either way.
     */
    private fun elementCase(out: StringBuilder, sweep: Sweep, code: Int) {
        val m = run(sweep, Tape.elementRule(code), true)
        out.append("            case Tape.${names[code]} -> {\n")
        line(out, "                ", "int o = t.offset[i]" +
            m.operands.joinToString("") { ", ${local(it)} = t.offset[t.${array(it)}[i]]" } + ";")
        if (m.readsConstant) {
            out.append("                double c = t.constants[i];\n")
        }
        m.function?.let { out.append("                var f = t.$it[i];\n") }
        val loops = m.statements.groupBy { it.target }
        for ((target, statements) in loops) {
            var indent = "                "
            if (target >= 0) {
                out.append("${indent}if (!t.constantNode[t.${array(target)}[i]]) {\n")
                indent += "    "
            }
            out.append("${indent}for (int j = 0; j < n; j++) {\n")
            val reads = listOfNotNull(
                "g = adj[o + j]".takeIf { m.readsAdjoint && statements.any { "g" in words(it.text) } },
                "gd = adjDot[o + j]".takeIf { m.readsAdjointTangent && statements.any { "gd" in words(it.text) } })
            if (reads.isNotEmpty()) {
                out.append("$indent    double ${reads.joinToString(", ")};\n")
            }
            for (s in statements) {
                line(out, "$indent    ", s.text)
            }
            out.append("$indent}\n")
            if (target >= 0) {
                out.append("                }\n")
            }
        }
        out.append("            }\n")
    }

    /**
     * Appends [text] at [indent], broken before the last operator or after the last comma outside parentheses that
     * keeps a line within 120 columns, the rest indented 8 more.
     */
    private fun line(out: StringBuilder, indent: String, text: String) {
        var rest = text
        var at = indent
        while (at.length + rest.length > 120) {
            var depth = 0
            var cut = -1
            for ((k, ch) in rest.withIndex()) {
                when (ch) {
                    '(', '[' -> depth++
                    ')', ']' -> depth--
                }
                if (at.length + k > 120) {
                    break
                }
                if (depth == 0 && k > 0 && rest[k - 1] == ' ' && (ch == '+' || ch == '-') && rest.getOrNull(k + 1) == ' ') {
                    cut = k - 1
                } else if (depth <= 1 && ch == ',' && at.length + k < 120) {
                    cut = k + 1
                }
            }
            if (cut < 0) {
                break
            }
            out.append(at).append(rest.substring(0, cut).trimEnd()).append('\n')
            rest = rest.substring(cut).trimStart()
            at = indent + "        "
        }
        out.append(at).append(rest).append('\n')
    }

    private fun words(text: String) = text.split(Regex("[^A-Za-z0-9_]+")).toSet()

    private class Method(
        val sweep: Sweep,
        val javadoc: String,
        val name: String,
        val buffers: String,
        val elementName: String,
        val elementJavadoc: String,
        val elementBuffers: String,
        val kernel: String,
        /** Reads the node's adjoint (and its tangent) and skips the node when they are zero. */
        val prologue: String = "",
        val noOp: Boolean = false,
    )

    private val methods = listOf(
        Method(Sweep.VALUE, "The values of the nodes of {@code order}, from the values of earlier nodes.",
            "values", "double[] v", "elementValues",
            "The values of element-wise vector node i, or of another vector operation ({@link VectorKernels#value}).",
            "double[] v", "VectorKernels.value(t, i, v)", noOp = true),
        Method(Sweep.TANGENT, "The tangents of the nodes of {@code order} along one direction, from the tangents of " +
            "earlier nodes and the values of all.",
            "tangents", "double[] v, double[] dot", "elementTangents",
            "The tangents of element-wise vector node i, or of another vector operation " +
                "({@link VectorKernels#tangent}).",
            "double[] v, double[] dot", "VectorKernels.tangent(t, i, v, dot)"),
        Method(Sweep.ADJOINT, "The reverse sweep over {@code order}: adds each node's contributions into its " +
            "operands' adjoints, skipping the scalar nodes whose adjoint is zero.",
            "adjoints", "double[] v, double[] adj", "elementAdjoints",
            "Adds the contributions of element-wise vector node i into its operands' adjoints, or those of another " +
                "vector operation ({@link VectorKernels#reverse}).",
            "double[] v, double[] adj", "VectorKernels.reverse(t, i, v, adj)",
            prologue = """
            double a = adj[i];
            if (a == 0 && op[i] <= Tape.BINARY) {
                continue;
            }
""".trimStart('\n')),
        Method(Sweep.ADJOINT_WITH_TANGENT, "Forward over reverse over {@code order}: adds each node's contributions " +
            "into its operands' adjoints and into their tangents, given the values and tangents of every node, " +
            "skipping the scalar nodes whose adjoint and adjoint tangent are zero.",
            "adjointsWithTangents", "double[] v, double[] dot, double[] adj, double[] adjDot",
            "elementAdjointsWithTangents",
            "Adds the contributions of element-wise vector node i into its operands' adjoints and their tangents, or " +
                "those of another vector operation ({@link VectorKernels#reverseWithTangents}).",
            "double[] v, double[] dot, double[] adj, double[] adjDot",
            "VectorKernels.reverseWithTangents(t, i, v, dot, adj, adjDot)",
            prologue = """
            double a = adj[i];
            double ad = adjDot[i];
            if (a == 0 && ad == 0 && op[i] <= Tape.BINARY) {
                continue;
            }
""".trimStart('\n')),
    )

    private fun javadoc(out: StringBuilder, indent: String, text: String) {
        val lines = mutableListOf<String>()
        var line = StringBuilder()
        for (word in text.split(" ")) {
            if (line.isNotEmpty() && indent.length + 4 + line.length + 1 + word.length > 120) {
                lines += line.toString()
                line = StringBuilder()
            }
            if (line.isNotEmpty()) line.append(' ')
            line.append(word)
        }
        lines += line.toString()
        if (lines.size == 1 && indent.length + 8 + lines[0].length <= 120) {
            out.append("$indent/** ${lines[0]} */\n")
            return
        }
        out.append("$indent/**\n")
        for (l in lines) {
            out.append("$indent * $l\n")
        }
        out.append("$indent */\n")
    }

    private fun method(out: StringBuilder, method: Method) {
        val scalar = scalarOperations.map { code -> run(method.sweep, code, false) }
        val arrays = scalar.flatMap { it.operands }.toSortedSet()
        out.append("\n")
        javadoc(out, "    ", method.javadoc)
        line(out, "    ", "static void ${method.name}(Tape t, int[] order, ${method.buffers}) {")
        out.append("        int[] op = t.op;\n")
        for (operand in arrays) {
            out.append("        int[] ${array(operand)} = t.${array(operand)};\n")
        }
        out.append("        for (int i : order) {\n")
        out.append(method.prologue)
        out.append("            switch (op[i]) {\n")
        for (code in scalarOperations) {
            scalarCase(out, method.sweep, code)
        }
        if (method.noOp) {
            out.append("                case Tape.CONSTANT, Tape.INPUT, Tape.VECTOR_CONSTANT, Tape.VECTOR_INPUT -> {\n")
            out.append("                    // set before a sweep\n")
            out.append("                }\n")
        }
        val arguments = method.elementBuffers.split(", ").joinToString(", ") { it.substringAfter(' ') }
        out.append("                default -> ${method.elementName}(t, i, $arguments);\n")
        out.append("            }\n")
        out.append("        }\n")
        out.append("    }\n")
        out.append("\n")
        javadoc(out, "    ", method.elementJavadoc)
        line(out, "    ", "private static void ${method.elementName}(Tape t, int i, ${method.elementBuffers}) {")
        out.append("        int n = t.length[i];\n")
        out.append("        switch (t.op[i]) {\n")
        for (code in elementOperations) {
            elementCase(out, method.sweep, code)
        }
        out.append("            default -> ${method.kernel};\n")
        out.append("        }\n")
        out.append("    }\n")
    }

    /** The text of `InterpreterSteps.java`. */
    fun source(): String {
        val out = StringBuilder()
        out.append("""
            |package dev.fluxion.dsl.tape;
            |
            |// Generated from the rule table (Rules.java) by InterpreterStepsWriter (dsl/src/test/kotlin/dev/fluxion/dsl/tape):
            |// do not edit. InterpreterStepsSpec writes it again and fails when this file differs, leaving the file it
            |// wrote in dsl/target/InterpreterSteps.java to be copied here.
            |
            |/**
            | * The interpreter's loops over a schedule of tape nodes: values, tangents (forward mode), adjoints (the reverse
            | * sweep), and adjoints with their tangents (forward over reverse, for Hessian-vector products). Each operation's
            | * arithmetic is its rule in {@link Rules}, written out as Java by running the table on a {@link Machine} that writes
            | * source, term for term in the rule's order of operations, so that the interpreter and the generated kernels,
            | * which run the same table, agree bit for bit. Element j of an element-wise vector operation follows its scalar
            | * rule ({@link Tape#elementRule}) on element j of its operands, and no adjoint flows into constant data (nothing
            | * reads it; it would be a wasted pass over memory). The other vector operations (broadcasts, matrix products,
            | * slices, stacks, sums, log-sum-exp, elements) are {@link VectorKernels}'.
            | */
            |final class InterpreterSteps {
            |    private InterpreterSteps() {
            |    }
            |""".trimMargin())
        for (method in methods) {
            method(out, method)
        }
        out.append("}\n")
        return out.toString()
    }
}
