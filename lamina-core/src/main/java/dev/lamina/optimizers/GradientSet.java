package dev.lamina.optimizers;

import java.util.List;

/** A model's gradient arrays, float32 or float64, as the clipping rules change them. */
abstract class GradientSet {
  abstract int size();

  /** Σ g² of gradient i, summed in double. */
  abstract double squaredNorm(int i);

  /** Gradient i times {@code factor}, rounded to its type first. */
  abstract void scale(int i, double factor);

  /** Every element of gradient i clipped to [−limit, limit]. */
  abstract void clamp(int i, double limit);

  static GradientSet of(List<float[]> grads) {
    return new GradientSet() {
      @Override
      int size() {
        return grads.size();
      }

      @Override
      double squaredNorm(int i) {
        double sum = 0;
        for (float v : grads.get(i)) {
          sum += (double) v * v;
        }
        return sum;
      }

      @Override
      void scale(int i, double factor) {
        float[] g = grads.get(i);
        float f = (float) factor;
        for (int j = 0; j < g.length; j++) {
          g[j] *= f;
        }
      }

      @Override
      void clamp(int i, double limit) {
        float[] g = grads.get(i);
        float c = (float) limit;
        for (int j = 0; j < g.length; j++) {
          g[j] = Math.max(-c, Math.min(c, g[j]));
        }
      }
    };
  }

  static GradientSet ofDoubles(List<double[]> grads) {
    return new GradientSet() {
      @Override
      int size() {
        return grads.size();
      }

      @Override
      double squaredNorm(int i) {
        double sum = 0;
        for (double v : grads.get(i)) {
          sum += v * v;
        }
        return sum;
      }

      @Override
      void scale(int i, double factor) {
        double[] g = grads.get(i);
        for (int j = 0; j < g.length; j++) {
          g[j] *= factor;
        }
      }

      @Override
      void clamp(int i, double limit) {
        double[] g = grads.get(i);
        for (int j = 0; j < g.length; j++) {
          g[j] = Math.max(-limit, Math.min(limit, g[j]));
        }
      }
    };
  }
}
