package dev.lamina.kernels;

/** Plain-Java reference kernels: the definition every fast kernel is tested against. */
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
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        float sum = 0f;
        for (int p = 0; p < k; p++) {
          float av = transA ? a[aOffset + p * m + i] : a[aOffset + i * k + p];
          float bv = transB ? b[bOffset + j * k + p] : b[bOffset + p * n + j];
          sum += av * bv;
        }
        int ci = cOffset + i * n + j;
        c[ci] = accumulate ? c[ci] + sum : sum;
      }
    }
  }

  @Override
  public void add(float[] a, int aOffset, float[] b, int bOffset, float[] out, int outOffset, int n) {
    for (int i = 0; i < n; i++) {
      out[outOffset + i] = a[aOffset + i] + b[bOffset + i];
    }
  }

  @Override
  public void sub(float[] a, int aOffset, float[] b, int bOffset, float[] out, int outOffset, int n) {
    for (int i = 0; i < n; i++) {
      out[outOffset + i] = a[aOffset + i] - b[bOffset + i];
    }
  }

  @Override
  public void mul(float[] a, int aOffset, float[] b, int bOffset, float[] out, int outOffset, int n) {
    for (int i = 0; i < n; i++) {
      out[outOffset + i] = a[aOffset + i] * b[bOffset + i];
    }
  }

  @Override
  public void div(float[] a, int aOffset, float[] b, int bOffset, float[] out, int outOffset, int n) {
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
}
