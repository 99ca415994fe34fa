package dev.fluxion.dsl.calculus;

/** What a critical point c of a one-variable function f is (f'(c) = 0). */
public enum Classification {
    /** f(c) &lt;= f(x) for x near c: f' goes from - to +, or the first nonzero derivative has even order and is positive. */
    LOCAL_MIN,
    /** f(c) &gt;= f(x) for x near c: f' goes from + to -, or the first nonzero derivative has even order and is negative. */
    LOCAL_MAX,
    /** Neither: f' keeps its sign across c, or the first nonzero derivative has odd order (a saddle in one variable). */
    INFLECTION,
    /** Every derivative up to the order examined vanishes and f' shows no sign on either side: f is flat at c. */
    FLAT
}
