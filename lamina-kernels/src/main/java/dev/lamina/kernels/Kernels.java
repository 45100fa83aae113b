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

  /**
   * Starts compiling the matrix-multiply kernels on a daemon thread and returns at once, for a
   * program that reads and prepares its data before it trains: its first steps then run compiled
   * kernels, not the Vector API's slow uncompiled form. Calls after the first do nothing.
   */
  static void warmUpInBackground() {
    BackgroundWarmUp.start(get());
  }

  /** A short name of this implementation, such as {@code "vector"} or {@code "plain"}. */
  String name();

  /** Runs this implementation's hottest code until the JIT compiles it; nothing by default. */
  default void warmUp() {}

  /**
   * C = op(A)·op(B), or C += op(A)·op(B) when {@code accumulate}. op(A) is m×k: A is stored m×k, or
   * k×m when {@code transA}. op(B) is k×n: B is stored k×n, or n×k when {@code transB}. C is m×n.
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

  /**
   * {@link #gemm(boolean, boolean, int, int, int, float[], int, float[], int, float[], int,
   * boolean) gemm} in double precision, for float64 models.
   */
  void gemm(
      boolean transA,
      boolean transB,
      int m,
      int n,
      int k,
      double[] a,
      int aOffset,
      double[] b,
      int bOffset,
      double[] c,
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

  /** Σ a[aOffset + i]·b[bOffset + i] over i in [0, n): with a = b, the sum of squares. */
  float dot(float[] a, int aOffset, float[] b, int bOffset, int n);

  /**
   * out[i·cols + j] = a[i·cols + j] + row[j]: adds one row (a bias) to every row of a rows×cols
   * matrix.
   */
  void addRow(
      float[] a,
      int aOffset,
      float[] row,
      int rowOffset,
      float[] out,
      int outOffset,
      int rows,
      int cols);

  /** out[j] = Σ_i a[i·cols + j]: column sums of a rows×cols matrix (a bias gradient). */
  void sumColumns(float[] a, int aOffset, int rows, int cols, float[] out, int outOffset);

  /**
   * out[i] = a[i] / divisor · b[i], rounded after the division and after the product (inverted
   * dropout: x / keep · mask).
   */
  void divideThenMultiply(
      float[] a,
      int aOffset,
      float divisor,
      float[] b,
      int bOffset,
      float[] out,
      int outOffset,
      int n);

  /** out[i] = a[i] · b[i] / divisor, rounded after the product and after the division. */
  void multiplyThenDivide(
      float[] a,
      int aOffset,
      float[] b,
      int bOffset,
      float divisor,
      float[] out,
      int outOffset,
      int n);

  /** out[i] = alpha · a[i]. */
  void scale(float alpha, float[] a, int aOffset, float[] out, int outOffset, int n);

  /**
   * out[i] = alpha · g[i], and returns Σ g[i]·x[i], in one pass: both gradients of a product of x
   * with one value alpha (g the product's gradient). The sum adds fixed blocks in order, so its
   * bits do not depend on how many threads share the pass.
   */
  float scaleAndDot(
      float alpha,
      float[] g,
      int gOffset,
      float[] x,
      int xOffset,
      float[] out,
      int outOffset,
      int n);

  /** y[i] += alpha · x[i]. */
  void axpy(float alpha, float[] x, int xOffset, float[] y, int yOffset, int n);

  /** y[i] = f(x[i]) for i in [0, n): one of Keras's elementwise activations; x and y may alias. */
  void pointwise(Pointwise f, float[] x, float[] y, int n);

  /**
   * out[i] = g[i]·f'(x[i]) for i in [0, n), from the activation's output y and, where {@link
   * Pointwise#needsInput} says so, its input x (else x may be null); g and out may alias.
   */
  void pointwiseBackward(Pointwise f, float[] x, float[] y, float[] g, float[] out, int n);

  /** {@link #pointwise(Pointwise, float[], float[], int) pointwise} for float64 models. */
  void pointwise(Pointwise f, double[] x, double[] y, int n);

  /**
   * {@link #pointwiseBackward(Pointwise, float[], float[], float[], float[], int)
   * pointwiseBackward} for float64 models.
   */
  void pointwiseBackward(Pointwise f, double[] x, double[] y, double[] g, double[] out, int n);

  /** The largest of a[offset .. offset + n); negative infinity when n is 0; NaN if any is NaN. */
  float max(float[] a, int offset, int n);

  /**
   * Max pooling's forward pass at one output pixel: for each j &lt; n, maxima[to + j] = the largest
   * of values[starts[r] + j] over r &lt; count, and positions[to + j] = the index it was read at:
   * the first in r order on ties, the first NaN if any is NaN. With count 0, negative infinity and
   * −1.
   */
  void windowMaximum(
      float[] values, int[] starts, int count, float[] maxima, int[] positions, int to, int n);

  // Batch normalization's column kernels: rows×cols matrices and per-column arrays from index 0.

  /**
   * out[j] = Σ_i (a[i·cols + j] − center[j])², summed over the rows in order (a variance's sum).
   */
  void sumSquaredDeviations(float[] a, int rows, int cols, float[] center, float[] out);

  /** out[j] = Σ_i a[i·cols + j] · b[i·cols + j], summed over the rows in order. */
  void sumColumnProducts(float[] a, float[] b, int rows, int cols, float[] out);

  /**
   * Batch normalization with given statistics over a rows×cols matrix: {@code normalized = (a −
   * mean[j])·inverseStd[j]} and {@code out = normalized·gamma[j] + beta[j]}.
   */
  void batchNormForward(
      float[] a,
      int rows,
      int cols,
      float[] mean,
      float[] inverseStd,
      float[] gamma,
      float[] beta,
      float[] normalized,
      float[] out);

  /**
   * Batch normalization's input gradient in closed form: {@code out = factor[j]·(rows·grad −
   * sumGrad[j] − normalized·sumGradNormalized[j])}, where factor is γ·σ⁻¹/rows per column.
   */
  void batchNormBackward(
      float[] grad,
      float[] normalized,
      int rows,
      int cols,
      float[] factor,
      float[] sumGrad,
      float[] sumGradNormalized,
      float[] out);

  /**
   * A Bernoulli mask from the SplitMix64 stream whose state is {@code state}, two draws per word:
   * word w is {@code mix(state + (w+1)·0x9E3779B97F4A7C15)}; draw 2w is its low 32 bits and draw
   * 2w+1 its high 32 bits, each read as the 31-bit uniform {@code (bits >>> 1)·2⁻³¹}; {@code
   * mask[offset + i]} is 1 when draw i is below {@code probability}, else 0. Uses {@link
   * #maskWords(int) maskWords(n)} words of the stream.
   */
  void bernoulliMask(long state, double probability, float[] mask, int offset, int n);

  /** How many SplitMix64 words a mask of {@code n} values uses. */
  static int maskWords(int n) {
    return n / 2 + n % 2;
  }

  /**
   * One Adam step in Keras's form on {@code w[offset .. offset + n)} with its gradient g and slots
   * m and v (same offsets): {@code m += (g − m)·oneMinusBeta1}, {@code v += (g² −
   * v)·oneMinusBeta2}, {@code w −= m·alpha / (√v + epsilon)}, each in that order of float
   * operations.
   */
  void adam(
      float[] w,
      float[] g,
      float[] m,
      float[] v,
      int offset,
      int n,
      float alpha,
      float oneMinusBeta1,
      float oneMinusBeta2,
      float epsilon);

  /**
   * {@link #adam(float[], float[], float[], float[], int, int, float, float, float, float) adam} in
   * double precision, for float64 models.
   */
  void adam(
      double[] w,
      double[] g,
      double[] m,
      double[] v,
      int offset,
      int n,
      double alpha,
      double oneMinusBeta1,
      double oneMinusBeta2,
      double epsilon);
}
