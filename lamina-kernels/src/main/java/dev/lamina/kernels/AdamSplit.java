package dev.lamina.kernels;

import dev.lamina.kernels.internal.KernelThreads;

/**
 * One Adam update split over the kernel threads in ranges of whole vectors, reused by its calling
 * thread so that splitting allocates nothing.
 */
final class AdamSplit implements KernelThreads.PartedTask {
  private static final ThreadLocal<AdamSplit> PER_THREAD = ThreadLocal.withInitial(AdamSplit::new);

  private float[] w;
  private float[] g;
  private float[] m;
  private float[] v;
  private int offset;
  private int n;
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
    split.n = n;
    split.alpha = alpha;
    split.oneMinusBeta1 = oneMinusBeta1;
    split.oneMinusBeta2 = oneMinusBeta2;
    split.epsilon = epsilon;
    try {
      KernelThreads.runParts(split, parts);
    } finally {
      // an idle thread must not keep the caller's arrays alive
      split.w = null;
      split.g = null;
      split.m = null;
      split.v = null;
    }
  }

  @Override
  public void runPart(int part, int parts) {
    int from = VectorParts.start(n, part, parts);
    int to = VectorParts.start(n, part + 1, parts);
    VectorKernels.adamRange(
        w, g, m, v, offset + from, to - from, alpha, oneMinusBeta1, oneMinusBeta2, epsilon);
  }
}
