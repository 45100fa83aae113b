package dev.lamina.kernels;

/**
 * One Adam update, float32 or float64, split over the kernel threads. The arrays are held as
 * objects and the factors as doubles (a float32 update's factors are floats, which a double holds
 * exactly), so that both types share one split.
 */
final class AdamSplit extends VectorRangeSplit {
  private static final ThreadLocal<AdamSplit> PER_THREAD = ThreadLocal.withInitial(AdamSplit::new);

  private Object w;
  private Object g;
  private Object m;
  private Object v;
  private int offset;
  private double alpha;
  private double oneMinusBeta1;
  private double oneMinusBeta2;
  private double epsilon;

  private AdamSplit() {}

  static void run(
      float[] w,
      float[] g,
      float[] m,
      float[] v,
      int offset,
      int n,
      float alpha,
      float oneMinusBeta1,
      float oneMinusBeta2,
      float epsilon,
      int parts) {
    start(w, g, m, v, offset, n, alpha, oneMinusBeta1, oneMinusBeta2, epsilon, parts);
  }

  static void run(
      double[] w,
      double[] g,
      double[] m,
      double[] v,
      int offset,
      int n,
      double alpha,
      double oneMinusBeta1,
      double oneMinusBeta2,
      double epsilon,
      int parts) {
    start(w, g, m, v, offset, n, alpha, oneMinusBeta1, oneMinusBeta2, epsilon, parts);
  }

  private static void start(
      Object w,
      Object g,
      Object m,
      Object v,
      int offset,
      int n,
      double alpha,
      double oneMinusBeta1,
      double oneMinusBeta2,
      double epsilon,
      int parts) {
    AdamSplit split = PER_THREAD.get();
    split.w = w;
    split.g = g;
    split.m = m;
    split.v = v;
    split.offset = offset;
    split.alpha = alpha;
    split.oneMinusBeta1 = oneMinusBeta1;
    split.oneMinusBeta2 = oneMinusBeta2;
    split.epsilon = epsilon;
    split.run(n, parts);
  }

  @Override
  void runRange(int from, int to) {
    if (w instanceof float[] floats) {
      VectorAdam.range(
          floats,
          (float[]) g,
          (float[]) m,
          (float[]) v,
          offset + from,
          to - from,
          (float) alpha,
          (float) oneMinusBeta1,
          (float) oneMinusBeta2,
          (float) epsilon);
    } else {
      VectorAdam.range(
          (double[]) w,
          (double[]) g,
          (double[]) m,
          (double[]) v,
          offset + from,
          to - from,
          alpha,
          oneMinusBeta1,
          oneMinusBeta2,
          epsilon);
    }
  }

  @Override
  void release() {
    w = null;
    g = null;
    m = null;
    v = null;
  }
}
