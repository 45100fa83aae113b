package dev.lamina.kernels;

import java.util.Optional;

/**
 * HotSpot older than 21 on an ARM CPU with SVE (Graviton3 and 4, Neoverse V1 and V2, Nvidia Grace,
 * A64FX). Its C2 compiles the Vector API's arithmetic, loads, stores, fused multiply-adds, lanewise
 * min and max, sqrt and additive reductions to SVE, but not its lane compares, masks and blends,
 * its conversions and reinterpretations between lane types, its reads of a single lane nor its MAX
 * reduction: each runs the API's Java fallback and boxes its vectors (a probe of single operations
 * at 128, 256 and 512 bits, and the allocation tests, under QEMU's a64fx; bench/RESULTS.md,
 * 2026-12-06), while HotSpot 21 compiles them all. There the kernels built on them take their plain
 * loops ({@link LaneCompares}, {@link LaneBits}), and the user is told once that {@code
 * -XX:UseSVE=0} gives them NEON's 128-bit forms, which HotSpot 17 compiles: Neoverse V1 and V2
 * issue as many NEON as SVE multiply-adds per cycle (four 128-bit pipes; V1's two 256-bit SVE
 * issues use the same four). Only A64FX, whose pipes are 512 bits wide, loses width that way.
 */
final class SveBeforeJdk21 {
  static final String FLAG = "-XX:UseSVE=0";

  /** The JDK feature release whose C2 compiles every lane operation the kernels use to SVE. */
  private static final int FIXED_IN = 21;

  /** Whether this JVM is such a HotSpot running with SVE. */
  static final boolean THIS_JVM = applies(Runtime.version().feature(), HotSpotOptions.sveLevel());

  private SveBeforeJdk21() {}

  /** Whether a JVM of this feature release and SVE level (empty off ARM) lacks those forms. */
  static boolean applies(int jdkFeature, Optional<Integer> useSve) {
    return jdkFeature < FIXED_IN && useSve.map(level -> level > 0).orElse(false);
  }

  /** What to tell the user about this JVM's SVE level, or nothing when it is not a concern. */
  static Optional<String> advice(int jdkFeature, Optional<Integer> useSve) {
    if (!applies(jdkFeature, useSve)) {
      return Optional.empty();
    }
    return Optional.of(
        "Lamina kernels: the JVM runs with -XX:UseSVE="
            + useSve.get()
            + "; on JDK "
            + jdkFeature
            + " the JIT compiles no SVE form of the Vector API's compares, reinterpretations and"
            + " lane reads, so the activations, dropout and max pooling run their plain loops."
            + " Add "
            + FLAG
            + " to the JVM flags (NEON, as fast on these CPUs, where they stay in vectors; the"
            + " lamina launcher does), or run on JDK 21 or later.");
  }
}
