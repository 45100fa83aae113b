package dev.lamina.kernels;

import dev.lamina.kernels.internal.SplitMix;

/**
 * Plain-Java kernels: the definition every Vector API kernel is tested against, and what a JVM
 * without the jdk.incubator.vector module runs. GEMM keeps the definition's sums but computes them
 * by rows ({@link RowGemm}), which the JIT vectorizes.
 */
final class PlainKernels implements Kernels {
  static final PlainKernels INSTANCE = new PlainKernels();

  private PlainKernels() {}

  @Override
  public String name() {
    return "plain";
  }

  @Override
  public void gemm(
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
      boolean accumulate) {
    GemmArguments.check(transA, transB, m, n, k, a, aOffset, b, bOffset, c, cOffset);
    PlainFloatGemm.INSTANCE.gemm(
        transA, transB, m, n, k, a, aOffset, b, bOffset, c, cOffset, accumulate);
  }

  @Override
  public void gemm(
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
      boolean accumulate) {
    GemmArguments.check(transA, transB, m, n, k, a, aOffset, b, bOffset, c, cOffset);
    PlainDoubleGemm.INSTANCE.gemm(
        transA, transB, m, n, k, a, aOffset, b, bOffset, c, cOffset, accumulate);
  }

  @Override
  public void add(
      float[] a, int aOffset, float[] b, int bOffset, float[] out, int outOffset, int n) {
    for (int i = 0; i < n; i++) {
      out[outOffset + i] = a[aOffset + i] + b[bOffset + i];
    }
  }

  @Override
  public void sub(
      float[] a, int aOffset, float[] b, int bOffset, float[] out, int outOffset, int n) {
    for (int i = 0; i < n; i++) {
      out[outOffset + i] = a[aOffset + i] - b[bOffset + i];
    }
  }

  @Override
  public void mul(
      float[] a, int aOffset, float[] b, int bOffset, float[] out, int outOffset, int n) {
    for (int i = 0; i < n; i++) {
      out[outOffset + i] = a[aOffset + i] * b[bOffset + i];
    }
  }

  @Override
  public void div(
      float[] a, int aOffset, float[] b, int bOffset, float[] out, int outOffset, int n) {
    for (int i = 0; i < n; i++) {
      out[outOffset + i] = a[aOffset + i] / b[bOffset + i];
    }
  }

  @Override
  public float sum(float[] a, int offset, int n) {
    float total = 0f;
    for (int i = 0; i < n; i++) {
      total += a[offset + i];
    }
    return total;
  }

  @Override
  public float dot(float[] a, int aOffset, float[] b, int bOffset, int n) {
    float total = 0f;
    for (int i = 0; i < n; i++) {
      total += a[aOffset + i] * b[bOffset + i];
    }
    return total;
  }

  @Override
  public void addRow(
      float[] a,
      int aOffset,
      float[] row,
      int rowOffset,
      float[] out,
      int outOffset,
      int rows,
      int cols) {
    ScratchRows.addRow(a, aOffset, row, rowOffset, out, outOffset, rows, cols);
  }

  @Override
  public void sumColumns(float[] a, int aOffset, int rows, int cols, float[] out, int outOffset) {
    ScratchRows.sumColumns(a, aOffset, rows, cols, out, outOffset);
  }

  @Override
  public void divideThenMultiply(
      float[] a,
      int aOffset,
      float divisor,
      float[] b,
      int bOffset,
      float[] out,
      int outOffset,
      int n) {
    ScratchRows.scaleByDivisor(a, aOffset, b, bOffset, divisor, true, out, outOffset, n);
  }

  @Override
  public void multiplyThenDivide(
      float[] a,
      int aOffset,
      float[] b,
      int bOffset,
      float divisor,
      float[] out,
      int outOffset,
      int n) {
    ScratchRows.scaleByDivisor(a, aOffset, b, bOffset, divisor, false, out, outOffset, n);
  }

  @Override
  public void scale(float alpha, float[] a, int aOffset, float[] out, int outOffset, int n) {
    for (int i = 0; i < n; i++) {
      out[outOffset + i] = alpha * a[aOffset + i];
    }
  }

  @Override
  public float scaleAndDot(
      float alpha,
      float[] g,
      int gOffset,
      float[] x,
      int xOffset,
      float[] out,
      int outOffset,
      int n) {
    float total = 0f;
    for (int i = 0; i < n; i++) {
      float gi = g[gOffset + i];
      out[outOffset + i] = alpha * gi;
      total += gi * x[xOffset + i];
    }
    return total;
  }

  @Override
  public void axpy(float alpha, float[] x, int xOffset, float[] y, int yOffset, int n) {
    for (int i = 0; i < n; i++) {
      y[yOffset + i] += alpha * x[xOffset + i];
    }
  }

  @Override
  public void pointwise(Pointwise f, float[] x, float[] y, int n) {
    f.forward(x, y, 0, n);
  }

