import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.dsl.expr.Point;
import dev.fluxion.dsl.tape.CompiledExpression;

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
        Files.writeString(derivativeFigure, svg(grid, derivatives, activations, "x", "derivative"));
        Path chainFigure = folder.resolve("vanishing-gradient.svg");
        Files.writeString(chainFigure, svg(depths, log10Gradient, new String[] {"sigmoid chain", "tanh chain"},
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

    /** A 400 x 300 line plot of each series against x, all scaled to one box, with a legend and axis captions. */
    static String svg(double[] x, double[][] series, String[] names, String xName, String yName) {
        double x0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE, y0 = Double.MAX_VALUE, y1 = -Double.MAX_VALUE;
        for (int i = 0; i < x.length; i++) {
            x0 = Math.min(x0, x[i]);
            x1 = Math.max(x1, x[i]);
            for (double[] y : series) {
                y0 = Math.min(y0, y[i]);
                y1 = Math.max(y1, y[i]);
            }
        }
        String[] colors = {"#0077BB", "#EE7733", "#009988", "#CC3311"};
        StringBuilder out = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"400\" height=\"300\">\n"
                + "<rect x=\"40\" y=\"20\" width=\"340\" height=\"240\" fill=\"none\" stroke=\"#999\"/>\n");
        for (int s = 0; s < series.length; s++) {
            out.append("<polyline fill=\"none\" stroke=\"").append(colors[s % colors.length]).append("\" points=\"");
            for (int i = 0; i < x.length; i++) {
                out.append(String.format(Locale.ROOT, "%.1f,%.1f ", 40 + 340 * (x[i] - x0) / (x1 - x0),
                        260 - 240 * (series[s][i] - y0) / (y1 - y0)));
            }
            out.append("\"/>\n<text x=\"50\" y=\"").append(36 + 14 * s).append("\" font-size=\"11\" fill=\"")
                    .append(colors[s % colors.length]).append("\">").append(names[s]).append("</text>\n");
        }
        return out.append(String.format(Locale.ROOT, "<text x=\"210\" y=\"290\" text-anchor=\"middle\" font-size=\"12\">"
                + "%s (%.3g to %.3g)</text>\n<text x=\"12\" y=\"140\" font-size=\"12\" text-anchor=\"middle\" "
                + "transform=\"rotate(-90 12 140)\">%s (%.3g to %.3g)</text>\n</svg>\n", xName, x0, x1, yName, y0, y1))
                .toString();
    }
}
