/**
 * The calculus toolkit: finite differences with a chosen step, Richardson extrapolation, gradient and
 * Jacobian checks, Taylor polynomials, and critical points of one-variable expressions.
 *
 * <p>Numerical derivatives here serve to check and to explore; the exact derivatives of an expression come
 * from its dual, hyper-dual and jet evaluations, which these tools use where they need derivatives themselves.
 */
package dev.fluxion.dsl.calculus;
