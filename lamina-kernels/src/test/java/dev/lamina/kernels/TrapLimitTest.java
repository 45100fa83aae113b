package dev.lamina.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrapLimitTest {
  @Test
  void theDefaultLimitOnJdk17GetsAdviceNamingTheValueAndTheFlag() {
    String message = TrapLimit.advice(17, Optional.of("100")).orElseThrow();
    assertTrue(message.contains("-XX:PerMethodTrapLimit=100;"), message);
    assertTrue(message.contains("Add -XX:PerMethodTrapLimit=10000"), message);
  }

  @Test
  void noAdviceWhereTheLimitIsHighEnoughOrTheJdkNewOrTheFlagUnknown() {
    assertEquals(Optional.empty(), TrapLimit.advice(17, Optional.of("10000")));
    assertEquals(Optional.empty(), TrapLimit.advice(21, Optional.of("99999")));
    assertEquals(Optional.empty(), TrapLimit.advice(25, Optional.of("100")));
    assertEquals(Optional.empty(), TrapLimit.advice(17, Optional.empty()));
    assertEquals(Optional.empty(), TrapLimit.advice(17, Optional.of("not a number")));
  }

  @Test
  void theBuildRunsTheKernelTestsWithTheRaisedLimit() {
    // the allocation tests of the vector loops assume C2 intrinsified them (pom.xml, jit.flags)
    assertEquals(
        Optional.of(String.valueOf(TrapLimit.RECOMMENDED)),
        HotSpotOptions.value("PerMethodTrapLimit"));
  }
}
