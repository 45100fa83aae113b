package dev.lamina.optimizers;

import java.util.List;
import java.util.Map;

/** Updates a model's trainable variables from their gradients, one training step at a time. */
public interface Optimizer {

  /** The Keras name, e.g. {@code adam}. */
  String name();

  /**
   * One update: {@code weights.get(i)} is changed in place from {@code grads.get(i)} (same length).
   * The optimizer binds to the variable list on the first step.
   */
  void step(List<float[]> weights, List<float[]> grads);

  /**
   * {@link #step} for a float64 model's variables, with float64 slots. An optimizer serves the
   * variables of one type: the first step's.
   */
  void stepFloat64(List<double[]> weights, List<double[]> grads);

  double learningRate();

  void setLearningRate(double learningRate);

  /** Updates applied so far. */
  long iterations();

  /** Elements held in slots (momentum, velocity, …) across all variables. */
  long slotCount();

  /** The options that, with {@link #name()}, recreate this optimizer. */
  Map<String, Object> config();
}
