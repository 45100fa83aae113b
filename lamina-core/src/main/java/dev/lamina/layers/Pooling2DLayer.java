package dev.lamina.layers;

import dev.lamina.Convolutions;
import dev.lamina.ShapeMismatchException;
import dev.lamina.Tensor;
import dev.lamina.kernels.Window2d;
import java.util.Arrays;
import java.util.Map;

/**
 * What Keras's MaxPooling2D and AveragePooling2D share: a window of {@code poolSize} moved by
 * {@code strides} (by default the pool size) over {@code (batch, height, width, channels)}, each
 * channel pooled on its own, valid or same padding.
 *
 * @param <SELF> the concrete layer, so that the fluent options return it
 */
public abstract class Pooling2DLayer<SELF extends Pooling2DLayer<SELF>> extends BaseLayer<SELF> {
  private final int[] poolSize;
  private int[] strides;
  private boolean samePadding;

  Pooling2DLayer(int... poolSize) {
    this.poolSize = WindowOptions.sizes(className(), "poolSize", 2, poolSize);
    this.strides = this.poolSize.clone();
  }

  /** The step between windows: one value for both axes or one per axis (default the pool size). */
  public final SELF strides(int... strides) {
    this.strides = WindowOptions.sizes(className(), "strides", 2, strides);
    return self();
  }

  /** {@code valid} (the default) or {@code same}. */
  public final SELF padding(String padding) {
    this.samePadding = WindowOptions.samePadding(className(), padding);
    return self();
  }

  @Override
  public final int[] outputShape(int[] inputShape) {
    Window2d window = window(inputShape);
    return new int[] {window.outHeight(), window.outWidth(), inputShape[2]};
  }

  @Override
  protected final Tensor forward(Tensor inputs, Phase phase) {
    int[] shape = inputs.shape();
    Window2d window = window(Arrays.copyOfRange(shape, 1, shape.length));
    return pool(inputs, window);
  }

  /** The pooling itself; see {@link Convolutions}. */
  abstract Tensor pool(Tensor images, Window2d window);

  @Override
  protected final void addConfig(Map<String, Object> config) {
    config.put("pool_size", LayerConfig.list(poolSize));
    config.put("padding", samePadding ? "same" : "valid");
    config.put("strides", LayerConfig.list(strides));
    config.put("data_format", "channels_last");
  }

  /** Restores the options {@link #addConfig} wrote onto this freshly made layer. */
  final SELF withPoolingOptions(LayerConfig config) {
    String format = config.string("data_format", "channels_last");
    if (!format.equals("channels_last")) {
      throw new IllegalArgumentException(
          className() + " config: data_format must be 'channels_last', got '" + format + "'");
    }
    strides(WindowOptions.fromConfig(config, "strides", poolSize));
    padding(config.string("padding", "valid"));
    return withCommonOptions(config.values());
  }

  private Window2d window(int[] inputShape) {
    if (inputShape.length != 3) {
      throw new ShapeMismatchException(
          describe()
              + ": expected inputs of rank 4 (batch, height, width, channels), got input "
              + "shape "
              + Arrays.toString(inputShape)
              + " without the batch axis");
    }
    if (!samePadding && (poolSize[0] > inputShape[0] || poolSize[1] > inputShape[1])) {
      throw new ShapeMismatchException(
          describe()
              + ": pool size "
              + Arrays.toString(poolSize)
              + " is larger than its input "
              + "of shape "
              + Arrays.toString(inputShape)
              + " with valid padding");
    }
    return Window2d.of(
        inputShape[0],
        inputShape[1],
        poolSize[0],
        poolSize[1],
        strides[0],
        strides[1],
        1,
        1,
        samePadding);
  }

  @SuppressWarnings("unchecked")
  private SELF self() {
    return (SELF) this;
  }
}
