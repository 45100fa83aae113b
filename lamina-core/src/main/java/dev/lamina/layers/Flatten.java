package dev.lamina.layers;

import dev.lamina.Tensor;
import java.util.Arrays;

/**
 * Flattens each sample to one axis: {@code (batch, d1, d2, …)} becomes {@code (batch, d1·d2·…)}.
 */
public final class Flatten extends BaseLayer<Flatten> {

  @Override
  public String className() {
    return "Flatten";
  }

  @Override
  public int[] outputShape(int[] inputShape) {
    int product = 1;
    for (int dim : inputShape) {
      product = Math.multiplyExact(product, dim);
    }
    return new int[] {product};
  }

  @Override
  protected Tensor forward(Tensor inputs, Phase phase) {
    int[] shape = inputs.shape();
    int features = outputShape(Arrays.copyOfRange(shape, 1, shape.length))[0];
    return inputs.reshape(shape[0], features);
  }

  static Flatten fromConfig(LayerConfig config) {
    return new Flatten().withCommonOptions(config.values());
  }
}
