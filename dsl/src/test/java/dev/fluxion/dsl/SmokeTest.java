package dev.fluxion.dsl;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
class SmokeTest { @Test void one() { assertEquals(1, Smoke.one()); } }
