package dev.lamina.optimizers;

import java.util.Map;

/** Adagrad: {@code acc ← acc + g²; w ← w − η·g/√(acc + ε)}, accumulators starting at 0.1. */
public final class Adagrad extends GradientOptimizer<Adagrad> {
  private double initialAccumulatorValue = 0.1;
  private double epsilon = 1e-7;

  public Adagrad() {
    this(0.001);
  }

  public Adagrad(double learningRate) {
    super("adagrad", learningRate);
  }

  public Adagrad initialAccumulatorValue(double value) {
    if (!(value >= 0)) {
      throw new IllegalArgumentException(
          "adagrad: initialAccumulatorValue must be ≥ 0, got " + value);
    }
    this.initialAccumulatorValue = value;
    return this;
  }

  public Adagrad epsilon(double epsilon) {
    if (!(epsilon > 0)) {
      throw new IllegalArgumentException("adagrad: epsilon must be > 0, got " + epsilon);
    }
    this.epsilon = epsilon;
    return this;
  }

  @Override
  protected int slotsPerVariable() {
    return 1;
  }

  @Override
  protected double initialSlotValue(int slot) {
    return initialAccumulatorValue;
  }

  @Override
  protected void update(float[] w, float[] g, float[][] slots, float lr, long step) {
    float eps = (float) epsilon;
    float[] acc = slots[0];
    for (int i = 0; i < w.length; i++) {
      acc[i] += g[i] * g[i];
      w[i] -= lr * g[i] / (float) Math.sqrt(acc[i] + eps);
    }
  }

  @Override
  protected void update(double[] w, double[] g, double[][] slots, double lr, long step) {
    double[] acc = slots[0];
    for (int i = 0; i < w.length; i++) {
      acc[i] += g[i] * g[i];
      w[i] -= lr * g[i] / Math.sqrt(acc[i] + epsilon);
    }
  }

  @Override
  protected Map<String, Object> options() {
    return Map.of("initial_accumulator_value", initialAccumulatorValue, "epsilon", epsilon);
  }
}
