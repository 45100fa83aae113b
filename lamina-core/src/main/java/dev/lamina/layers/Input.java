package dev.lamina.layers;

import dev.lamina.ShapeMismatchException;
import dev.lamina.Tensor;
import java.util.Arrays;

/**
 * Declares the shape of a model's inputs (without the batch axis) as the first element of a
 * Sequential, like Keras's {@code Input(shape)}; passes its input through and is not listed in
 * summaries. Its Keras class name is {@code InputLayer}.
 */
public final class Input extends BaseLayer<Input> {

  public Input(int... shape) {
    inputShape(shape);
  }

  @Override
  public String className() {
    return "InputLayer";
  }

  @Override
  public int[] outputShape(int[] inputShape) {
    int[] declared = declaredInputShape();
    if (!Arrays.equals(declared, inputShape)) {
      throw new ShapeMismatchException(
          describe()
              + ": expected input shape "
              + Arrays.toString(declared)
              + ", got "
              + Arrays.toString(inputShape));
    }
    return declared;
  }

  @Override
  protected Tensor forward(Tensor inputs, Phase phase) {
    return inputs;
  }

  static Input fromConfig(LayerConfig config) {
    int[] shape = config.intsOrNull("input_shape");
    if (shape == null) {
      throw new IllegalArgumentException("InputLayer config: missing option 'input_shape'");
    }
    return new Input(shape).withCommonOptions(config.values());
  }
}
