package dev.lamina.kernels;

/** One Adam update split over the kernel threads. */
final class AdamSplit extends VectorRangeSplit {
  private static final ThreadLocal<AdamSplit> PER_THREAD = ThreadLocal.withInitial(AdamSplit::new);

  private float[] w;
  private float[] g;
  private float[] m;
  private float[] v;
  private int offset;
  private float alpha;
  private float oneMinusBeta1;
  private float oneMinusBeta2;
  private float epsilon;

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
    VectorKernels.adamRange(
        w, g, m, v, offset + from, to - from, alpha, oneMinusBeta1, oneMinusBeta2, epsilon);
  }

  @Override
  void release() {
    w = null;
    g = null;
    m = null;
    v = null;
  }
}
