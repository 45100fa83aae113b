package dev.lamina.keras;

import dev.lamina.layers.Layer;
import dev.lamina.losses.Loss;
import dev.lamina.optimizers.Optimizer;
import java.util.List;

/**
 * A model as Keras files describe it, in Lamina's terms: the name, the per-sample input shape, the
 * built layers with their weights and, when compiled, the optimizer (with its state), loss and
 * metrics (all three null or none when not compiled).
 */
public record KerasModel(
    String name,
    int[] inputShape,
    List<Layer> layers,
    Optimizer optimizer,
    Loss loss,
    List<String> metrics) {

  public KerasModel {
    inputShape = inputShape.clone();
    layers = List.copyOf(layers);
    metrics = metrics == null ? List.of() : List.copyOf(metrics);
  }

  @Override
  public int[] inputShape() {
    return inputShape.clone();
  }

  public boolean isCompiled() {
    return optimizer != null && loss != null;
  }
}
