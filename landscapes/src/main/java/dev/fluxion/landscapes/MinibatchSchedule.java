package dev.fluxion.landscapes;

import java.util.SplittableRandom;

/**
 * Which samples the t-th minibatch of a run holds (t = 0, 1, ...). Two samplings, named by {@link #SAMPLING}:
 *
 * <ul>
 *   <li>{@code shuffle} (the default): without replacement, shuffled anew each epoch, the last partial batch
 *       dropped, as deep-learning data loaders do;</li>
 *   <li>{@code replacement}: batch t is B indices drawn independently and uniformly from 0 .. N-1 by a
 *       {@link SplittableRandom} seeded with {@link #epochSeed(long, long)} of the seed and t (an index drawn twice
 *       counts twice), the sampling that the textbook analysis of SGD assumes: the batch gradient's covariance is
 *       exactly C / B, C the per-example gradients' covariance.</li>
 * </ul>
 *
 * <p>Shuffling: An epoch is {@code samples / batch} batches (integer division); epoch
 * e = t / (batches per epoch) is a permutation of 0 .. N-1 drawn by Fisher-Yates from a {@link SplittableRandom}
 * seeded with {@link #epochSeed(long, long)} of the run's seed and e, and batch t is the slice
 * [p B, (p + 1) B) of that permutation, p = t mod (batches per epoch).
 *
 * <p>Batch t is a pure function of (seed, samples, batch, t): no thread, clock or earlier call enters it, so runs
 * are bit-identical on any thread, and a run resumed at its t-th gradient draws the batches an uninterrupted run
 * would. When B divides N each epoch uses every sample exactly once, so the mean of the epoch's batch gradients is
 * the full gradient; otherwise each sample is in a given epoch with probability B floor(N/B) / N, the same for all,
 * so a batch gradient is still unbiased.
 *
 * @param seed the run's seed
 * @param samples the data set's size N (at least 1)
 * @param batch the batch size B, 1 &lt;= B &lt;= N
 * @param withReplacement whether batches are independent draws ({@code replacement}) rather than shuffled epochs
 */
public record MinibatchSchedule(long seed, int samples, int batch, boolean withReplacement) {

    /**
     * The minibatch size parameter {@code batch} of the data landscapes: 0 (the default) is the full batch, so a
     * landscape without it is unchanged, and its canonical spec does not mention it.
     */
    public static final Parameter PARAMETER = Parameter.integer("batch", 0, 0, 1_000_000,
            "the minibatch size B: each gradient averages B samples, reshuffled each epoch by the run's seed"
                    + " (0: all samples, the full gradient)");

    /**
     * The sampling parameter {@code sampling} of the data landscapes, {@code shuffle} or {@code replacement}; like
     * {@link #PARAMETER}, it is left out of the canonical spec of a full-batch landscape.
     */
    public static final Parameter SAMPLING = Parameter.choice("sampling", "shuffle", java.util.List.of("shuffle",
            "replacement"), "how minibatches are drawn: shuffle (each epoch a new permutation, without replacement)"
                    + " or replacement (each batch B independent uniform draws)");

    /** Shuffled sampling, without replacement. */
    public MinibatchSchedule(long seed, int samples, int batch) {
        this(seed, samples, batch, false);
    }

    /** Checks 1 &lt;= batch &lt;= samples. */
    public MinibatchSchedule {
        if (samples < 1 || batch < 1 || batch > samples) {
            throw new LandscapeException("a minibatch of " + batch + " samples does not fit a data set of " + samples
                    + " samples (batch must be in 1.." + samples + ")");
        }
    }

    /** The number of batches in an epoch, floor(N / B). */
    public int batchesPerEpoch() {
        return samples / batch;
    }

    /** The epoch batch t belongs to. */
    public long epochOf(long t) {
        return t / batchesPerEpoch();
    }

    /**
     * The seed of epoch e's shuffle: Stafford's mix64 (variant 13, the finalizer of SplitMix64) of
     * mix64(seed) + e, so neighbouring epochs and neighbouring run seeds get unrelated streams.
     */
    public static long epochSeed(long seed, long epoch) {
        return mix64(mix64(seed) + epoch);
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** Writes epoch e's permutation of 0 .. N-1 into {@code out} (length N); allocates nothing. */
    public void permutationInto(long epoch, int[] out) {
        for (int i = 0; i < samples; i++) {
            out[i] = i;
        }
        SplittableRandom random = new SplittableRandom(epochSeed(seed, epoch));
        for (int i = samples - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = out[i];
            out[i] = out[j];
            out[j] = swap;
        }
    }

    /** Epoch e's permutation of 0 .. N-1. */
    public int[] permutation(long epoch) {
        int[] order = new int[samples];
        permutationInto(epoch, order);
        return order;
    }

    /**
     * Writes batch t's indices, drawn with replacement, into {@code out[0 .. B-1]}; allocates only the generator.
     *
     * @throws LandscapeException if this schedule shuffles
     */
    public void drawInto(long t, int[] out) {
        if (!withReplacement) {
            throw new LandscapeException("a shuffled schedule has no independent draws; use indices(t)");
        }
        SplittableRandom random = new SplittableRandom(epochSeed(seed, t));
        for (int i = 0; i < batch; i++) {
            out[i] = random.nextInt(samples);
        }
    }

    /** The sample indices of batch t: in the order the permutation holds them, or in the order drawn. */
    public int[] indices(long t) {
        if (withReplacement) {
            int[] drawn = new int[batch];
            drawInto(t, drawn);
            return drawn;
        }
        int[] order = permutation(epochOf(t));
        int from = (int) (t % batchesPerEpoch()) * batch;
        int[] chosen = new int[batch];
        System.arraycopy(order, from, chosen, 0, batch);
        return chosen;
    }
}
