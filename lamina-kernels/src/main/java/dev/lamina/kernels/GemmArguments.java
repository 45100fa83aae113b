package dev.lamina.kernels;

/** The one O(1) check at GEMM's entry: sizes non-negative and every operand inside its array. */
final class GemmArguments {
  private GemmArguments() {}

  static void check(
      boolean transA,
      boolean transB,
      int m,
      int n,
      int k,
      float[] a,
      int aOffset,
      float[] b,
      int bOffset,
      float[] c,
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
  private static void operand(String name, int rows, int cols, float[] array, int offset) {
    long size = (long) rows * cols;
    if (size == 0) {
      return;
    }
    if (array == null) {
      throw new IllegalArgumentException("gemm: " + name + " (" + rows + "×" + cols + ") is null");
    }
    if (offset < 0 || offset + size > array.length) {
      throw new IllegalArgumentException(
          "gemm: "
              + name
              + " stored "
              + rows
              + "×"
              + cols
              + " needs "
              + size
              + " floats from offset "
              + offset
              + ", but its array has length "
              + array.length);
    }
  }
}
