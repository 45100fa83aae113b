package dev.lamina.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;

/**
 * a·b + c for the kernels: one fused multiply-add where the CPU has the instruction, else a
 * multiply and then an add. Without it (an SSE-only x86 such as QEMU's default CPU model or an
 * Atom-class laptop, AVX without FMA on Sandy Bridge) the JIT cannot compile the Vector API's fma,
 * which falls back to {@code Math.fma} lane by lane, exact but computed in BigDecimal: W4's
 * training step took 19–25 ms instead of 12 µs, and the allocation tests did not end in 500 s. The
 * unfused form rounds twice, so its bits differ from a fused machine's in the last place; on one
 * machine one seed still gives the same bits.
 *
 * <p>Methods whose node count is large (VectorMath's, VectorPointwise's) test {@link #FUSED} at
 * each site instead of calling these helpers, which C2 stops inlining past its node budget; the
 * 8-row GEMM kernels, which GemmShape uses only where multiply-adds are fused, call fma directly.
 */
final class MultiplyAdd {
  /**
   * Whether fused multiply-adds compile to one instruction: HotSpot's UseFMA, which it sets from
   * the CPU (and -XX:-UseFMA clears); true on JVMs that do not say.
   */
  static final boolean FUSED =
      HotSpotOptions.value("UseFMA").map(Boolean::parseBoolean).orElse(true);

  private MultiplyAdd() {}

  static FloatVector fma(FloatVector a, FloatVector b, FloatVector c) {
    return FUSED ? a.fma(b, c) : a.mul(b).add(c);
  }

  static DoubleVector fma(DoubleVector a, DoubleVector b, DoubleVector c) {
    return FUSED ? a.fma(b, c) : a.mul(b).add(c);
  }

  /** The scalar form, rounded as a vector lane of the same kernel is. */
  static float fma(float a, float b, float c) {
    return FUSED ? Math.fma(a, b, c) : a * b + c;
  }
}
