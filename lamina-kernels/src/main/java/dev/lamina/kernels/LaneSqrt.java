package dev.lamina.kernels;

/**
 * Whether the JIT compiles the Vector API's lane square root, which Adam's update needs. C2 has no
 * form for it on an x86 without AVX (98,320 bytes boxed per pass over 4,096 floats;
 * bench/RESULTS.md, 2026-12-06), where Adam takes its plain loop; everywhere else it compiles, on
 * HotSpot 17 with SVE too, which lacks the lane compares ({@link LaneCompares}) but not this.
 */
final class LaneSqrt {
  /** False on an x86 JVM running without AVX; true on every other JVM. */
  static final boolean COMPILED = !HotSpotOptions.x86WithoutAvx();

  private LaneSqrt() {}
}
