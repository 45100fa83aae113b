package dev.lamina.layers;

import dev.lamina.Tensor;

/** Keras's GlobalAveragePooling1D: the average of each channel over all positions. */
public final class GlobalAveragePooling1D extends GlobalPooling<GlobalAveragePooling1D> {

  public GlobalAveragePooling1D() {
    super(1);
  }

  @Override
  public String className() {
    return "GlobalAveragePooling1D";
  }

  @Override
  Tensor pool(Tensor positions) {
    return positions.mean(1);
  }

  static GlobalAveragePooling1D fromConfig(LayerConfig config) {
    return new GlobalAveragePooling1D().withGlobalOptions(config);
  }
}
