package dev.fluxion.lab.suite

import dev.fluxion.lab.LabException
import java.util.SplittableRandom

/**
 * The 10th, 50th and 90th percentiles of simulated run lengths: the dispersion COCO's aRT tables print beside aRT.
 *
 * @property p10 the 10th percentile
 * @property p50 the median
 * @property p90 the 90th percentile
 */
data class RunLengthPercentiles(val p10: Double, val p50: Double, val p90: Double)

/**
 * COCO's bootstrap of runtimes by simulated restarts (cocopp's `toolsstats.drawSP`): one simulated run length is
 * made by drawing runs uniformly with replacement, adding up the evaluations of the unsuccessful ones drawn, until
 * a successful one is drawn, whose evaluations to the target end the sum. It is the runtime of the optimizer
 * restarted until success, with restarts resampled from the runs at hand; the mean of the simulated lengths tends
 * to aRT ([Runtimes.averageRunningTime]). COCO's tables print aRT with the 10th and 90th percentiles of [SAMPLES]
 * such lengths as its dispersion ([RunLengthPercentiles]); they describe the spread of one restarted run's runtime,
 * which is wider than a confidence interval of the mean aRT.
 *
 * Every draw comes from a [SplittableRandom] seeded by the caller (the study seed and what the figure is of), so a
 * report is the same bit for bit whatever computed it. Without a successful run there is nothing to simulate and
 * the percentiles are undefined (null), as in COCO.
 *
 * Source: cocopp's `toolsstats.py` (`drawSP`, `prctile`) and `genericsettings.simulated_runlength_bootstrap_sample_size`
 * (1000); N. Hansen et al., "COCO: performance assessment", arXiv:1605.03560, 2016.
 */
object Bootstrap {
    /** The number of simulated run lengths, as cocopp draws for its tables (10 + 990 when not in a hurry). */
    const val SAMPLES = 1000

    /** COCO's table percentiles. */
    private val TABLE_PERCENTILES = doubleArrayOf(10.0, 50.0, 90.0)

    /**
     * [samples] simulated run lengths of [runtimes], sorted ascending; null when no run succeeded.
     *
     * @throws LabException when [samples] < 1
     */
    @JvmStatic
    fun simulatedRunLengths(runtimes: Runtimes, samples: Int, random: SplittableRandom): DoubleArray? {
        if (samples < 1) throw LabException("bootstrap samples = $samples must be at least 1")
        if (runtimes.successCount == 0) return null
        val runs = runtimes.runs
        val successes = runtimes.successCount
        val lengths = DoubleArray(samples)
        for (s in 0 until samples) {
            var sum = 0L
            var drawn = random.nextInt(runs)
            while (drawn >= successes) { // an unsuccessful run: its whole cost, and restart
                sum += runtimes.cost(drawn)
                drawn = random.nextInt(runs)
            }
            lengths[s] = (sum + runtimes.cost(drawn)).toDouble()
        }
        lengths.sort()
        return lengths
    }

    /**
     * The [percentile] (0 to 100) of an ascending sample, as cocopp's `prctile` reads it: position
     * i = N p / 100 - 1/2 (so that the N values sit at the centres of N equal slices), the first value for i <= 0,
     * the last for i >= N - 1, and linear interpolation between the neighbours otherwise.
     *
     * @throws LabException for an empty sample or a percentile outside [0, 100]
     */
    @JvmStatic
    fun percentile(sorted: DoubleArray, percentile: Double): Double {
        if (sorted.isEmpty()) throw LabException("a percentile of an empty sample is undefined")
        if (!(percentile in 0.0..100.0)) throw LabException("percentile = $percentile must be in [0, 100]")
        val n = sorted.size
        val i = percentile / 100 * n - 0.5
        if (i <= 0) return sorted[0]
        if (i >= n - 1) return sorted[n - 1]
        val low = Math.floor(i).toInt()
        val high = Math.ceil(i).toInt()
        if (low == high) return sorted[low]
        return (high - i) * sorted[low] + (i - low) * sorted[high]
    }

    /** COCO's 10/50/90 percentiles of [SAMPLES] simulated run lengths of [runtimes] drawn with [seed]; null without a success. */
    @JvmStatic
    @JvmOverloads
    fun percentiles(runtimes: Runtimes, seed: Long, samples: Int = SAMPLES): RunLengthPercentiles? {
        val lengths = simulatedRunLengths(runtimes, samples, SplittableRandom(seed)) ?: return null
        val (p10, p50, p90) = TABLE_PERCENTILES.map { percentile(lengths, it) }
        return RunLengthPercentiles(p10, p50, p90)
    }
}
