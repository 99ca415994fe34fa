package dev.fluxion.landscapes.catalog.mgh;

import dev.fluxion.landscapes.LandscapeException;
import java.util.function.IntUnaryOperator;

/**
 * The sizes a problem allows, as Moré, Garbow and Hillstrom state them: n fixed or free (within bounds, in steps), m
 * fixed, a function of n, or free from a lower bound. A size of 0 in a spec means the problem's standard one.
 *
 * @param defaultN the standard n
 * @param minN the least n allowed
 * @param maxN the largest n allowed
 * @param stepN n must be a multiple of this (1, or 2 and 4 for the extended Rosenbrock and Powell functions)
 * @param defaultM the standard m for an n
 * @param minM the least m allowed for an n
 * @param maxM the largest m allowed for an n
 * @param mRule how m depends on n, for messages: {@code "m = n + 1"}, {@code "m >= n"}
 */
record SizeRule(int defaultN, int minN, int maxN, int stepN, IntUnaryOperator defaultM, IntUnaryOperator minM,
                IntUnaryOperator maxM, String mRule) {

    /** The largest n any problem takes here. */
    static final int LIMIT = 10_000;
    /** The largest m any problem takes here: Penalty II has m = 2n. */
    static final int M_LIMIT = 2 * LIMIT;

    /** Both sizes fixed. */
    static SizeRule fixed(int n, int m) {
        return new SizeRule(n, n, n, 1, k -> m, k -> m, k -> m, "m = " + m);
    }

    /** n fixed; m free in [minM, maxM], standard defaultM. */
    static SizeRule fixedN(int n, int defaultM, int minM, int maxM) {
        return new SizeRule(n, n, n, 1, k -> defaultM, k -> minM, k -> maxM,
                maxM >= M_LIMIT ? "m >= " + minM : minM + " <= m <= " + maxM);
    }

    /** n free in [minN, maxN] in steps of stepN, standard defaultN; m a function of n, described by mRule. */
    static SizeRule variableN(int defaultN, int minN, int maxN, int stepN, IntUnaryOperator m, String mRule) {
        return new SizeRule(defaultN, minN, maxN, stepN, m, m, m, mRule);
    }

    /** n free from minN, standard defaultN; m &gt;= n free, standard defaultM(n). */
    static SizeRule variableNAndM(int defaultN, int minN, IntUnaryOperator defaultM) {
        return new SizeRule(defaultN, minN, LIMIT, 1, defaultM, k -> k, k -> M_LIMIT, "m >= n");
    }

    /**
     * The size a spec asks for, 0 standing for the standard n (and the standard m for that n).
     *
     * @throws LandscapeException naming the size that is not allowed and what the problem takes
     */
    Size resolve(String problem, int n, int m) {
        int chosenN = n == 0 ? defaultN : n;
        if (chosenN < minN || chosenN > maxN || chosenN % stepN != 0) {
            throw new LandscapeException("mgh(problem=" + problem + "): n = " + n + " is not allowed; " + problem
                    + " takes " + allowedN());
        }
        int chosenM = m == 0 ? defaultM.applyAsInt(chosenN) : m;
        if (chosenM < minM.applyAsInt(chosenN) || chosenM > maxM.applyAsInt(chosenN)) {
            throw new LandscapeException("mgh(problem=" + problem + "): m = " + m + " is not allowed for n = "
                    + chosenN + "; " + problem + " takes " + mRule);
        }
        return new Size(chosenN, chosenM);
    }

    private String allowedN() {
        if (minN == maxN) {
            return "n = " + minN;
        }
        String bounds = maxN >= LIMIT ? "n >= " + minN : minN + " <= n <= " + maxN;
        return switch (stepN) {
            case 1 -> bounds;
            case 2 -> "even " + bounds;
            default -> bounds + ", a multiple of " + stepN;
        };
    }
}
