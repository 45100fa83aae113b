package dev.lamina.layers;

import dev.lamina.Convolutions;
import dev.lamina.Parameter;
import dev.lamina.ShapeMismatchException;
import dev.lamina.Tensor;
import dev.lamina.constraints.Constraint;
import dev.lamina.initializers.Initializer;
import dev.lamina.initializers.Initializers;
import dev.lamina.kernels.Window2d;
import dev.lamina.random.SeededRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What Keras's Conv1D and Conv2D share: {@code activation(conv(x, kernel) + bias)} over
 * channels-last inputs, kernel {@code (k…, in, filters)} in Keras's layout, with strides, valid or
 * same padding and dilation. A one-dimensional convolution runs as a two-dimensional one of height
 * 1, which has the same kernel layout.
 *
 * @param <SELF> the concrete layer, so that the fluent options return it
 */
public abstract class ConvolutionLayer<SELF extends ConvolutionLayer<SELF>>
    extends BaseLayer<SELF> {
  private final int rank;
  private final int filters;
  private final int[] kernelSize;
  private int[] strides;
  private int[] dilationRate;
  private boolean samePadding;
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

  ConvolutionLayer(int rank, int filters, int[] kernelSize) {
    if (filters <= 0) {
      throw new IllegalArgumentException(
          className() + ": filters must be a positive integer, got " + filters);
    }
    this.rank = rank;
    this.filters = filters;
    this.kernelSize = WindowOptions.sizes(className(), "kernelSize", rank, kernelSize);
    this.strides = WindowOptions.filled(rank, 1);
    this.dilationRate = WindowOptions.filled(rank, 1);
  }

  /** The step between windows: one value for every axis or one per axis (default 1). */
  public final SELF strides(int... strides) {
    requireUnbuilt("strides");
    this.strides = WindowOptions.sizes(className(), "strides", rank, strides);
    checkStridesWithDilation();
    return self();
  }

  /** {@code valid} (the default: windows wholly inside) or {@code same} (output ⌈in / stride⌉). */
  public final SELF padding(String padding) {
    requireUnbuilt("padding");
    this.samePadding = WindowOptions.samePadding(className(), padding);
    return self();
  }

  /** The spacing of the kernel's taps: one value for every axis or one per axis (default 1). */
  public final SELF dilationRate(int... dilationRate) {
    requireUnbuilt("dilationRate");
    this.dilationRate = WindowOptions.sizes(className(), "dilationRate", rank, dilationRate);
    checkStridesWithDilation();
    return self();
  }

  /** A registered activation name (see {@link ActivationFunctions#names()}); null is linear. */
  public final SELF activation(String name) {
    ActivationFunctions.get(name); // throws for an unknown name, listing the valid ones
    this.activationName = name == null ? "linear" : name;
    return self();
  }

  public final SELF useBias(boolean useBias) {
    requireUnbuilt("useBias");
    this.useBias = useBias;
    return self();
  }

  public final SELF kernelInitializer(String name) {
    return kernelInitializer(Initializers.get(name));
  }

  public final SELF kernelInitializer(Initializer initializer) {
    requireUnbuilt("kernelInitializer");
    this.kernelInitializer = initializer;
    return self();
  }

  public final SELF biasInitializer(String name) {
    return biasInitializer(Initializers.get(name));
  }

  public final SELF biasInitializer(Initializer initializer) {
    requireUnbuilt("biasInitializer");
    this.biasInitializer = initializer;
    return self();
  }

  public final SELF kernelRegularizer(Regularizer regularizer) {
    this.kernelRegularizer = regularizer;
    return self();
  }

  public final SELF biasRegularizer(Regularizer regularizer) {
    this.biasRegularizer = regularizer;
    return self();
  }

  /** Projects the kernel after every optimizer update (Keras's {@code kernel_constraint}). */
  public final SELF kernelConstraint(Constraint constraint) {
    requireUnbuilt("kernelConstraint");
    this.kernelConstraint = constraint;
    return self();
  }

  /** Projects the bias after every optimizer update (Keras's {@code bias_constraint}). */
  public final SELF biasConstraint(Constraint constraint) {
    requireUnbuilt("biasConstraint");
    this.biasConstraint = constraint;
    return self();
  }

  public final int filters() {
    return filters;
  }

  @Override
  public final int[] outputShape(int[] inputShape) {
    Window2d window = window(inputShape);
    int[] output = inputShape.clone();
    if (rank == 2) {
      output[0] = window.outHeight();
    }
    output[rank - 1] = window.outWidth();
    output[rank] = filters;
    return output;
  }

  @Override
  protected final void createWeights(int[] inputShape, SeededRandom random) {
    int[] kernelShape = Arrays.copyOf(kernelSize, rank + 2);
    kernelShape[rank] = inputShape[rank];
    kernelShape[rank + 1] = filters;
    kernel = newWeight("kernel", kernelShape, kernelInitializer, random.split());
    bias = useBias ? newWeight("bias", new int[] {filters}, biasInitializer, random.split()) : null;
    kernel.setConstraint(kernelConstraint);
    if (bias != null) {
      bias.setConstraint(biasConstraint);
    }
  }

  @Override
  protected final Tensor forward(Tensor inputs, Phase phase) {
    int[] shape = inputs.shape();
    Window2d window = window(Arrays.copyOfRange(shape, 1, shape.length));
    Tensor images = rank == 2 ? inputs : inputs.reshape(shape[0], 1, shape[1], shape[2]);
    Tensor y =
        Convolutions.conv2d(
            images,
            kernel.value(),
            bias == null ? null : bias.value(),
            window,
            filters,
            activationName);
    return rank == 1 ? y.reshape(shape[0], window.outWidth(), filters) : y;
  }

  @Override
  public final List<Parameter> trainableWeights() {
    if (kernel == null) {
      return List.of();
    }
    return bias == null ? List.of(kernel) : List.of(kernel, bias);
  }

  @Override
  public final Tensor regularization() {
    return Regularizer.penalties(kernelRegularizer, kernel, biasRegularizer, bias);
  }

  @Override
  protected final void addConfig(Map<String, Object> config) {
    config.put("filters", filters);
    config.put("kernel_size", LayerConfig.list(kernelSize));
    config.put("strides", LayerConfig.list(strides));
    config.put("padding", samePadding ? "same" : "valid");
    config.put("data_format", "channels_last");
    config.put("dilation_rate", LayerConfig.list(dilationRate));
    config.put("groups", 1);
    config.put("activation", activationName);
    config.put("use_bias", useBias);
    config.put("kernel_initializer", ConfigObjects.of(kernelInitializer));
    config.put("bias_initializer", ConfigObjects.of(biasInitializer));
    config.put("kernel_regularizer", ConfigObjects.of(kernelRegularizer));
    config.put("bias_regularizer", ConfigObjects.of(biasRegularizer));
    config.put("kernel_constraint", ConfigObjects.of(kernelConstraint));
    config.put("bias_constraint", ConfigObjects.of(biasConstraint));
  }

  /** Restores the options {@link #addConfig} wrote onto this freshly made layer. */
  final SELF withConvolutionOptions(LayerConfig config) {
    String format = config.string("data_format", "channels_last");
    if (!format.equals("channels_last")) {
      throw new IllegalArgumentException(
          className() + " config: data_format must be 'channels_last', got '" + format + "'");
    }
    if (config.integer("groups", 1) != 1) {
      throw new IllegalArgumentException(
          className() + " config: groups must be 1, got " + config.values().get("groups"));
    }
    strides(WindowOptions.fromConfig(config, "strides", strides));
    dilationRate(WindowOptions.fromConfig(config, "dilation_rate", dilationRate));
    padding(config.string("padding", "valid"));
    activation(config.string("activation", "linear"));
    useBias(config.bool("use_bias", true));
    Initializer kernelInit = ConfigObjects.initializer(config, "kernel_initializer");
    if (kernelInit != null) {
      kernelInitializer(kernelInit);
    }
    Initializer biasInit = ConfigObjects.initializer(config, "bias_initializer");
    if (biasInit != null) {
      biasInitializer(biasInit);
    }
    kernelRegularizer(ConfigObjects.regularizer(config, "kernel_regularizer"));
    biasRegularizer(ConfigObjects.regularizer(config, "bias_regularizer"));
    kernelConstraint(ConfigObjects.constraint(config, "kernel_constraint"));
    biasConstraint(ConfigObjects.constraint(config, "bias_constraint"));
    return withCommonOptions(config.values());
  }

  /** The window over inputs of {@code inputShape} (without batch), after checking the shape. */
  private Window2d window(int[] inputShape) {
    if (inputShape.length != rank + 1) {
      throw new ShapeMismatchException(
          describe()
              + ": expected inputs of rank "
              + (rank + 2)
              + " (batch, "
              + (rank == 2 ? "height, width" : "steps")
              + ", channels), got input shape "
              + Arrays.toString(inputShape)
              + " without the batch axis");
    }
    if (kernel != null && inputShape[rank] != kernel.shape()[rank]) {
      throw new ShapeMismatchException(
          describe()
              + ": expected "
              + kernel.shape()[rank]
              + " input channels (as built), got "
              + "input shape "
              + Arrays.toString(inputShape));
    }
    int height = rank == 2 ? inputShape[0] : 1;
    int width = inputShape[rank - 1];
    int kernelHeight = rank == 2 ? kernelSize[0] : 1;
    int strideHeight = rank == 2 ? strides[0] : 1;
    int dilationHeight = rank == 2 ? dilationRate[0] : 1;
    int last = rank - 1;
    int spanHeight = Window2d.span(kernelHeight, dilationHeight);
    int spanWidth = Window2d.span(kernelSize[last], dilationRate[last]);
    if (!samePadding && (spanHeight > height || spanWidth > width)) {
      throw new ShapeMismatchException(
          describe()
              + ": kernel "
              + Arrays.toString(kernelSize)
              + " (dilation "
              + Arrays.toString(dilationRate)
              + ") is larger than its input of shape "
              + Arrays.toString(inputShape)
              + " with valid padding; use padding 'same' or a "
              + "smaller kernel");
    }
    return Window2d.of(
        height,
        width,
        kernelHeight,
        kernelSize[last],
        strideHeight,
        strides[last],
        dilationHeight,
        dilationRate[last],
        samePadding);
  }

  private void checkStridesWithDilation() {
    boolean strided = Arrays.stream(strides).anyMatch(s -> s > 1);
    boolean dilated = Arrays.stream(dilationRate).anyMatch(d -> d > 1);
    if (strided && dilated) {
      throw new IllegalArgumentException(
          className()
              + ": strides above 1 cannot be combined with a dilation rate above 1 (as in "
              + "Keras), got strides "
              + Arrays.toString(strides)
              + " and dilation rate "
              + Arrays.toString(dilationRate));
    }
  }

  @SuppressWarnings("unchecked")
  private SELF self() {
    return (SELF) this;
  }
}