  @Override
  public void pointwiseBackward(Pointwise f, float[] x, float[] y, float[] g, float[] out, int n) {
    f.backward(x, y, g, out, 0, n);
  }

  @Override
  public float max(float[] a, int offset, int n) {
    float best = Float.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      best = Math.max(best, a[offset + i]);
    }
    return best;
  }

  @Override
  public void windowMaximum(
      float[] values, int[] starts, int count, float[] maxima, int[] positions, int to, int n) {
    windowMaximum(values, starts, count, maxima, positions, to, 0, n);
  }

  /** {@link #windowMaximum} for j in [from, n). */
  static void windowMaximum(
      float[] values,
      int[] starts,
      int count,
      float[] maxima,
      int[] positions,
      int to,
      int from,
      int n) {
    for (int j = from; j < n; j++) {
      float best = Float.NEGATIVE_INFINITY;
      int at = -1;
      for (int r = 0; r < count; r++) {
        int i = starts[r] + j;
        float value = values[i];
        if (at < 0 || value > best || (Float.isNaN(value) && !Float.isNaN(best))) {
          best = value;
          at = i;
        }
      }
      maxima[to + j] = best;
      positions[to + j] = at;
    }
  }

  @Override
  public void sumSquaredDeviations(float[] a, int rows, int cols, float[] center, float[] out) {
    ScratchRows.sumSquaredDeviations(a, rows, cols, center, out);
  }

  @Override
  public void sumColumnProducts(float[] a, float[] b, int rows, int cols, float[] out) {
    ScratchRows.sumColumnProducts(a, b, rows, cols, out);
  }

  @Override
  public void batchNormForward(
      float[] a,
      int rows,
      int cols,
      float[] mean,
      float[] inverseStd,
      float[] gamma,
      float[] beta,
      float[] normalized,
      float[] out) {
    ScratchRows.batchNormForward(a, rows, cols, mean, inverseStd, gamma, beta, normalized, out);
  }

  @Override
  public void batchNormBackward(
      float[] grad,
      float[] normalized,
      int rows,
      int cols,
      float[] factor,
      float[] sumGrad,
      float[] sumGradNormalized,
      float[] out) {
    ScratchRows.batchNormBackward(
        grad, normalized, rows, cols, factor, sumGrad, sumGradNormalized, out);
  }

  @Override
  public void bernoulliMask(long state, double probability, float[] mask, int offset, int n) {
    // a 31-bit u has u·2⁻³¹ < p exactly when u < ⌈p·2³¹⌉, so the draw keeps its unit when u minus
    // that bound is negative: a sign bit, not a branch mispredicted at every third draw (W3's
    // 0.3 dropout over 256×512 units: 870 → 175 µs)
    long below = (long) Math.max(0, Math.min(Math.ceil(probability * 0x1.0p31), 0x1.0p31));
    int i = 0;
    long input = state + SplitMix.GAMMA;
    for (; i + 1 < n; i += 2, input += SplitMix.GAMMA) {
      long word = SplitMix.mix(input);
      mask[offset + i] = keeps((word & 0xffff_ffffL) >>> 1, below);
      mask[offset + i + 1] = keeps(word >>> 33, below);
    }
    if (i < n) {
      mask[offset + i] = keeps((SplitMix.mix(input) & 0xffff_ffffL) >>> 1, below);
    }
  }

  /** 1 when the 31-bit uniform u is below the bound, else 0. */
  private static float keeps(long u, long below) {
    return (u - below) >>> 63;
  }

  @Override
  public void adam(
      float[] w,
      float[] g,
      float[] m,
      float[] v,
      int offset,
      int n,
      float alpha,
      float oneMinusBeta1,
      float oneMinusBeta2,
      float epsilon) {
    for (int i = offset; i < offset + n; i++) {
      float gi = g[i];
      m[i] += (gi - m[i]) * oneMinusBeta1;
      v[i] += (gi * gi - v[i]) * oneMinusBeta2;
      w[i] -= (m[i] * alpha) / ((float) Math.sqrt(v[i]) + epsilon);
    }
  }

  @Override
  public void pointwise(Pointwise f, double[] x, double[] y, int n) {
    f.forward(x, y, n);
  }

  @Override
  public void pointwiseBackward(
      Pointwise f, double[] x, double[] y, double[] g, double[] out, int n) {
    f.backward(x, y, g, out, n);
  }

  @Override
  public void adam(
      double[] w,
      double[] g,
      double[] m,
      double[] v,
      int offset,
      int n,
      double alpha,
      double oneMinusBeta1,
      double oneMinusBeta2,
      double epsilon) {
    for (int i = offset; i < offset + n; i++) {
      double gi = g[i];
      m[i] += (gi - m[i]) * oneMinusBeta1;
      v[i] += (gi * gi - v[i]) * oneMinusBeta2;
      w[i] -= (m[i] * alpha) / (Math.sqrt(v[i]) + epsilon);
    }
  }
}
