package dev.lamina.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Moves of lane bits count as compiled except on a HotSpot older than 21 with SVE. The build runs
 * this class at every width and under tools/aarch64-java's JDK 17 on QEMU's a64fx, which tells it
 * through {@code lamina.expectedLaneBits} that the relu kernels and the mask must take their plain
 * loops.
 */
class LaneBitsTest {
  @Test
  void compiledFollowsTheJvmsSve() {
    String expected = System.getProperty("lamina.expectedLaneBits");
    if (expected == null) {
      expected = String.valueOf(!SveBeforeJdk21Test.thisJvmRunsSveBefore21());
    }
    assertEquals(Boolean.parseBoolean(expected), LaneBits.COMPILED);
  }

  @Test
  void theDescriptionSaysWhetherLaneBitsMove() {
    String description = KernelSelection.describe();
    if (!description.equals("kernels=plain")) {
      assertTrue(
          description.contains(" lanebits=" + (LaneBits.COMPILED ? "yes " : "no ")), description);
    }
  }
}
