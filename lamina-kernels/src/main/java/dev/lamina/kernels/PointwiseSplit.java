package dev.lamina.kernels;

import dev.lamina.kernels.internal.KernelThreads;

/**
 * An activation's forward or backward loop over whole vectors, split over the kernel threads when
 * the array is large. Each element is computed alone, so the result has the same bits for any
 * number of parts.
 */
final class PointwiseSplit extends VectorRangeSplit {
  private static final ThreadLocal<PointwiseSplit> PER_THREAD =
      ThreadLocal.withInitial(PointwiseSplit::new);

  private Pointwise f;
  private float[] x;
  private float[] y;
  private float[] g;
  private float[] out;

  private PointwiseSplit() {}

  /** y = f(x) over [0, n), n a whole number of vectors. */
  static void forward(Pointwise f, float[] x, float[] y, int n) {
    int threads = KernelThreads.count();
    if (threads == 1 || n < PARALLEL_MIN) {
      VectorPointwise.forwardRange(f, x, y, 0, n);
    } else {
      PER_THREAD.get().start(f, x, y, null, null, n, threads);
    }
  }

  /** out = g·f'(x) over [0, n), n a whole number of vectors. */
  static void backward(Pointwise f, float[] x, float[] y, float[] g, float[] out, int n) {
    int threads = KernelThreads.count();
    if (threads == 1 || n < PARALLEL_MIN) {
      VectorPointwise.backwardRange(f, x, y, g, out, 0, n);
    } else {
      PER_THREAD.get().start(f, x, y, g, out, n, threads);
    }
  }

  /** Forward when {@code g} is null, backward otherwise. */
  private void start(Pointwise f, float[] x, float[] y, float[] g, float[] out, int n, int parts) {
    this.f = f;
    this.x = x;
    this.y = y;
    this.g = g;
    this.out = out;
    run(n, parts);
  }

  @Override
  void runRange(int from, int to) {
    if (g != null) {
      VectorPointwise.backwardRange(f, x, y, g, out, from, to);
    } else {
      VectorPointwise.forwardRange(f, x, y, from, to);
    }
  }

  @Override
  void release() {
    x = null;
    y = null;
    g = null;
    out = null;
  }
}
