package dev.lamina.layers;

import dev.lamina.Tensor;

/** Keras's GlobalMaxPooling2D: the largest of each channel over all positions. */
public final class GlobalMaxPooling2D extends GlobalPooling<GlobalMaxPooling2D> {

  public GlobalMaxPooling2D() {
    super(2);
  }

  @Override
  public String className() {
    return "GlobalMaxPooling2D";
  }

  @Override
  Tensor pool(Tensor positions) {
    return positions.max(1);
  }

  static GlobalMaxPooling2D fromConfig(LayerConfig config) {
    return new GlobalMaxPooling2D().withGlobalOptions(config);
  }
}
