package dev.lamina.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SveAdviceTest {
  @Test
  void sveOnJdk17GetsAdviceNamingTheLevelTheFlagAndTheJdk() {
    String message = SveAdvice.advice(17, Optional.of(2)).orElseThrow();
    assertTrue(message.contains("-XX:UseSVE=2;"), message);
    assertTrue(message.contains("Add -XX:UseSVE=0"), message);
    assertTrue(message.contains("JDK 21 or later"), message);
  }

  @Test
  void noAdviceWithoutSveOnNewerJdksOrOffArm() {
    assertEquals(Optional.empty(), SveAdvice.advice(17, Optional.of(0)));
    assertEquals(Optional.empty(), SveAdvice.advice(21, Optional.of(1)));
    assertEquals(Optional.empty(), SveAdvice.advice(25, Optional.of(2)));
    assertEquals(Optional.empty(), SveAdvice.advice(17, Optional.empty()));
  }
}
