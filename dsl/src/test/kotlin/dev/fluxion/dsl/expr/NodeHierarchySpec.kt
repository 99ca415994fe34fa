package dev.fluxion.dsl.expr

import dev.fluxion.dsl.function.Unary
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.collections.shouldContainExactlyInAnyOrder
import io.kotest.matchers.shouldBe
import io.kotest.property.Arb
import io.kotest.property.checkAll
import java.lang.reflect.Proxy
import java.util.IdentityHashMap

/**
 * The node kinds are one closed family, and every walk sees all of them through [NodeVisitor].
 *
 * The family is read from the sealed declarations (`Node` permits `Expr` and `VectorExpr`, which permit the
 * records), not from the visitor, so a kind added to a `permits` clause without a visitor method fails here as
 * well as in the compiler. Each record's [Node.children] is checked against its own components, and the
 * iterative walk against a plain recursive count of distinct nodes.
 */
class NodeHierarchySpec : FunSpec({

    fun kinds(): List<Class<*>> =
        Node::class.java.permittedSubclasses.flatMap { it.permittedSubclasses.toList() }

    test("Node is sealed over Expr and VectorExpr, and each of the 13 kinds is a record") {
        Node::class.java.permittedSubclasses.toList() shouldContainExactlyInAnyOrder
            listOf(Expr::class.java, VectorExpr::class.java)
        kinds().map { it.simpleName } shouldContainExactlyInAnyOrder listOf(
            "Variable", "Constant", "UnaryCall", "BinaryCall", "Reduction", "VectorVariable", "VectorConstant",
            "VectorMap", "VectorZip", "Broadcast", "MatrixProduct", "Slice", "Stack")
        kinds().all { it.isRecord } shouldBe true
    }

    test("the visitor has one method per kind, and each kind's accept calls the method for its own kind") {
        val methods = NodeVisitor::class.java.declaredMethods.filter { !it.isSynthetic }
        methods.map { it.parameterTypes.single() } shouldContainExactlyInAnyOrder kinds()
        // A proxy visitor answers with the kind its method was declared for.
        val echo = Proxy.newProxyInstance(javaClass.classLoader, arrayOf(NodeVisitor::class.java)) { _, method, _ ->
            method.parameterTypes.single()
        } as NodeVisitor<*>
        val x = Variable("x")
        val v = VectorVariable("v", 3)
        val samples: List<Node> = listOf(
            x, Constant(2.0), UnaryCall(Unary.SIN, x), BinaryCall(dev.fluxion.dsl.function.Binary.MUL, x, x),
            Reduction(Reduction.Kind.SUM, v, 0), v, VectorConstant(doubleArrayOf(1.0, 2.0, 3.0)),
            VectorMap(Unary.EXP, v), VectorZip(dev.fluxion.dsl.function.Binary.ADD, v, v), Broadcast(x, 3),
            MatrixProduct(Matrix.of(arrayOf(doubleArrayOf(1.0, 0.0, 0.0), doubleArrayOf(0.0, 1.0, 0.0),
                doubleArrayOf(0.0, 0.0, 1.0))), v),
            Slice(v, 1, 3), Stack(listOf(x, Constant(1.0))))
        samples.map { it.javaClass } shouldContainExactlyInAnyOrder kinds()
        for (node in samples) {
            node.accept(echo) shouldBe node.javaClass
        }
    }

    test("children are the node-valued components of each record, in declaration order") {
        val x = Variable("x")
        val y = Variable("y")
        val v = VectorVariable("v", 2)
        val w = VectorVariable("w", 2)
        BinaryCall(dev.fluxion.dsl.function.Binary.SUB, x, y).children() shouldContainExactly listOf(x, y)
        VectorZip(dev.fluxion.dsl.function.Binary.MUL, v, w).children() shouldContainExactly listOf(v, w)
        Stack(listOf(y, x, y)).children() shouldContainExactly listOf(y, x, y)
        Broadcast(y, 4).children() shouldContainExactly listOf(y)
        Slice(w, 0, 1).children() shouldContainExactly listOf(w)
        Constant(1.0).children() shouldBe emptyList()
        v.children() shouldBe emptyList()
    }

    test("the iterative walk visits each distinct node once, children first, as a recursive walk counts them") {
        checkAll(200, Arb.expression()) { e ->
            val expected = IdentityHashMap<Node, Unit>()
            fun count(node: Node) {
                if (expected.put(node, Unit) == null) node.children().forEach(::count)
            }
            count(e)
            val visited = mutableListOf<Node>()
            val position = IdentityHashMap<Node, Int>()
            e.visitNodes { node -> position[node] = visited.size; visited += node }
            visited.size shouldBe expected.size
            for (node in visited) {
                for (child in node.children()) {
                    (position[child]!! < position[node]!!) shouldBe true
                }
            }
            visited.last() shouldBe e
        }
    }
})
