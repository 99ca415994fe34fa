package dev.fluxion.dsl.expr;

import java.util.List;

import dev.fluxion.dsl.DslException;

/**
 * A named variable. A name starts with a letter or underscore and continues with letters, digits and
 * underscores; it may not be a function name or a named constant.
 *
 * @param name the variable's name
 */
public record Variable(String name) implements Expr {

    @Override
    public List<Node> children() {
        return List.of();
    }

    @Override
    public <R> R accept(NodeVisitor<R> visitor) {
        return visitor.variable(this);
    }

    /** Checks the name. */
    public Variable {
        if (!isValidName(name)) {
            throw new DslException("'" + name + "' is not a valid variable name: use a letter or _ followed by"
                    + " letters, digits or _");
        }
        if (FunctionCatalog.isReserved(name)) {
            throw new DslException("'" + name + "' is reserved (a function or constant name) and cannot name a"
                    + " variable");
        }
    }

    /** Whether the name has the shape of a variable: a letter or _, then letters, digits or _ (ASCII). */
    static boolean isValidName(String name) {
        return name != null && name.matches("[A-Za-z_][A-Za-z0-9_]*");
    }

    @Override
    public String toString() {
        return TextPrinter.print(this);
    }
}
