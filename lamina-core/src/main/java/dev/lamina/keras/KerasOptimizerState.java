package dev.lamina.keras;

import dev.lamina.Parameter;
import dev.lamina.keras.LayerWeights.NamedDataset;
import dev.lamina.optimizers.GradientOptimizer;
import dev.lamina.optimizers.Optimizer;
import java.util.ArrayList;
import java.util.List;

/**
 * An optimizer's saved variables restored into a Lamina optimizer, so that fit continues where
 * Keras stopped. Keras writes the step count first (int32 or int64), Keras 3 then the learning
 * rate, then the slots per trainable variable: interleaved ({@code m₀ v₀ m₁ v₁ …}) since tf.keras
 * 2.11, grouped by kind ({@code m₀ m₁ … v₀ v₁ …}, names ending {@code /m:0}) in older legacy files.
 */
final class KerasOptimizerState {
  private KerasOptimizerState() {}

  /** Keras 3 interleaves momentum and velocity; amsgrad's third slot follows them all. */
  static int interleaved(int variable, int slot, int perVariable, int variables) {
    return slot < 2 ? variable * Math.min(perVariable, 2) + slot : 2 * variables + variable;
  }

  /**
   * Restores the state into {@code optimizer} when it fits {@code trainable} exactly; returns
   * whether it did (a state that does not fit is left out, as Keras skips it with a warning).
   */
  static boolean restore(
      Optimizer optimizer, List<NamedDataset> variables, List<Parameter> trainable) {
    if (!(optimizer instanceof GradientOptimizer<?> target) || variables.isEmpty()) {
      return false;
    }
    int headers = 0;
    while (headers < variables.size()
        && variables.get(headers).dataset().getDimensions().length == 0) {
      headers++;
    }
    int perVariable = target.slotsPerVariableCount();
    List<NamedDataset> slotVariables = variables.subList(headers, variables.size());
    if (headers == 0 || slotVariables.size() != perVariable * trainable.size()) {
      return false;
    }
    boolean grouped =
        perVariable > 1 && !slotVariables.isEmpty() && slotVariables.get(0).name().endsWith("/m:0");
    List<float[][]> slots = new ArrayList<>();
    for (int v = 0; v < trainable.size(); v++) {
      float[][] variableSlots = new float[perVariable][];
      for (int k = 0; k < perVariable; k++) {
        int index =
            grouped ? k * trainable.size() + v : interleaved(v, k, perVariable, trainable.size());
        NamedDataset slot = slotVariables.get(index);
        try {
          variableSlots[k] =
              H5Arrays.floats(
                  slot.dataset(), trainable.get(v).shape(), "optimizer variable " + slot.name());
        } catch (IllegalArgumentException mismatch) {
          return false;
        }
      }
      slots.add(variableSlots);
    }
    long iterations = H5Arrays.scalarLong(variables.get(0).dataset(), "optimizer iterations");
    target.restoreState(iterations, slots);
    return true;
  }
}
