package dev.lamina.kernels;

import java.util.Optional;

/**
 * Checks for SVE on a HotSpot older than 21. HotSpot 17's C2 compiles the Vector API's arithmetic,
 * loads, stores and fused multiply-adds to SVE, but not its lane compares and masks, its
 * reinterpretations between lane types nor its reductions: on an ARM CPU with SVE (Graviton3 and 4,
 * Neoverse V1 and V2, Nvidia Grace, A64FX) every activation but relu, relu's gradient, the dropout
 * mask, sum, dot and max box their vectors there (allocation tests under QEMU's a64fx CPU at 256
 * bits, and a probe of single operations at 128, 256 and 512; bench/RESULTS.md, 2026-12-06), while
 * HotSpot 21 compiles them all. With {@code -XX:UseSVE=0} HotSpot 17 takes NEON's 128-bit forms,
 * which it compiles, and Neoverse V1 and V2 issue as many NEON as SVE multiply-adds per cycle (four
 * 128-bit pipes; V1's two 256-bit SVE issues use the same four). Only A64FX, whose pipes are 512
 * bits wide, loses width that way.
 */
final class SveAdvice {
  static final String FLAG = "-XX:UseSVE=0";

  /** The JDK feature release whose C2 compiles every lane operation the kernels use to SVE. */
  private static final int FIXED_IN = 21;

  private SveAdvice() {}

  /** What to tell the user about this JVM's SVE level, or nothing when it is not a concern. */
  static Optional<String> advice(int jdkFeature, Optional<Integer> useSve) {
    if (jdkFeature >= FIXED_IN || useSve.isEmpty() || useSve.get() == 0) {
      return Optional.empty();
    }
    return Optional.of(
        "Lamina kernels: the JVM runs with -XX:UseSVE="
            + useSve.get()
            + "; on JDK "
            + jdkFeature
            + " the JIT compiles no SVE form of the Vector API's compares, reinterpretations and"
            + " reductions, so the activations, dropout and reductions box their vectors. Add "
            + FLAG
            + " to the JVM flags (NEON, as fast on these CPUs; the lamina launcher does), or run"
            + " on JDK 21 or later.");
  }
}
