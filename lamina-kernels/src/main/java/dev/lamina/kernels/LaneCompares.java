package dev.lamina.kernels;

/**
 * Whether the JIT compiles the Vector API's lane compares and the operations that fail with them.
 * On an x86 without AVX (HotSpot's UseAVX=0: QEMU's default CPU model, Atom-class Celeron and
 * Pentium Silver laptops) C2 has no form for float or int compares and the masks and blends built
 * on them, float min and max, sqrt, and int-to-float conversion; on ARM's SVE, HotSpot before 21
 * has none for compares, masks, blends, conversions and the MAX reduction ({@link SveBeforeJdk21}).
 * Each call runs the API's Java fallback and boxes every vector (allocation tests, bench/RESULTS.md
 * 2026-12-06). There the kernels that need them run their plain loops, which allocate nothing and
 * which the JIT vectorizes where it can. Additions, multiplications, divisions and bitwise lane
 * operations compile on both, so the GEMM, the sums and the normalization kernels keep their vector
 * form.
 */
final class LaneCompares {
  /**
   * False on an x86 JVM running without AVX and on a HotSpot older than 21 running with SVE; true
   * on every other JVM.
   */
  static final boolean COMPILED = !HotSpotOptions.x86WithoutAvx() && !SveBeforeJdk21.THIS_JVM;

  private LaneCompares() {}
}
