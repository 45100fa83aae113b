package dev.lamina.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Lane compares count as compiled except on an x86 JVM without AVX and on a HotSpot older than 21
 * with SVE. The build runs this class at every width, on x86 in a JVM with {@code -XX:UseAVX=0},
 * and under tools/aarch64-java's JDK 17 on QEMU's a64fx (lamina-kernels/pom.xml), which tell it
 * through {@code lamina.expectedCompares} that the kernels must take their plain loops.
 */
class LaneComparesTest {
  @Test
  void compiledFollowsTheJvmsAvxLevel() {
    String expected = System.getProperty("lamina.expectedCompares");
    if (expected == null) {
      expected =
          String.valueOf(
              !HotSpotOptions.value("UseAVX").orElse("").equals("0")
                  && !SveBeforeJdk21Test.thisJvmRunsSveBefore21());
    }
    assertEquals(Boolean.parseBoolean(expected), LaneCompares.COMPILED);
  }

  @Test
  void theDescriptionSaysWhetherLanesCompare() {
    String description = KernelSelection.describe();
    if (!description.equals("kernels=plain")) {
      assertTrue(
          description.contains(" compares=" + (LaneCompares.COMPILED ? "yes " : "no ")),
          description);
    }
  }
}
