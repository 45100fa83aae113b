package dev.lamina.optimizers;

import java.util.Map;

/**
 * Stochastic gradient descent with optional momentum and Nesterov momentum, as Keras codes it:
 * {@code v ← μ·v − η·g; w ← w + v} (Nesterov: {@code w ← w + μ·v − η·g} with the new v).
 */
public final class SGD extends GradientOptimizer<SGD> {
  private double momentum;
  private boolean nesterov;

  /** Keras's default learning rate 0.01. */
  public SGD() {
    this(0.01);
  }

  public SGD(double learningRate) {
    super("sgd", learningRate);
  }

  public SGD momentum(double momentum) {
    if (!(momentum >= 0 && momentum <= 1)) {
      throw new IllegalArgumentException("sgd: momentum must be in [0, 1], got " + momentum);
    }
    this.momentum = momentum;
    return this;
  }

  public SGD nesterov(boolean nesterov) {
    this.nesterov = nesterov;
    return this;
  }

  @Override
  protected int slotsPerVariable() {
    return momentum != 0 ? 1 : 0;
  }

  @Override
  protected void update(float[] w, float[] g, float[][] slots, float lr, long step) {
    if (momentum == 0) {
      for (int i = 0; i < w.length; i++) {
        w[i] -= lr * g[i];
      }
      return;
    }
    float mu = (float) momentum;
    float[] v = slots[0];
    for (int i = 0; i < w.length; i++) {
      v[i] = mu * v[i] - lr * g[i];
      w[i] += nesterov ? mu * v[i] - lr * g[i] : v[i];
    }
  }

  @Override
  protected void update(double[] w, double[] g, double[][] slots, double lr, long step) {
    if (momentum == 0) {
      for (int i = 0; i < w.length; i++) {
        w[i] -= lr * g[i];
      }
      return;
    }
    double[] v = slots[0];
    for (int i = 0; i < w.length; i++) {
      v[i] = momentum * v[i] - lr * g[i];
      w[i] += nesterov ? momentum * v[i] - lr * g[i] : v[i];
    }
  }

  @Override
  protected Map<String, Object> options() {
    return Map.of("momentum", momentum, "nesterov", nesterov);
  }
}
