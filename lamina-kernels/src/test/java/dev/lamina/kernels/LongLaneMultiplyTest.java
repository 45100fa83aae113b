package dev.lamina.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * 64-bit lane multiplies count as compiled except on an AArch64 JVM older than 21 without SVE. The
 * build runs this class at every width and under tools/aarch64-java's JVM on QEMU's NEON-only CPU
 * (lamina-kernels/pom.xml), which tells it through {@code lamina.expectedLongMultiply} that the
 * mask must take its plain loop.
 */
class LongLaneMultiplyTest {
  @Test
  void compiledFollowsTheJvmsSve() {
    String expected = System.getProperty("lamina.expectedLongMultiply");
    if (expected == null) {
      expected =
          String.valueOf(
              Runtime.version().feature() >= 21
                  || HotSpotOptions.sveLevel().map(sve -> sve > 0).orElse(true));
    }
    assertEquals(Boolean.parseBoolean(expected), LongLaneMultiply.COMPILED);
  }

  @Test
  void theDescriptionEndsSayingWhetherLongLanesMultiply() {
    String description = KernelSelection.describe();
    if (!description.equals("kernels=plain")) {
      assertEquals(
          " longmul=" + (LongLaneMultiply.COMPILED ? "yes" : "no"),
          description.substring(description.lastIndexOf(' ')));
    }
  }
}
