package dev.lamina.layers;

import dev.lamina.Parameter;
import dev.lamina.Tensor;
import dev.lamina.random.SeededRandom;
import java.util.List;
import java.util.Map;

/**
 * One step of a model. Shapes passed to and returned by a layer exclude the batch axis: a Dense
 * layer on 11 features sees {@code [11]}. Weights are created lazily by {@link #build} from the
 * first input shape, as Keras builds them.
 *
 * <p>A custom layer composes {@link Tensor} operations in {@link #call}; gradients come from
 * automatic differentiation.
 */
public interface Layer {

  /** The layer's name, e.g. {@code dense_1}; null until the user or the model sets one. */
  String name();

  /** Sets the name unless the user already chose one (the model names layers as Keras does). */
  void assignDefaultName(String name);

  /** The Keras class name shown in summaries and stored in configs, e.g. {@code Dense}. */
  String className();

  /** The input shape declared on this layer (Keras's {@code input_shape}), or null. */
  int[] declaredInputShape();

  /**
   * The output shape for an input shape; throws {@link dev.lamina.ShapeMismatchException} naming
   * this layer, the expected and the received shape when the input does not fit.
   */
  int[] outputShape(int[] inputShape);

  /** Creates the weights for inputs of this shape; {@code random} seeds initializers and masks. */
  void build(int[] inputShape, SeededRandom random);

  boolean isBuilt();

  /** The forward pass over a batch (the first axis of {@code inputs} is the batch). */
  Tensor call(Tensor inputs, Phase phase);

  /**
   * Weights the optimizer updates while the layer {@link #isTrainable() is trainable}, in Keras
   * order (kernel before bias, gamma before beta).
   */
  List<Parameter> trainableWeights();

  /** Weights only the layer itself updates (BatchNormalization's moving statistics). */
  List<Parameter> nonTrainableWeights();

  /**
   * Whether the optimizer updates this layer's weights (Keras's {@code trainable}); a frozen
   * layer's weights all count as non-trainable.
   */
  default boolean isTrainable() {
    return true;
  }

  /** All weights in Keras's get_weights order. */
  default List<Parameter> weights() {
    List<Parameter> trainable = trainableWeights();
    List<Parameter> frozen = nonTrainableWeights();
    if (frozen.isEmpty()) {
      return trainable;
    }
    List<Parameter> all = new java.util.ArrayList<>(trainable);
    all.addAll(frozen);
    return all;
  }

  /** The weights' values (copies), in {@link #weights()} order. */
  default List<Tensor> getWeights() {
    return weights().stream().map(p -> p.value().detach()).toList();
  }

  /** The regularization penalty on this layer's weights (a scalar with gradients), or null. */
  default Tensor regularization() {
    return null;
  }

  /** The options that recreate this layer, as JSON-compatible values (name included). */
  Map<String, Object> config();
}
