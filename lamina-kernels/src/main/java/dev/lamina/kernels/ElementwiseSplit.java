package dev.lamina.kernels;

import dev.lamina.kernels.internal.KernelThreads;

/**
 * An elementwise operation of two arrays (or of an array and a scalar) over a large range, split
 * over the kernel threads: a custom layer's products and sums run on every core as activations do.
 * Each element is computed alone, so the result has the same bits for any number of parts.
 */
final class ElementwiseSplit extends VectorRangeSplit {
  /** The operations split here, each calling its own loop (a loop taking an operator boxes). */
  enum Op {
    ADD,
    SUB,
    MUL,
    DIV,
    SCALE,
    DIVIDE_THEN_MULTIPLY,
    MULTIPLY_THEN_DIVIDE
  }

  private static final ThreadLocal<ElementwiseSplit> PER_THREAD =
      ThreadLocal.withInitial(ElementwiseSplit::new);

  private Op op;
  private float alpha;
  private float[] a;
  private int aOffset;
  private float[] b;
  private int bOffset;
  private float[] out;
  private int outOffset;

  private ElementwiseSplit() {}

  /** Whether n elements are worth splitting over the kernel threads. */
  private static boolean splits(int n) {
    return n >= PARALLEL_MIN && KernelThreads.count() > 1;
  }

  /**
   * out = a op b (alpha·a for SCALE, b unused; alpha the divisor of the two-step ones) over n
   * elements, split over the kernel threads when n is large enough to be worth it, else in one part
   * on the calling thread.
   */
  static void run(
      Op op,
      float alpha,
      float[] a,
      int aOffset,
      float[] b,
      int bOffset,
      float[] out,
      int outOffset,
      int n) {
    if (!splits(n)) {
      // a convolution's gradient adds thousands of short runs per step: no per-call set-up here
      apply(op, alpha, a, aOffset, b, bOffset, out, outOffset, n);
      return;
    }
    ElementwiseSplit split = PER_THREAD.get();
    split.op = op;
    split.alpha = alpha;
    split.a = a;
    split.aOffset = aOffset;
    split.b = b;
    split.bOffset = bOffset;
    split.out = out;
    split.outOffset = outOffset;
    split.run(n, KernelThreads.count());
  }

  @Override
  void runRange(int from, int to) {
    apply(op, alpha, a, aOffset + from, b, bOffset + from, out, outOffset + from, to - from);
  }

  private static void apply(
      Op op, float alpha, float[] a, int ai, float[] b, int bi, float[] out, int oi, int n) {
    switch (op) {
      case ADD -> VectorElementwise.add(a, ai, b, bi, out, oi, n);
      case SUB -> VectorElementwise.sub(a, ai, b, bi, out, oi, n);
      case MUL -> VectorElementwise.mul(a, ai, b, bi, out, oi, n);
      case DIV -> VectorElementwise.div(a, ai, b, bi, out, oi, n);
      case SCALE -> VectorElementwise.scale(alpha, a, ai, out, oi, n);
      case DIVIDE_THEN_MULTIPLY ->
          VectorElementwise.divideThenMultiply(a, ai, alpha, b, bi, out, oi, n);
      case MULTIPLY_THEN_DIVIDE ->
          VectorElementwise.multiplyThenDivide(a, ai, b, bi, alpha, out, oi, n);
    }
  }

  @Override
  void release() {
    a = null;
    b = null;
    out = null;
  }
}
