package dev.lamina.layers;

import dev.lamina.Tensor;

/** Keras's GlobalAveragePooling2D: the average of each channel over all positions. */
public final class GlobalAveragePooling2D extends GlobalPooling<GlobalAveragePooling2D> {

  public GlobalAveragePooling2D() {
    super(2);
  }

  @Override
  public String className() {
    return "GlobalAveragePooling2D";
  }

  @Override
  Tensor pool(Tensor positions) {
    return positions.mean(1);
  }

  static GlobalAveragePooling2D fromConfig(LayerConfig config) {
    return new GlobalAveragePooling2D().withGlobalOptions(config);
  }
}
