package dev.fluxion.landscapes.catalog.mgh;

/**
 * The size of one instance of a problem: n variables and m residuals f_1, ..., f_m.
 *
 * @param n the number of variables
 * @param m the number of residuals, m &gt;= n
 */
record Size(int n, int m) {
}
