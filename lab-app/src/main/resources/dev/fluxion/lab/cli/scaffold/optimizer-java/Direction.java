package {{package}};

import dev.fluxion.optimizers.StepContext;
import dev.fluxion.optimizers.Transform;
import dev.fluxion.optimizers.TransformState;

/**
 * The direction of {@link {{Class}}}: the gradient g divided by its Euclidean norm, g / |g|, so that the learning
 * rate chained after it sets the step's length; a zero gradient stays zero. The norm is taken as
 * m sqrt(sum (g_i / m)^2) with m = max |g_i|, which neither overflows nor underflows.
 *
 * <p>The contract: {@link TransformState#update(double[], StepContext)} rewrites the direction in place (on entry
 * the gradient, or what the transform before handed on); the context gives the point, the raw gradient, f, the
 * step counter and counted evaluations at trial points. Buffers that a run keeps between steps (a momentum) are
 * registered with {@code buffer(name, length, initialValue)} in the state's constructor, so that a run saves and
 * restores them exactly.
 */
public record {{Class}}Direction() implements Transform {

    @Override
    public TransformState init(int dimension) {
        return new TransformState() {
            @Override
            public void update(double[] direction, StepContext context) {
                double largest = 0;
                for (double component : direction) {
                    largest = Math.max(largest, Math.abs(component));
                }
                if (largest == 0) {
                    return;
                }
                double sum = 0;
                for (double component : direction) {
                    sum += (component / largest) * (component / largest);
                }
                double norm = largest * Math.sqrt(sum);
                for (int i = 0; i < direction.length; i++) {
                    direction[i] /= norm;
                }
            }
        };
    }

    @Override
    public String spec() {
        return "{{camel}}Direction()";
    }
}
