package dev.lamina.layers;

import dev.lamina.DType;
import dev.lamina.Parameter;
import dev.lamina.ShapeMismatchException;
import dev.lamina.Tensor;
import dev.lamina.initializers.Initializer;
import dev.lamina.random.SeededRandom;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every built-in layer shares: its name, the declared input shape, the weight type, the built
 * state, and the checks around {@link #call}. A subclass states its output shape, creates its
 * weights in {@link #createWeights} and computes its forward pass in {@link #forward}.
 *
 * @param <SELF> the concrete layer, so that the fluent options return it
 */
public abstract class BaseLayer<SELF extends BaseLayer<SELF>> implements Layer {
  private String name;
  private int[] declaredInputShape;
  private DType dtype = DType.FLOAT32;
  private int[] builtInputShape;

  /** The last batch shape call() validated; predict may race on it, so it is volatile. */
  private volatile int[] checkedShape;

  private boolean trainable = true;

  /** Names the layer (Keras's {@code name=}); the model keeps a name chosen here. */
  public final SELF name(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException(
          className() + ": name must not be blank, got '" + name + "'");
    }
    this.name = name;
    return self();
  }

  /** Declares the input shape without the batch axis, e.g. {@code inputShape(11)}. */
  public final SELF inputShape(int... shape) {
    this.declaredInputShape = validShape(className() + ".inputShape", shape);
    return self();
  }

  /** The type of the weights this layer creates: float32, or float64 for gradient checks. */
  public final SELF dtype(DType dtype) {
    requireUnbuilt("dtype");
    this.dtype = dtype;
    return self();
  }

  /** Freezes ({@code false}) or unfreezes the layer's weights, as Keras's {@code trainable}. */
  public final SELF trainable(boolean trainable) {
    this.trainable = trainable;
    return self();
  }

  @Override
  public final boolean isTrainable() {
    return trainable;
  }

  public final DType dtype() {
    return dtype;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final void assignDefaultName(String defaultName) {
    if (name == null) {
      name = defaultName;
    }
  }

  @Override
  public final int[] declaredInputShape() {
    return declaredInputShape == null ? null : declaredInputShape.clone();
  }

  /** Creates the weights once, as Keras does; later calls only check that the shape fits. */
  @Override
  public final void build(int[] inputShape, SeededRandom random) {
    int[] shape = validShape(describe() + ".build", inputShape);
    outputShape(shape);
    if (builtInputShape != null) {
      return;
    }
    createWeights(shape, random);
    builtInputShape = shape;
  }

  @Override
  public final boolean isBuilt() {
    return builtInputShape != null;
  }

  /**
   * Checks the batch against the built shape (once per batch shape), then runs {@link #forward}.
   */
  @Override
  public final Tensor call(Tensor inputs, Phase phase) {
    if (builtInputShape == null) {
      throw new IllegalStateException(
          describe() + ": call before build; build it (or add it to a model) first");
    }
    if (checkedShape != null && inputs.hasShape(checkedShape)) {
      return forward(inputs, phase);
    }
    int[] shape = inputs.shape();
    if (shape.length == 0) {
      throw new ShapeMismatchException(
          describe()
              + ": expected a batch of inputs of shape "
              + Arrays.toString(builtInputShape)
              + ", got a scalar");
    }
    outputShape(Arrays.copyOfRange(shape, 1, shape.length));
    checkedShape = shape;
    return forward(inputs, phase);
  }

  @Override
  public Map<String, Object> config() {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("name", name);
    if (declaredInputShape != null) {
      config.put("input_shape", LayerConfig.list(declaredInputShape));
    }
    if (dtype != DType.FLOAT32) {
      config.put("dtype", dtype.name().toLowerCase(java.util.Locale.ROOT));
    }
    if (!trainable) {
      config.put("trainable", false);
    }
    addConfig(config);
    return config;
  }

  /** The input shape unchanged, as for elementwise layers; layers that reshape override it. */
  @Override
  public int[] outputShape(int[] inputShape) {
    return inputShape.clone();
  }

  @Override
  public List<Parameter> trainableWeights() {
    return List.of();
  }

  @Override
  public List<Parameter> nonTrainableWeights() {
    return List.of();
  }

  @Override
  public String toString() {
    return describe();
  }

  /** The forward pass on a batch whose shape {@link #call} has checked. */
  protected abstract Tensor forward(Tensor inputs, Phase phase);

  /** Creates the weights for inputs of {@code inputShape}; layers without weights do nothing. */
  protected void createWeights(int[] inputShape, SeededRandom random) {}

  /** Adds the options particular to this layer to {@code config}. */
  protected void addConfig(Map<String, Object> config) {}

  /** The shape this layer was built for (without the batch axis); null before build. */
  protected final int[] builtInputShape() {
    return builtInputShape == null ? null : builtInputShape.clone();
  }

  /** A new weight in this layer's type, named {@code <layer>/<weight>} as Keras's paths are. */
  protected final Parameter newWeight(
      String weightName, int[] shape, Initializer initializer, SeededRandom random) {
    Tensor values = Tensor.of(initializer.sample(shape, random), shape).to(dtype);
    return new Parameter((name == null ? className() : name) + "/" + weightName, values);
  }

  /**
   * Rejects inputs without a feature axis and, once built ({@code builtFeatures} ≥ 0), inputs whose
   * last axis differs from the one the weights were made for.
   */
  protected final void requireFeatures(int[] inputShape, int builtFeatures) {
    if (inputShape.length == 0) {
      throw new ShapeMismatchException(
          describe() + ": expected inputs of rank ≥ 2 (batch and features), got rank 1");
    }
    int features = inputShape[inputShape.length - 1];
    if (builtFeatures >= 0 && features != builtFeatures) {
      int[] expected = inputShape.clone();
      expected[expected.length - 1] = builtFeatures;
      throw new ShapeMismatchException(
          describe()
              + ": expected input shape "
              + Arrays.toString(expected)
              + " (last axis "
              + builtFeatures
              + ", as built), got "
              + Arrays.toString(inputShape));
    }
  }

  /** Rejects changing an option that shaped the weights once they exist. */
  protected final void requireUnbuilt(String option) {
    if (builtInputShape != null) {
      throw new IllegalStateException(describe() + ": " + option + " must be set before build");
    }
  }

  /** "Dense 'dense_1'", the way messages name this layer. */
  protected final String describe() {
    return name == null ? className() : className() + " '" + name + "'";
  }

  /**
   * Restores the options every layer shares (name, input_shape, dtype) from a {@link #config()} map
   * onto this freshly made layer; a custom layer's factory for {@link Layers#register} calls it
   * after reading its own options.
   */
  protected final SELF withCommonOptions(Map<String, Object> values) {
    LayerConfig config = new LayerConfig(className(), values);
    String configName = config.string("name", null);
    if (configName != null) {
      name(configName);
    }
    int[] shape = config.intsOrNull("input_shape");
    if (shape != null) {
      inputShape(shape);
    }
    dtype(DType.valueOf(config.string("dtype", "float32").toUpperCase(java.util.Locale.ROOT)));
    trainable(config.bool("trainable", true));
    return self();
  }

  @SuppressWarnings("unchecked")
  private SELF self() {
    return (SELF) this;
  }

  private static int[] validShape(String where, int[] shape) {
    for (int dim : shape) {
      if (dim <= 0) {
        throw new IllegalArgumentException(
            where + ": dimensions must be positive, got " + Arrays.toString(shape));
      }
    }
    return shape.clone();
  }
}
