package dev.lamina.kernels;

/**
 * Numeric kernels over plain float arrays. Kernels know nothing of tensors: arrays, offsets and
 * lengths in, arrays out. Matrices are row-major and contiguous. Callers validate shapes; kernels
 * do not re-check inside their loops.
 */
public interface Kernels {

  /** The fastest implementation available in this JVM (Vector API when enabled, else plain). */
  static Kernels get() {
    return KernelSelection.ACTIVE;
  }

  /** The plain-Java reference implementation. */
  static Kernels plain() {
    return PlainKernels.INSTANCE;
  }

  /** A short name of this implementation, such as {@code "vector"} or {@code "plain"}. */
  String name();

  /**
   * C = op(A)·op(B), or C += op(A)·op(B) when {@code accumulate}. op(A) is m×k: A is stored m×k,
   * or k×m when {@code transA}. op(B) is k×n: B is stored k×n, or n×k when {@code transB}. C is
   * m×n.
   */
  void gemm(
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
      int cOffset,
      boolean accumulate);

  /** out[i] = a[i] + b[i] for i in [0, n). */
  void add(float[] a, int aOffset, float[] b, int bOffset, float[] out, int outOffset, int n);

  /** out[i] = a[i] - b[i]. */
  void sub(float[] a, int aOffset, float[] b, int bOffset, float[] out, int outOffset, int n);

  /** out[i] = a[i] * b[i]. */
  void mul(float[] a, int aOffset, float[] b, int bOffset, float[] out, int outOffset, int n);

  /** out[i] = a[i] / b[i]. */
  void div(float[] a, int aOffset, float[] b, int bOffset, float[] out, int outOffset, int n);

  /** Sum of a[offset .. offset + n). */
  float sum(float[] a, int offset, int n);

  /** out[i·cols + j] = a[i·cols + j] + row[j]: adds one row (a bias) to every row of a rows×cols matrix. */
  void addRow(
      float[] a, int aOffset, float[] row, int rowOffset, float[] out, int outOffset, int rows,
      int cols);

  /** out[j] = Σ_i a[i·cols + j]: column sums of a rows×cols matrix (a bias gradient). */
  void sumColumns(float[] a, int aOffset, int rows, int cols, float[] out, int outOffset);

  /** out[i] = max(a[i], 0). */
  void relu(float[] a, int aOffset, float[] out, int outOffset, int n);

  /** out[i] = x[i] > 0 ? grad[i] : 0: the gradient through relu, given relu's input x. */
  void reluBackward(
      float[] x, int xOffset, float[] grad, int gradOffset, float[] out, int outOffset, int n);

  /** out[i] = alpha · a[i]. */
  void scale(float alpha, float[] a, int aOffset, float[] out, int outOffset, int n);

  /** y[i] += alpha · x[i]. */
  void axpy(float alpha, float[] x, int xOffset, float[] y, int yOffset, int n);

  /** out[i] = exp(a[i]). */
  void exp(float[] a, int aOffset, float[] out, int outOffset, int n);

  /** The largest of a[offset .. offset + n); negative infinity when n is 0; NaN if any is NaN. */
  float max(float[] a, int offset, int n);

  /**
   * One Adam step in Keras's form on {@code w[offset .. offset + n)} with its gradient g and slots
   * m and v (same offsets): {@code m += (g − m)·oneMinusBeta1}, {@code v += (g² − v)·oneMinusBeta2},
   * {@code w −= m·alpha / (√v + epsilon)}, each in that order of float operations.
   */
  void adam(
      float[] w, float[] g, float[] m, float[] v, int offset, int n, float alpha,
      float oneMinusBeta1, float oneMinusBeta2, float epsilon);
}
