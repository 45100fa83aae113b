package dev.lamina;

import java.util.SplittableRandom;

/** Tensors filled by rule: a constant, a range, or seeded random values (no global generator). */
final class GeneratedValues {
  private GeneratedValues() {}

  /** In a workspace the same constant at the same position is the same tensor, never written. */
  static Tensor constant(DType dtype, double value, int[] shape) {
    Object kind = dtype == DType.FLOAT32 ? "full32" : "full64";
    Tensor hit = Workspace.reuse(kind, null, null, null, Double.doubleToLongBits(value), shape);
    if (hit != null) {
      return hit;
    }
    Tensor t = Tensor.zeros(dtype, shape);
    if (t.floats != null) {
      java.util.Arrays.fill(t.floats, (float) value);
    } else {
      java.util.Arrays.fill(t.doubles, value);
    }
    return Workspace.remember(t);
  }

  static Tensor arange(int n) {
    float[] values = new float[RowMajor.size("Tensor.arange", new int[] {n})];
    for (int i = 0; i < n; i++) {
      values[i] = i;
    }
    return Storage.raw(new int[] {n}, values);
  }

  static Tensor uniform(long seed, double low, double high, int[] shape) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] values = new float[RowMajor.size("Tensor.randomUniform", shape)];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) (low + (high - low) * random.nextDouble());
    }
    return Storage.raw(shape.clone(), values);
  }

  /** Box–Muller: a radius from one uniform draw and an angle from the next. */
  static Tensor normal(long seed, double mean, double stddev, int[] shape) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] values = new float[RowMajor.size("Tensor.randomNormal", shape)];
    for (int i = 0; i < values.length; i++) {
      double radius = Math.sqrt(-2 * Math.log(1 - random.nextDouble()));
      values[i] = (float) (mean + stddev * radius * Math.cos(2 * Math.PI * random.nextDouble()));
    }
    return Storage.raw(shape.clone(), values);
  }
}
