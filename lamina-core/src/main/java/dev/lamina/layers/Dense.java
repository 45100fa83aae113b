package dev.lamina.layers;

import dev.lamina.NeuralOps;
import dev.lamina.Parameter;
import dev.lamina.Tensor;
import dev.lamina.constraints.Constraint;
import dev.lamina.initializers.Initializer;
import dev.lamina.initializers.Initializers;
import dev.lamina.random.SeededRandom;
import java.util.List;
import java.util.Map;

/**
 * Keras's densely connected layer: {@code activation(x · kernel + bias)} with kernel {@code (in,
 * units)} and bias {@code (units)}, where {@code in} is the last axis of the input; inputs of rank
 * above 2 are multiplied over their last axis only.
 */
public final class Dense extends BaseLayer<Dense> {
  private final int units;
  private String activationName = "linear";
  private boolean useBias = true;
  private Initializer kernelInitializer = Initializers.get("glorot_uniform");
  private Initializer biasInitializer = Initializers.get("zeros");
  private Regularizer kernelRegularizer;
  private Regularizer biasRegularizer;
  private Constraint kernelConstraint;
  private Constraint biasConstraint;
  private Parameter kernel;
  private Parameter bias;

  public Dense(int units) {
    if (units <= 0) {
      throw new IllegalArgumentException("Dense: units must be a positive integer, got " + units);
    }
    this.units = units;
  }

  public Dense(int units, String activation) {
    this(units);
    activation(activation);
  }

  /** A registered activation name (see {@link ActivationFunctions#names()}); null is linear. */
  public Dense activation(String name) {
    ActivationFunctions.get(name);
    this.activationName = name == null ? "linear" : name;
    return this;
  }

  public Dense useBias(boolean useBias) {
    requireUnbuilt("useBias");
    this.useBias = useBias;
    return this;
  }

  public Dense kernelInitializer(String name) {
    return kernelInitializer(Initializers.get(name));
  }

  public Dense kernelInitializer(Initializer initializer) {
    requireUnbuilt("kernelInitializer");
    this.kernelInitializer = initializer;
    return this;
  }

  public Dense biasInitializer(String name) {
    return biasInitializer(Initializers.get(name));
  }

  public Dense biasInitializer(Initializer initializer) {
    requireUnbuilt("biasInitializer");
    this.biasInitializer = initializer;
    return this;
  }

  public Dense kernelRegularizer(Regularizer regularizer) {
    this.kernelRegularizer = regularizer;
    return this;
  }

  public Dense biasRegularizer(Regularizer regularizer) {
    this.biasRegularizer = regularizer;
    return this;
  }

  /** Projects the kernel after every optimizer update (Keras's {@code kernel_constraint}). */
  public Dense kernelConstraint(Constraint constraint) {
    requireUnbuilt("kernelConstraint");
    this.kernelConstraint = constraint;
    return this;
  }

  /** Projects the bias after every optimizer update (Keras's {@code bias_constraint}). */
  public Dense biasConstraint(Constraint constraint) {
    requireUnbuilt("biasConstraint");
    this.biasConstraint = constraint;
    return this;
  }

  public int units() {
    return units;
  }

  @Override
  public String className() {
    return "Dense";
  }

  @Override
  public int[] outputShape(int[] inputShape) {
    requireFeatures(inputShape, kernel == null ? -1 : kernel.shape()[0]);
    int[] output = inputShape.clone();
    output[output.length - 1] = units;
    return output;
  }

  @Override
  protected void createWeights(int[] inputShape, SeededRandom random) {
    int features = inputShape[inputShape.length - 1];
    kernel = newWeight("kernel", new int[] {features, units}, kernelInitializer, random.split());
    bias = useBias ? newWeight("bias", new int[] {units}, biasInitializer, random.split()) : null;
    kernel.setConstraint(kernelConstraint);
    if (bias != null) {
      bias.setConstraint(biasConstraint);
    }
  }

  @Override
  protected Tensor forward(Tensor inputs, Phase phase) {
    return NeuralOps.dense(
        inputs, kernel.value(), bias == null ? null : bias.value(), activationName);
  }

  @Override
  public List<Parameter> trainableWeights() {
    if (kernel == null) {
      return List.of();
    }
    return bias == null ? List.of(kernel) : List.of(kernel, bias);
  }

  @Override
  public Tensor regularization() {
    if (!isTrainable()) {
      return null; // Keras regularizes trainable weights only
    }
    return Regularizer.penalties(kernelRegularizer, kernel, biasRegularizer, bias);
  }

  @Override
  protected void addConfig(Map<String, Object> config) {
    config.put("units", units);
    config.put("activation", activationName);
    config.put("use_bias", useBias);
    config.put("kernel_initializer", ConfigObjects.of(kernelInitializer));
    config.put("bias_initializer", ConfigObjects.of(biasInitializer));
    config.put("kernel_regularizer", ConfigObjects.of(kernelRegularizer));
    config.put("bias_regularizer", ConfigObjects.of(biasRegularizer));
    config.put("kernel_constraint", ConfigObjects.of(kernelConstraint));
    config.put("bias_constraint", ConfigObjects.of(biasConstraint));
  }

  static Dense fromConfig(LayerConfig config) {
    Dense dense =
        new Dense(config.integer("units"), config.string("activation", "linear"))
            .useBias(config.bool("use_bias", true));
    Initializer kernelInit = ConfigObjects.initializer(config, "kernel_initializer");
    if (kernelInit != null) {
      dense.kernelInitializer(kernelInit);
    }
    Initializer biasInit = ConfigObjects.initializer(config, "bias_initializer");
    if (biasInit != null) {
      dense.biasInitializer(biasInit);
    }
    dense.kernelRegularizer(ConfigObjects.regularizer(config, "kernel_regularizer"));
    dense.biasRegularizer(ConfigObjects.regularizer(config, "bias_regularizer"));
    dense.kernelConstraint(ConfigObjects.constraint(config, "kernel_constraint"));
    dense.biasConstraint(ConfigObjects.constraint(config, "bias_constraint"));
    return dense.withCommonOptions(config.values());
  }
}
