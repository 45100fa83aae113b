package dev.lamina.constraints;

import java.util.Map;

/**
 * A projection of a weight onto an allowed set, which training applies right after every optimizer
 * update, as Keras 3 does for a layer's {@code kernel_constraint} and {@code bias_constraint}.
 * Keras's MaxNorm, MinMaxNorm, NonNeg and UnitNorm implement it. It works on the weight's row-major
 * values, so it needs nothing from the tensor types.
 */
public interface Constraint {

  /** Projects {@code values}, a weight of {@code shape} in row-major order, in place. */
  void project(float[] values, int[] shape);

  /** The Keras class name stored in configs, e.g. {@code MaxNorm}. */
  String className();

  /** The options that, with {@link #className()}, recreate this constraint (Keras's names). */
  Map<String, Object> config();

  /**
   * Rejects a weight this constraint cannot apply to (an axis past its rank), naming the weight;
   * called when the constraint is attached, so that training never meets the problem.
   */
  default void requireFits(String weight, int[] shape) {}

  /** Recreates a built-in constraint from its Keras class name and config. */
  static Constraint fromConfig(String className, Map<String, Object> config) {
    return Constraints.fromConfig(className, config);
  }
}
