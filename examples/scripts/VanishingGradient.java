import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.dsl.expr.Point;
import dev.fluxion.dsl.tape.CompiledExpression;
import dev.fluxion.lab.report.LetsPlotFigures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Activation functions, their derivatives, and the vanishing gradient through a deep chain.
 *
 * <p>The sigmoid's derivative s(1 - s) is at most 1/4 (at 0), so the gradient of a chain
 * a_k = sigmoid(a_{k-1}) is a product of factors at most 1/4 and shrinks at least as fast as 0.25^depth. The
 * tanh's derivative 1 - tanh^2 reaches 1 at 0, and the chain's values drift to 0, so its gradient decays far
 * more slowly.
 *
 * <p>Run: {@code fluxion script VanishingGradient.java OUTPUT_FOLDER}. Prints each activation's largest derivative,
 * the gradient d a_depth / d a_0 for depths 1 to 30 and its ratio per layer, and writes
 * {@code activation-derivatives.svg} and {@code vanishing-gradient.svg} (log10 gradient against depth).
 */
public class VanishingGradient {
    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : ".");
        String[] activations = {"sigmoid", "tanh", "softplus", "gelu"};
        int points = 200; // an even count, so the grid steps over the kinks at 0 of relu-like functions
        double[] grid = new double[points];
        double[][] derivatives = new double[activations.length][points];
        for (int a = 0; a < activations.length; a++) {
            Expr derivative = Expr.parse(activations[a] + "(x)").derivative("x");
            double largest = 0;
            for (int i = 0; i < points; i++) {
                grid[i] = -5 + 10.0 * (i + 0.5) / points;
                derivatives[a][i] = derivative.valueAt(Point.of("x", grid[i]));
                largest = Math.max(largest, derivatives[a][i]);
            }
            System.out.printf(Locale.ROOT, "largest derivative of %s on [-5, 5] = %.4f%n", activations[a], largest);
        }

        int depth = 30;
        double[] depths = new double[depth];
        double[] sigmoidGradient = gradientsThroughChain("sigmoid", depth, 0.5);
        double[] tanhGradient = gradientsThroughChain("tanh", depth, 0.5);
        double[][] log10Gradient = new double[2][depth];
        double largestRatio = 0;
        System.out.println("depth  d/da0 sigmoid chain  ratio    0.25^depth   d/da0 tanh chain");
        for (int d = 0; d < depth; d++) {
            depths[d] = d + 1;
            log10Gradient[0][d] = Math.log10(sigmoidGradient[d]);
            log10Gradient[1][d] = Math.log10(tanhGradient[d]);
            double ratio = d == 0 ? sigmoidGradient[0] : sigmoidGradient[d] / sigmoidGradient[d - 1];
            largestRatio = Math.max(largestRatio, ratio);
            if (d < 5 || (d + 1) % 5 == 0) {
                System.out.printf(Locale.ROOT, "%-6d %.4e             %.4f   %.4e   %.4e%n",
                        d + 1, sigmoidGradient[d], ratio, Math.pow(0.25, d + 1), tanhGradient[d]);
            }
        }
        System.out.printf(Locale.ROOT, "largest ratio per sigmoid layer = %.4f%n", largestRatio);
        System.out.printf(Locale.ROOT, "sigmoid chain gradient at depth %d = %.3e, tanh chain = %.3e%n",
                depth, sigmoidGradient[depth - 1], tanhGradient[depth - 1]);

        Files.createDirectories(folder);
        Path derivativeFigure = folder.resolve("activation-derivatives.svg");
        Files.writeString(derivativeFigure, LetsPlotFigures.linePlot(grid, derivatives, activations, "x", "derivative"));
        Path chainFigure = folder.resolve("vanishing-gradient.svg");
        Files.writeString(chainFigure, LetsPlotFigures.linePlot(depths, log10Gradient, new String[] {"sigmoid chain", "tanh chain"},
                "depth", "log10 d(a_depth)/d(a_0)"));
        System.out.println("figure: " + derivativeFigure);
        System.out.println("figure: " + chainFigure);
    }

    /** d a_k / d a_0 at a_0 = start for the chain a_k = activation(a_{k-1}), k = 1..depth, by the dsl's tape. */
    static double[] gradientsThroughChain(String activation, int depth, double start) {
        double[] gradients = new double[depth];
        String chain = "a0";
        double[] gradient = new double[1];
        for (int k = 0; k < depth; k++) {
            chain = activation + "(" + chain + ")";
            CompiledExpression compiled = Expr.parse(chain).compile("a0");
            compiled.valueAndGradient(new double[] {start}, gradient);
            gradients[k] = gradient[0];
        }
        return gradients;
    }
}
