package dev.lamina.layers;

import dev.lamina.Tensor;

/** Keras's GlobalMaxPooling1D: the largest of each channel over all positions. */
public final class GlobalMaxPooling1D extends GlobalPooling<GlobalMaxPooling1D> {

  public GlobalMaxPooling1D() {
    super(1);
  }

  @Override
  public String className() {
    return "GlobalMaxPooling1D";
  }

  @Override
  Tensor pool(Tensor positions) {
    return positions.max(1);
  }

  static GlobalMaxPooling1D fromConfig(LayerConfig config) {
    return new GlobalMaxPooling1D().withGlobalOptions(config);
  }
}
