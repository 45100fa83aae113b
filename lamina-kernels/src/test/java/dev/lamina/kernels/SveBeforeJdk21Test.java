package dev.lamina.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Which JVMs lack SVE's forms, and what their users are told. The build runs this class under
 * tools/aarch64-java's JDK 17 on QEMU's a64fx (SVE at 256 bits) and NEON-only neoverse-n1, which
 * tell it through {@code lamina.expectedSveBeforeJdk21} what this JVM is.
 */
class SveBeforeJdk21Test {
  @Test
  void sveOnJdk17GetsAdviceNamingTheLevelTheFlagAndTheJdk() {
    String message = SveBeforeJdk21.advice(17, Optional.of(2)).orElseThrow();
    assertTrue(message.contains("-XX:UseSVE=2;"), message);
    assertTrue(message.contains("Add -XX:UseSVE=0"), message);
    assertTrue(message.contains("JDK 21 or later"), message);
  }

  @Test
  void onlyHotSpotBefore21WithSveLacksTheForms() {
    assertTrue(SveBeforeJdk21.applies(17, Optional.of(1)));
    assertTrue(SveBeforeJdk21.applies(20, Optional.of(2)));
    assertFalse(SveBeforeJdk21.applies(17, Optional.of(0)));
    assertFalse(SveBeforeJdk21.applies(21, Optional.of(1)));
    assertFalse(SveBeforeJdk21.applies(25, Optional.of(2)));
    assertFalse(SveBeforeJdk21.applies(17, Optional.empty()));
  }

  @Test
  void noAdviceWithoutSveOnNewerJdksOrOffArm() {
    assertEquals(Optional.empty(), SveBeforeJdk21.advice(17, Optional.of(0)));
    assertEquals(Optional.empty(), SveBeforeJdk21.advice(21, Optional.of(1)));
    assertEquals(Optional.empty(), SveBeforeJdk21.advice(25, Optional.of(2)));
    assertEquals(Optional.empty(), SveBeforeJdk21.advice(17, Optional.empty()));
  }

  @Test
  void thisJvmIsWhatTheBuildSaysItIs() {
    String expected = System.getProperty("lamina.expectedSveBeforeJdk21");
    if (expected == null) {
      expected = String.valueOf(thisJvmRunsSveBefore21());
    }
    assertEquals(Boolean.parseBoolean(expected), SveBeforeJdk21.THIS_JVM);
  }

  /** From the JVM's own flag, for a run the build has not told what it is. */
  static boolean thisJvmRunsSveBefore21() {
    return Runtime.version().feature() < 21
        && !HotSpotOptions.value("UseSVE").orElse("0").equals("0");
  }
}
