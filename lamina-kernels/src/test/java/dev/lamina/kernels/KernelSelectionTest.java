package dev.lamina.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.kernels.internal.KernelThreads;
import org.junit.jupiter.api.Test;

/**
 * The build runs this class three times (lamina-kernels/pom.xml): with the Vector API module
 * (expects "vector"), with {@code -Dlamina.kernels=plain}, and in a JVM without {@code
 * --add-modules} (both expect "plain", told through {@code lamina.expectedKernels}).
 */
class KernelSelectionTest {

  @Test
  void activeKernelsAreTheExpectedOnes() {
    assertEquals(System.getProperty("lamina.expectedKernels", "vector"), Kernels.get().name());
  }

  @Test
  void vectorModulePresenceIsTheExpectedOne() {
    boolean expected = !"absent".equals(System.getProperty("lamina.expectedVectorModule"));
    assertEquals(expected, ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent());
  }

  @Test
  void describeNamesTheKernelsAndForVectorTheTileAndFma() {
    String description = KernelSelection.describe();
    if (Kernels.get().name().equals("plain")) {
      assertEquals("kernels=plain", description);
    } else {
      assertTrue(
          description.matches(
              "kernels=vector width=\\d+ registers=\\d+ micro=\\d+x\\d+ .* fma=(yes|no) compares=(yes|no)"
                  + " lanebits=(yes|no) longmul=(yes|no)"),
          description);
    }
  }

  @Test
  void aJvmWithoutTheModuleIsToldHowToEnableIt() {
    String advice = KernelSelection.fallbackAdvice("auto", false).orElseThrow();
    assertTrue(advice.contains("--add-modules=jdk.incubator.vector"), advice);
    assertTrue(advice.contains("-Dlamina.kernels=plain"), advice);
    assertTrue(KernelSelection.fallbackAdvice("auto", true).isEmpty());
    assertTrue(KernelSelection.fallbackAdvice("plain", false).isEmpty());
  }

  @Test
  void plainIsAlwaysAvailable() {
    assertEquals("plain", Kernels.plain().name());
  }

  @Test
  void threadCountBelowOneIsRejected() {
    var e = assertThrows(IllegalArgumentException.class, () -> KernelThreads.setCount(0));
    assertEquals("thread count must be at least 1, got 0", e.getMessage());
  }
}
