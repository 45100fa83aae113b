package dev.lamina.kernels;

/**
 * Whether the JIT compiles the Vector API's lane compares and what x86 has only from AVX on. On an
 * x86 without AVX (HotSpot's UseAVX=0: QEMU's default CPU model, Atom-class Celeron and Pentium
 * Silver laptops) C2 has no form for float or int compares and the masks and blends built on them,
 * float min and max, sqrt, and int-to-float conversion: each call runs the API's Java fallback and
 * boxes every vector (SSE-only allocation tests, bench/RESULTS.md 2026-12-06). There the kernels
 * that need them run their plain loops, which allocate nothing and which the JIT vectorizes where
 * SSE can. Additions, multiplications, divisions and bitwise lane operations compile on SSE, so the
 * GEMM, the reductions and the normalization kernels keep their vector form.
 */
final class LaneCompares {
  /** False on an x86 JVM running without AVX; true on every other JVM, ARM's included. */
  static final boolean COMPILED = HotSpotOptions.avxLevel().map(level -> level > 0).orElse(true);

  private LaneCompares() {}
}
