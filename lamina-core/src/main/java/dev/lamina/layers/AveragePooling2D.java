package dev.lamina.layers;

import dev.lamina.Convolutions;
import dev.lamina.Tensor;
import dev.lamina.kernels.Window2d;

/**
 * Keras's AveragePooling2D: the mean of each window, per channel; with same padding, of its pixels
 * inside the input.
 */
public final class AveragePooling2D extends Pooling2DLayer<AveragePooling2D> {

  /** A window of {@code poolSize} on both axes, or one size per axis. */
  public AveragePooling2D(int... poolSize) {
    super(poolSize);
  }

  @Override
  public String className() {
    return "AveragePooling2D";
  }

  @Override
  Tensor pool(Tensor images, Window2d window) {
    return Convolutions.averagePool2d(images, window);
  }

  static AveragePooling2D fromConfig(LayerConfig config) {
    return new AveragePooling2D(WindowOptions.fromConfig(config, "pool_size", new int[] {2}))
        .withPoolingOptions(config);
  }
}
