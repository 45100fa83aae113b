package dev.lamina.kernels;

/**
 * Whether the JIT compiles the Vector API's multiply of 64-bit lanes. ARM's NEON has no such
 * instruction (its {@code mul} stops at 32-bit lanes), and HotSpot 17's C2 has no other form for it
 * on an AArch64 without SVE (Neoverse N1 and Graviton2, Ampere Altra, Cortex-A72, Apple's M chips):
 * each {@code LongVector.mul} runs the API's Java fallback and boxes its vectors, 4,752 bytes per
 * 67-value dropout mask in the allocation tests under QEMU's neoverse-n1. There the dropout mask,
 * whose SplitMix64 hash multiplies 64-bit words, takes its plain loop. HotSpot 21 and 25 compile it
 * there (bench/RESULTS.md, 2026-12-06); SVE has the instruction; x86's C2 builds it from 32-bit
 * multiplies at every AVX level.
 */
final class LongLaneMultiply {
  /** False on an AArch64 JVM older than 21 without SVE; true elsewhere. */
  static final boolean COMPILED =
      Runtime.version().feature() >= 21
          || HotSpotOptions.sveLevel().map(sve -> sve > 0).orElse(true);

  private LongLaneMultiply() {}
}
