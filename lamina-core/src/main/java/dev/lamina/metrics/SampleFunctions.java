package dev.lamina.metrics;

/** The per-sample functions behind the built-in mean metrics, each averaged over the last axis. */
final class SampleFunctions {
  private SampleFunctions() {}

  static double absoluteError(float[] t, int to, int tc, float[] p, int po, int pc) {
    double sum = 0;
    for (int j = 0; j < pc; j++) {
      sum += Math.abs((double) t[to + j] - p[po + j]);
    }
    return sum / pc;
  }

  static double squaredError(float[] t, int to, int tc, float[] p, int po, int pc) {
    double sum = 0;
    for (int j = 0; j < pc; j++) {
      double d = (double) t[to + j] - p[po + j];
      sum += d * d;
    }
    return sum / pc;
  }

  /** 1 where {@code prediction > threshold} agrees with the 0/1 target, averaged over columns. */
  static SampleFunction binaryAccuracy(double threshold) {
    return (t, to, tc, p, po, pc) -> {
      double hits = 0;
      for (int j = 0; j < pc; j++) {
        float predicted = p[po + j] > threshold ? 1f : 0f;
        hits += predicted == t[to + j] ? 1 : 0;
      }
      return hits / pc;
    };
  }

  static double categoricalAccuracy(float[] t, int to, int tc, float[] p, int po, int pc) {
    return argmax(t, to, tc) == argmax(p, po, pc) ? 1 : 0;
  }

  static double sparseCategoricalAccuracy(float[] t, int to, int tc, float[] p, int po, int pc) {
    return argmax(p, po, pc) == t[to] ? 1 : 0;
  }

  /** The first index of the largest value, as numpy's argmax. */
  static int argmax(float[] values, int offset, int length) {
    int best = 0;
    for (int j = 1; j < length; j++) {
      if (values[offset + j] > values[offset + best]) {
        best = j;
      }
    }
    return best;
  }
}
