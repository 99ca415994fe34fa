package dev.fluxion.dsl;
/** smoke */
public final class Smoke { public static int one() { return 1; } }
