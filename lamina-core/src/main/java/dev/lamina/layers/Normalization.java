package dev.lamina.layers;

import dev.lamina.Parameter;
import dev.lamina.Tensor;
import dev.lamina.initializers.Initializers;
import dev.lamina.initializers.SeededRandom;
import java.util.List;
import java.util.Map;

/**
 * Keras's Normalization preprocessing layer over the last axis: {@code (x − mean) / max(√variance,
 * 1e-7)}, or the inverse with {@code invert}. The statistics come from {@link #adapt(Tensor)} or
 * from a loaded model; they are weights the optimizer never changes ({@code mean}, {@code
 * variance} and the sample {@code count}, in Keras's order).
 */
public final class Normalization extends BaseLayer<Normalization> {
  private static final double EPSILON = 1e-7; // Keras's backend.epsilon()
  private boolean invert;
  private Parameter mean;
  private Parameter variance;
  private Parameter count;

  /** Maps normalized values back to the data's scale instead. */
  public Normalization invert(boolean invert) {
    this.invert = invert;
    return this;
  }

  /**
   * Sets mean, variance (population) and count per feature from {@code data} (rows are samples),
   * building the layer for its feature count if it is not built yet.
   */
  public Normalization adapt(Tensor data) {
    int[] shape = data.shape();
    if (shape.length < 2 || shape[0] == 0) {
      throw new IllegalArgumentException(
          describe() + ".adapt: expected a non-empty batch of rows, got shape "
              + java.util.Arrays.toString(shape));
    }
    int features = shape[shape.length - 1];
    if (!isBuilt()) {
      build(java.util.Arrays.copyOfRange(shape, 1, shape.length), new SeededRandom(0));
    }
    requireFeatures(java.util.Arrays.copyOfRange(shape, 1, shape.length), mean.shape()[0]);
    float[] values = data.toFloatArray();
    int rows = values.length / features;
    double[] sum = new double[features];
    for (int i = 0; i < values.length; i++) {
      sum[i % features] += values[i];
    }
    float[] means = new float[features];
    double[] squares = new double[features];
    for (int f = 0; f < features; f++) {
      means[f] = (float) (sum[f] / rows);
    }
    for (int i = 0; i < values.length; i++) {
      double d = values[i] - sum[i % features] / rows;
      squares[i % features] += d * d;
    }
    float[] variances = new float[features];
    for (int f = 0; f < features; f++) {
      variances[f] = (float) (squares[f] / rows);
    }
    mean.assign(means);
    variance.assign(variances);
    count.assign(new float[] {rows});
    return this;
  }

  @Override
  public String className() {
    return "Normalization";
  }

  @Override
  public int[] outputShape(int[] inputShape) {
    requireFeatures(inputShape, mean == null ? -1 : mean.shape()[0]);
    return inputShape.clone();
  }

  @Override
  protected void createWeights(int[] inputShape, SeededRandom random) {
    int[] shape = {inputShape[inputShape.length - 1]};
    mean = newWeight("mean", shape, Initializers.get("zeros"), random);
    variance = newWeight("variance", shape, Initializers.get("ones"), random);
    count = newWeight("count", new int[0], Initializers.get("zeros"), random);
  }

  @Override
  protected Tensor forward(Tensor inputs, Phase phase) {
    Tensor scale = variance.value().sqrt().maximum(EPSILON);
    return invert
        ? inputs.mul(scale).add(mean.value())
        : inputs.sub(mean.value()).div(scale);
  }

  @Override
  public List<Parameter> nonTrainableWeights() {
    return mean == null ? List.of() : List.of(mean, variance, count);
  }

  @Override
  protected void addConfig(Map<String, Object> config) {
    config.put("axis", -1);
    config.put("invert", invert);
  }

  static Normalization fromConfig(LayerConfig config) {
    if (config.number("axis", -1) != -1) {
      throw new IllegalArgumentException(
          "Normalization config: only axis -1 is supported, got " + config.values().get("axis"));
    }
    return new Normalization()
        .invert(config.bool("invert", false))
        .withCommonOptions(config.values());
  }
}
