package dev.lamina.layers;

import dev.lamina.Convolutions;
import dev.lamina.Tensor;
import dev.lamina.kernels.Window2d;

/** Keras's MaxPooling2D: the largest value of each window, per channel. */
public final class MaxPooling2D extends Pooling2DLayer<MaxPooling2D> {

  /** A window of {@code poolSize} on both axes, or one size per axis. */
  public MaxPooling2D(int... poolSize) {
    super(poolSize);
  }

  @Override
  public String className() {
    return "MaxPooling2D";
  }

  @Override
  Tensor pool(Tensor images, Window2d window) {
    return Convolutions.maxPool2d(images, window);
  }

  static MaxPooling2D fromConfig(LayerConfig config) {
    return new MaxPooling2D(WindowOptions.fromConfig(config, "pool_size", new int[] {2}))
        .withPoolingOptions(config);
  }
}
