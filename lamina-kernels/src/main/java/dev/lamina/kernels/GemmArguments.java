package dev.lamina.kernels;

import java.lang.reflect.Array;

/**
 * The one O(1) check at GEMM's entry: sizes non-negative and every operand inside its array
 * (float[] or double[], the same type for all three).
 */
final class GemmArguments {
  private GemmArguments() {}

  static void check(
      boolean transA,
      boolean transB,
      int m,
      int n,
      int k,
      Object a,
      int aOffset,
      Object b,
      int bOffset,
      Object c,
      int cOffset) {
    if (m < 0 || n < 0 || k < 0) {
      throw new IllegalArgumentException(
          "gemm: sizes must be non-negative, got m=" + m + " n=" + n + " k=" + k);
    }
    operand("A", transA ? k : m, transA ? m : k, a, aOffset);
    operand("B", transB ? n : k, transB ? k : n, b, bOffset);
    operand("C", m, n, c, cOffset);
  }

  /** Checks one operand stored rows×cols; builds a message only when it fails. */
  private static void operand(String name, int rows, int cols, Object array, int offset) {
    long size = (long) rows * cols;
    if (size == 0) {
      return;
    }
    if (array == null) {
      throw new IllegalArgumentException("gemm: " + name + " (" + rows + "×" + cols + ") is null");
    }
    int length = Array.getLength(array);
    if (offset < 0 || offset + size > length) {
      throw new IllegalArgumentException(
          "gemm: "
              + name
              + " stored "
              + rows
              + "×"
              + cols
              + " needs "
              + size
              + (array instanceof double[] ? " doubles" : " floats")
              + " from offset "
              + offset
              + ", but its array has length "
              + length);
    }
  }
}
