package dev.lamina.kernels;

import dev.lamina.kernels.internal.KernelThreads;

/**
 * An activation's forward or backward loop over whole vectors, split over the kernel threads when
 * the array is large; reused by its calling thread so that splitting allocates nothing. Each
 * element is computed alone, so the result has the same bits for any number of parts.
 */
final class PointwiseSplit implements KernelThreads.PartedTask {
  /**
   * Below this many elements one thread runs the loop: handing parts over costs a few microseconds,
   * about what a 16K-element relu takes.
   */
  private static final int PARALLEL_MIN = 1 << 15;

  private static final ThreadLocal<PointwiseSplit> PER_THREAD =
      ThreadLocal.withInitial(PointwiseSplit::new);

  private Pointwise f;
  private boolean backward;
  private float[] x;
  private float[] y;
  private float[] g;
  private float[] out;
  private int n;

  private PointwiseSplit() {}

  /** y = f(x) over [0, n), n a whole number of vectors. */
  static void forward(Pointwise f, float[] x, float[] y, int n) {
    int threads = KernelThreads.count();
    if (threads == 1 || n < PARALLEL_MIN) {
      VectorPointwise.forwardRange(f, x, y, 0, n);
    } else {
      PER_THREAD.get().run(f, false, x, y, null, null, n, threads);
    }
  }

  /** out = g·f'(x) over [0, n), n a whole number of vectors. */
  static void backward(Pointwise f, float[] x, float[] y, float[] g, float[] out, int n) {
    int threads = KernelThreads.count();
    if (threads == 1 || n < PARALLEL_MIN) {
      VectorPointwise.backwardRange(f, x, y, g, out, 0, n);
    } else {
      PER_THREAD.get().run(f, true, x, y, g, out, n, threads);
    }
  }

  private void run(
      Pointwise f,
      boolean backward,
      float[] x,
      float[] y,
      float[] g,
      float[] out,
      int n,
      int parts) {
    this.f = f;
    this.backward = backward;
    this.x = x;
    this.y = y;
    this.g = g;
    this.out = out;
    this.n = n;
    try {
      KernelThreads.runParts(this, parts);
    } finally {
      // an idle thread must not keep the caller's arrays alive
      this.x = null;
      this.y = null;
      this.g = null;
      this.out = null;
    }
  }

  @Override
  public void runPart(int part, int parts) {
    int from = VectorParts.start(n, part, parts);
    int to = VectorParts.start(n, part + 1, parts);
    if (backward) {
      VectorPointwise.backwardRange(f, x, y, g, out, from, to);
    } else {
      VectorPointwise.forwardRange(f, x, y, from, to);
    }
  }
}
