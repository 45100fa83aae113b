package dev.lamina.layers;

import dev.lamina.Parameter;
import dev.lamina.ShapeMismatchException;
import dev.lamina.Tensor;
import dev.lamina.initializers.Initializers;
import dev.lamina.random.SeededRandom;
import java.util.List;
import java.util.Map;

/**
 * Keras's Normalization preprocessing layer over the last axis: {@code (x − mean) / max(√variance,
 * 1e-7)}, or the inverse with {@code invert}. The statistics come from {@link #adapt(Tensor)} or
 * from a loaded model; they are weights the optimizer never changes ({@code mean}, {@code variance}
 * and the sample {@code count}, in Keras's order). Statistics given to the constructor instead
 * (Keras's {@code Normalization(mean=..., variance=...)}) are part of the config, and the layer
 * then has no weights, as in Keras.
 */
public final class Normalization extends BaseLayer<Normalization> {
  private static final double EPSILON = 1e-7; // Keras's backend.epsilon()
  private boolean invert;
  private final double[] givenMean;
  private final double[] givenVariance;
  private Tensor meanValues;
  private Tensor varianceValues;
  private Parameter mean;
  private Parameter variance;
  private Parameter count;

  /** Statistics to be adapted to data or loaded with a model. */
  public Normalization() {
    this.givenMean = null;
    this.givenVariance = null;
  }

  /**
   * Fixed statistics per feature, or one value for every feature (arrays of length 1); the variance
   * must be finite and ≥ 0.
   */
  public Normalization(double[] mean, double[] variance) {
    if (mean == null || variance == null || mean.length != variance.length || mean.length == 0) {
      throw new IllegalArgumentException(
          "Normalization: options 'mean' and 'variance' must both be given with the same, non-zero"
              + " length, got "
              + (mean == null ? null : mean.length)
              + " and "
              + (variance == null ? null : variance.length)
              + " values");
    }
    for (int i = 0; i < mean.length; i++) {
      if (!Double.isFinite(mean[i]) || !(variance[i] >= 0) || Double.isInfinite(variance[i])) {
        throw new IllegalArgumentException(
            "Normalization: option 'mean' must be finite and 'variance' finite and ≥ 0, got mean "
                + mean[i]
                + " and variance "
                + variance[i]
                + " at index "
                + i);
      }
    }
    this.givenMean = mean.clone();
    this.givenVariance = variance.clone();
  }

  /** Whether the statistics are weights (adapted or loaded), not fixed in the config. */
  public boolean statisticsAreWeights() {
    return givenMean == null;
  }

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
    if (!statisticsAreWeights()) {
      throw new IllegalStateException(
          describe()
              + ".adapt: the mean and variance were given to the constructor; adapt would"
              + " replace fixed statistics (Keras refuses it too)");
    }
    int[] shape = data.shape();
    if (shape.length < 2 || shape[0] == 0) {
      throw new IllegalArgumentException(
          describe()
              + ".adapt: expected a non-empty batch of rows, got shape "
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
    requireFeatures(inputShape, meanValues == null ? -1 : meanValues.shape()[0]);
    return inputShape.clone();
  }

  @Override
  protected void createWeights(int[] inputShape, SeededRandom random) {
    int features = inputShape[inputShape.length - 1];
    int[] shape = {features};
    if (statisticsAreWeights()) {
      mean = newWeight("mean", shape, Initializers.get("zeros"), random);
      variance = newWeight("variance", shape, Initializers.get("ones"), random);
      count = newWeight("count", new int[0], Initializers.get("zeros"), random);
      meanValues = mean.value();
      varianceValues = variance.value();
      return;
    }
    if (givenMean.length != 1 && givenMean.length != features) {
      throw new ShapeMismatchException(
          describe()
              + ": the given mean and variance have "
              + givenMean.length
              + " values, the input "
              + features
              + " features (input shape "
              + java.util.Arrays.toString(inputShape)
              + "); give one value or one per feature");
    }
    meanValues = perFeature(givenMean, features);
    varianceValues = perFeature(givenVariance, features);
  }

  /**
   * The given statistics as a vector over the features, one value repeated when only one is given.
   */
  private Tensor perFeature(double[] given, int features) {
    float[] values = new float[features];
    for (int f = 0; f < features; f++) {
      values[f] = (float) given[given.length == 1 ? 0 : f];
    }
    return Tensor.of(values, features).to(dtype());
  }

  @Override
  protected Tensor forward(Tensor inputs, Phase phase) {
    Tensor scale = varianceValues.sqrt().maximum(EPSILON);
    return invert ? inputs.mul(scale).add(meanValues) : inputs.sub(meanValues).div(scale);
  }

  @Override
  public List<Parameter> nonTrainableWeights() {
    return mean == null ? List.of() : List.of(mean, variance, count);
  }

  @Override
  protected void addConfig(Map<String, Object> config) {
    config.put("axis", -1);
    config.put("invert", invert);
    config.put("mean", givenMean == null ? null : LayerConfig.list(givenMean));
    config.put("variance", givenVariance == null ? null : LayerConfig.list(givenVariance));
  }

  static Normalization fromConfig(LayerConfig config) {
    if (config.number("axis", -1) != -1) {
      throw new IllegalArgumentException(
          "Normalization config: only axis -1 is supported, got " + config.values().get("axis"));
    }
    double[] mean = config.numbersOrNull("mean");
    double[] variance = config.numbersOrNull("variance");
    Normalization layer =
        mean == null && variance == null ? new Normalization() : new Normalization(mean, variance);
    return layer.invert(config.bool("invert", false)).withCommonOptions(config.values());
  }
}
