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
        return new TransformState() {
            private final TransformState[] states = links.stream().map(link -> part(link.init(dimension)))
                    .toArray(TransformState[]::new);

            @Override
            public void update(double[] direction, StepContext context) {
                for (TransformState state : states) {
                    state.update(direction, context);
                }
            }
        };
    }

    @Override
    public String spec() {
        if (name != null) {
            return name;
        }
        return links.stream().map(Transform::spec).collect(Collectors.joining(", ", "chain(", ")"));
    }
}
