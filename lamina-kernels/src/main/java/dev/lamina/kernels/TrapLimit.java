package dev.lamina.kernels;

import java.util.Optional;

/**
 * Checks the JIT flag {@code PerMethodTrapLimit} that the Vector API kernels need raised on JDK 17.
 * C2 adds up, over every method it inlines into one compilation, the class-check traps each has
 * recorded; the Vector API's shared helpers (its operator cache, its load and store fallbacks) trap
 * a few times during warm-up and are inlined dozens of times into a loop such as gelu's, so the sum
 * passes the default limit of 100 in some processes and not in others. Past it, C2 no longer
 * narrows a vector's type at a profiled call, the store intrinsic then fails, and every vector of
 * the loop is boxed: measured in 22 of 27 W1-gelu processes on JDK 17 with the default, in none of
 * 11 with 10,000 nor of 6 on JDK 25 (bench/RESULTS.md, "Why W1-gelu boxed").
 */
final class TrapLimit {
  static final int RECOMMENDED = 10_000;
  static final String FLAG = "-XX:PerMethodTrapLimit=" + RECOMMENDED;

  /** The JDK feature release from which the default limit has not been seen to box the kernels. */
  private static final int FIXED_IN = 25;

  private TrapLimit() {}

  /** What to tell the user about this JVM's limit, or nothing when it is high enough. */
  static Optional<String> advice(int jdkFeature, Optional<String> limit) {
    if (jdkFeature >= FIXED_IN || limit.isEmpty()) {
      return Optional.empty();
    }
    long value;
    try {
      value = Long.parseLong(limit.get());
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    if (value >= RECOMMENDED) {
      return Optional.empty();
    }
    return Optional.of(
        "Lamina kernels: the JVM runs with -XX:PerMethodTrapLimit="
            + value
            + "; on JDK "
            + jdkFeature
            + " the JIT can then box the vectors of long kernel loops (gelu, tanh, exp),"
            + " a slower step and a garbage collection every few steps. Add "
            + FLAG
            + " to the JVM flags (the lamina launcher does).");
  }
}
