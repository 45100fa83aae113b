package dev.lamina.layers;

import dev.lamina.ShapeMismatchException;
import dev.lamina.Tensor;
import java.util.Map;

/** Softmax along one axis of the input, the last by default (Keras's {@code axis=-1}). */
public final class Softmax extends BaseLayer<Softmax> {
  private final int axis;

  public Softmax() {
    this(-1);
  }

  /** {@code axis} counts the batch axis as 0; negative values count from the end. */
  public Softmax(int axis) {
    if (axis == 0) {
      throw new IllegalArgumentException(
          "Softmax: axis 0 is the batch axis; use a feature axis (1, 2, … or -1, -2, …)");
    }
    this.axis = axis;
  }

  public int axis() {
    return axis;
  }

  @Override
  public String className() {
    return "Softmax";
  }

  @Override
  public int[] outputShape(int[] inputShape) {
    int rank = inputShape.length + 1;
    if (axis >= rank || axis < -inputShape.length) {
      throw new ShapeMismatchException(
          describe() + ": axis " + axis + " is out of range for inputs of rank " + rank);
    }
    return inputShape.clone();
  }

  @Override
  protected Tensor forward(Tensor inputs, Phase phase) {
    return inputs.softmax(axis);
  }

  @Override
  protected void addConfig(Map<String, Object> config) {
    config.put("axis", axis);
  }

  static Softmax fromConfig(LayerConfig config) {
    return new Softmax((int) config.number("axis", -1)).withCommonOptions(config.values());
  }
}
