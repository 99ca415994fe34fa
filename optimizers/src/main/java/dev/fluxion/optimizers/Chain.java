package dev.fluxion.optimizers;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Transforms applied one after the other (optax's {@code chain}): the direction leaves each link and enters the
 * next. It prints as {@code chain(link, link, ...)}, one link included, and parses back to an equal chain.
 *
 * @param links the transforms, at least one, in the order they rewrite the direction
 */
public record Chain(List<Transform> links) implements Optimizer {

    /** Copies the links. */
    public Chain {
        links = List.copyOf(links);
        if (links.isEmpty()) {
            throw new OptimizerException("chain() needs at least one transform");
        }
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
        return links.stream().map(Transform::spec).collect(Collectors.joining(", ", "chain(", ")"));
    }
}
