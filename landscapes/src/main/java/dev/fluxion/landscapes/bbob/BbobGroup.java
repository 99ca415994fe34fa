package dev.fluxion.landscapes.bbob;

import dev.fluxion.landscapes.LandscapeException;

/**
 * COCO's five groups of the 24 bbob functions, by which its post-processing aggregates results (aRT tables and
 * ECDFs per group). The abbreviations are those of COCO's reports.
 *
 * <p>Source: Hansen, N., Finck, S., Ros, R. and Auger, A. (2009), INRIA RR-6829; Hansen, N., Auger, A., Ros, R.,
 * Mersmann, O., Tusar, T. and Brockhoff, D. (2021), COCO: a platform for comparing continuous optimizers in a
 * black-box setting, Optimization Methods and Software 36(1), 114-144.
 */
public enum BbobGroup {
    /** f1-f5: separable functions. */
    SEPARABLE("separ", "separable", 1, 5),
    /** f6-f9: functions with low or moderate conditioning. */
    MODERATE_CONDITIONING("lcond", "low or moderate conditioning", 6, 9),
    /** f10-f14: unimodal functions with high conditioning. */
    HIGH_CONDITIONING("hcond", "high conditioning and unimodal", 10, 14),
    /** f15-f19: multimodal functions with adequate global structure. */
    MULTIMODAL_ADEQUATE("multi", "multimodal with adequate global structure", 15, 19),
    /** f20-f24: multimodal functions with weak global structure. */
    MULTIMODAL_WEAK("mult2", "multimodal with weak global structure", 20, 24);

    private final String abbreviation;
    private final String title;
    private final int first;
    private final int last;

    BbobGroup(String abbreviation, String title, int first, int last) {
        this.abbreviation = abbreviation;
        this.title = title;
        this.first = first;
        this.last = last;
    }

    /** COCO's short name, such as {@code separ} or {@code hcond}. */
    public String abbreviation() {
        return abbreviation;
    }

    /** The group in words, such as "high conditioning and unimodal". */
    public String title() {
        return title;
    }

    /** The first function number of the group. */
    public int first() {
        return first;
    }

    /** The last function number of the group. */
    public int last() {
        return last;
    }

    /**
     * The group of function f.
     *
     * @throws LandscapeException for an f outside 1..24
     */
    public static BbobGroup of(int function) {
        for (BbobGroup group : values()) {
            if (function >= group.first && function <= group.last) {
                return group;
            }
        }
        throw new LandscapeException("bbob has functions f = 1 to 24, not " + function);
    }

    @Override
    public String toString() {
        return title;
    }
}
