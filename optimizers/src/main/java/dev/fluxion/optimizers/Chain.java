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

            /**
             * The link whose pass applies the update: the last, or the one before it when the last only scales
             * by a factor (a learning rate), which that link then applies in its own pass; only when no outer
             * factor is pending, since (a b) d and a (b d) may round differently. NaN factor: none folded.
             */
            private int applyingLink(double scale, StepContext context) {
                int last = states.length - 1;
                if (scale == 1 && last > 0 && !Double.isNaN(states[last].factor(context))) {
                    return last - 1;
                }
                return last;
            }

            private double applyingScale(int link, double scale, StepContext context) {
                return link < states.length - 1 ? states[states.length - 1].factor(context) : scale;
            }

            @Override
            public double updateAndApply(double[] direction, double scale, double[] x, StepContext context) {
                if (states.length == 0) {
                    return super.updateAndApply(direction, scale, x, context);
                }
                int link = applyingLink(scale, context);
                for (int k = 0; k < link; k++) {
                    states[k].update(direction, context);
                }
                return states[link].updateAndApply(direction, applyingScale(link, scale, context), x, context);
            }

            /** Only when the applying link is the first: then its incoming direction is the chain's. */
            @Override
            public boolean measuresIncoming(double scale, StepContext context) {
                return states.length > 0 && applyingLink(scale, context) == 0
                        && states[0].measuresIncoming(applyingScale(0, scale, context), context);
            }

            @Override
            public double updateApplyAndMeasure(double[] direction, double scale, double[] x, StepContext context,
                                                double[] incomingSquares) {
                int link = applyingLink(scale, context);
                if (link != 0) {
                    throw new IllegalStateException("only a chain whose first link applies the update measures it");
                }
                return states[0].updateApplyAndMeasure(direction, applyingScale(0, scale, context), x, context,
                        incomingSquares);
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
