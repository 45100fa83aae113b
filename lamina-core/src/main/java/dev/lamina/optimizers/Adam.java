package dev.lamina.optimizers;

import dev.lamina.kernels.Kernels;
import java.util.Map;

/**
 * Adam as Keras computes it (docs/keras-behaviour.md §3.2): ε is added to the uncorrected √v, with
 * the bias correction folded into the step size {@code α = η·√(1−β₂ᵗ)/(1−β₁ᵗ)}.
 */
public class Adam extends GradientOptimizer<Adam> {
  private double beta1 = 0.9;
  private double beta2 = 0.999;
  private double epsilon = 1e-7;
  private boolean amsgrad;

  /** Keras's default learning rate 0.001. */
  public Adam() {
    this(0.001);
  }

  public Adam(double learningRate) {
    this("adam", learningRate);
  }

  Adam(String name, double learningRate) {
    super(name, learningRate);
  }

  public Adam beta1(double beta1) {
    this.beta1 = unitInterval("beta1", beta1);
    return this;
  }

  public Adam beta2(double beta2) {
    this.beta2 = unitInterval("beta2", beta2);
    return this;
  }

  public Adam epsilon(double epsilon) {
    if (!(epsilon > 0)) {
      throw new IllegalArgumentException(name() + ": epsilon must be > 0, got " + epsilon);
    }
    this.epsilon = epsilon;
    return this;
  }

  public Adam amsgrad(boolean amsgrad) {
    this.amsgrad = amsgrad;
    return this;
  }

  private double unitInterval(String option, double value) {
    if (!(value >= 0 && value < 1)) {
      throw new IllegalArgumentException(
          name() + ": " + option + " must be in [0, 1), got " + value);
    }
    return value;
  }

  @Override
  protected int slotsPerVariable() {
    return amsgrad ? 3 : 2;
  }

  @Override
  protected void update(float[] w, float[] g, float[][] slots, float lr, long step) {
    float alpha =
        (float)
            (lr
                * Math.sqrt(1 - Math.pow(beta2, (double) step))
                / (1 - Math.pow(beta1, (double) step)));
    float oneMinusBeta1 = (float) (1 - beta1);
    float oneMinusBeta2 = (float) (1 - beta2);
    float eps = (float) epsilon;
    float[] m = slots[0];
    float[] v = slots[1];
    if (!amsgrad) {
      Kernels.get().adam(w, g, m, v, 0, w.length, alpha, oneMinusBeta1, oneMinusBeta2, eps);
      return;
    }
    float[] maxVelocity = slots[2];
    for (int i = 0; i < w.length; i++) {
      float gi = g[i];
      m[i] += (gi - m[i]) * oneMinusBeta1;
      v[i] += (gi * gi - v[i]) * oneMinusBeta2;
      maxVelocity[i] = Math.max(maxVelocity[i], v[i]);
      w[i] -= (m[i] * alpha) / ((float) Math.sqrt(maxVelocity[i]) + eps);
    }
  }

  @Override
  protected void update(double[] w, double[] g, double[][] slots, double lr, long step) {
    double alpha =
        lr * Math.sqrt(1 - Math.pow(beta2, (double) step)) / (1 - Math.pow(beta1, (double) step));
    double[] m = slots[0];
    double[] v = slots[1];
    if (!amsgrad) {
      Kernels.get().adam(w, g, m, v, 0, w.length, alpha, 1 - beta1, 1 - beta2, epsilon);
      return;
    }
    double[] maxVelocity = slots[2];
    for (int i = 0; i < w.length; i++) {
      double gi = g[i];
      m[i] += (gi - m[i]) * (1 - beta1);
      v[i] += (gi * gi - v[i]) * (1 - beta2);
      maxVelocity[i] = Math.max(maxVelocity[i], v[i]);
      w[i] -= (m[i] * alpha) / (Math.sqrt(maxVelocity[i]) + epsilon);
    }
  }

  @Override
  protected Map<String, Object> options() {
    return Map.of("beta_1", beta1, "beta_2", beta2, "epsilon", epsilon, "amsgrad", amsgrad);
  }
}
