package dev.lamina.spark;

import java.util.List;

/** Lists of weight arrays as one flat array, the form in which weights travel. */
final class FlatArrays {
  private FlatArrays() {}

  static int length(List<float[]> arrays) {
    int n = 0;
    for (float[] a : arrays) {
      n += a.length;
    }
    return n;
  }

  /** The arrays one after the other, followed by {@code tail}. */
  static float[] concat(List<float[]> arrays, float[] tail) {
    float[] flat = new float[length(arrays) + tail.length];
    int at = 0;
    for (float[] a : arrays) {
      System.arraycopy(a, 0, flat, at, a.length);
      at += a.length;
    }
    System.arraycopy(tail, 0, flat, at, tail.length);
    return flat;
  }

  /** {@code head} followed by {@code tail}. */
  static float[] join(float[] head, float[] tail) {
    return concat(List.of(head), tail);
  }

  /** {@code arrays[j] += scale·flat[from + j]} over the arrays laid end to end. */
  static void addInto(List<float[]> arrays, float[] flat, int from, float scale) {
    int at = from;
    for (float[] a : arrays) {
      for (int i = 0; i < a.length; i++) {
        a[i] += flat[at + i] * scale;
      }
      at += a.length;
    }
  }

  /** Copies the leading values of {@code flat} into the arrays, in order. */
  static void copyInto(float[] flat, List<float[]> arrays) {
    int at = 0;
    for (float[] a : arrays) {
      System.arraycopy(flat, at, a, 0, a.length);
      at += a.length;
    }
  }

  /** {@code sum[i] += scale·part[i]} over the arrays laid end to end. */
  static void addScaled(float[] sum, List<float[]> parts, float scale) {
    int at = 0;
    for (float[] a : parts) {
      for (int i = 0; i < a.length; i++) {
        sum[at + i] += a[i] * scale;
      }
      at += a.length;
    }
  }
}
