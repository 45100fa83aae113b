package dev.lamina.optimizers;

import java.util.Map;

/**
 * RMSprop as Keras codes it: {@code v ← ρ·v + (1−ρ)·g²}, step {@code η·g/√(v + ε)} (centered:
 * {@code √(v − a² + ε)} with {@code a} the mean gradient), optionally accumulated with momentum.
 */
public final class RMSprop extends GradientOptimizer<RMSprop> {
  private double rho = 0.9;
  private double momentum;
  private double epsilon = 1e-7;
  private boolean centered;

  public RMSprop() {
    this(0.001);
  }

  public RMSprop(double learningRate) {
    super("rmsprop", learningRate);
  }

  public RMSprop rho(double rho) {
    if (!(rho >= 0 && rho < 1)) {
      throw new IllegalArgumentException("rmsprop: rho must be in [0, 1), got " + rho);
    }
    this.rho = rho;
    return this;
  }

  public RMSprop momentum(double momentum) {
    if (!(momentum >= 0 && momentum <= 1)) {
      throw new IllegalArgumentException("rmsprop: momentum must be in [0, 1], got " + momentum);
    }
    this.momentum = momentum;
    return this;
  }

  public RMSprop epsilon(double epsilon) {
    if (!(epsilon > 0)) {
      throw new IllegalArgumentException("rmsprop: epsilon must be > 0, got " + epsilon);
    }
    this.epsilon = epsilon;
    return this;
  }

  public RMSprop centered(boolean centered) {
    this.centered = centered;
    return this;
  }

  @Override
  protected int slotsPerVariable() {
    return 1 + (momentum > 0 ? 1 : 0) + (centered ? 1 : 0);
  }

  @Override
  protected void update(float[] w, float[] g, float[][] slots, float lr, long step) {
    float r = (float) rho;
    float eps = (float) epsilon;
    float mu = (float) momentum;
    float[] velocity = slots[0];
    float[] mom = momentum > 0 ? slots[1] : null;
    float[] average = centered ? slots[slots.length - 1] : null;
    for (int i = 0; i < w.length; i++) {
      float gi = g[i];
      velocity[i] = r * velocity[i] + (1 - r) * gi * gi;
      float denominator = velocity[i] + eps;
      if (centered) {
        average[i] = r * average[i] + (1 - r) * gi;
        denominator -= average[i] * average[i];
      }
      float increment = lr * gi / (float) Math.sqrt(denominator);
      if (mom != null) {
        mom[i] = mu * mom[i] + increment;
        w[i] -= mom[i];
      } else {
        w[i] -= increment;
      }
    }
  }

  @Override
  protected void update(double[] w, double[] g, double[][] slots, double lr, long step) {
    double[] velocity = slots[0];
    double[] mom = momentum > 0 ? slots[1] : null;
    double[] average = centered ? slots[slots.length - 1] : null;
    for (int i = 0; i < w.length; i++) {
      double gi = g[i];
      velocity[i] = rho * velocity[i] + (1 - rho) * gi * gi;
      double denominator = velocity[i] + epsilon;
      if (centered) {
        average[i] = rho * average[i] + (1 - rho) * gi;
        denominator -= average[i] * average[i];
      }
      double increment = lr * gi / Math.sqrt(denominator);
      if (mom != null) {
        mom[i] = momentum * mom[i] + increment;
        w[i] -= mom[i];
      } else {
        w[i] -= increment;
      }
    }
  }

  @Override
  protected Map<String, Object> options() {
    return Map.of("rho", rho, "momentum", momentum, "epsilon", epsilon, "centered", centered);
  }
}
