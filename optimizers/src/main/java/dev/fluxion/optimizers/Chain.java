package dev.fluxion.optimizers;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Transforms applied one after the other (optax's {@code chain}): the direction leaves each link and enters
 * the next. A named optimizer is a chain with a name, such as {@code adam(...)} = Adam scaling followed by
 * the learning rate, so its {@link #spec()} is the name it was built from.
 *
 * @param links the transforms, in the order they rewrite the direction
 * @param name  the spec text this chain stands for, or null to print it as {@code chain(link, link, ...)}
 */
public record Chain(List<Transform> links, String name) implements Transform {

    /** A chain of the given links, printed as {@code chain(...)}. */
    public Chain {
        links = List.copyOf(links);
    }

    /** An unnamed chain. */
    public static Chain of(Transform... links) {
        return new Chain(List.of(links), null);
    }

    @Override
    public TransformState init(int dimension) {
        TransformState[] states = new TransformState[links.size()];
        for (int i = 0; i < states.length; i++) {
            states[i] = links.get(i).init(dimension);
        }
        return new TransformState() {
            private final List<TransformState> parts = List.of(states);

            @Override
            public void update(double[] direction, StepContext context) {
                for (TransformState state : states) {
                    state.update(direction, context);
                }
            }

            @Override
            public double updateAndApply(double[] direction, double scale, double[] x, StepContext context) {
                int last = states.length - 1;
                if (last < 0) {
                    return super.updateAndApply(direction, scale, x, context);
                }
                // a trailing learning rate is applied by the link before it, in that link's last pass; only
                // when no outer factor is pending, since (a b) d and a (b d) may round differently
                double factor = scale == 1 && last > 0 ? states[last].factor(context) : Double.NaN;
                if (!Double.isNaN(factor)) {
                    last--;
                    scale = factor;
                }
                for (int k = 0; k < last; k++) {
                    states[k].update(direction, context);
                }
                return states[last].updateAndApply(direction, scale, x, context);
            }

            @Override
            protected List<TransformState> parts() {
                return parts;
            }
        };
    }

    @Override
    public boolean readsGradient() {
        return links.stream().anyMatch(Transform::readsGradient);
    }

    @Override
    public String spec() {
        if (name != null) {
            return name;
        }
        return links.stream().map(Transform::spec).collect(Collectors.joining(", ", "chain(", ")"));
    }
}
