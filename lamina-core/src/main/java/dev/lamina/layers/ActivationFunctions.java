package dev.lamina.layers;

import dev.lamina.NeuralOps;
import dev.lamina.Tensor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Keras's activation functions by name, each one operation of {@link NeuralOps#activation} with its
 * derivative beside it (checked against the composed Tensor versions). Formulas and defaults are
 * Keras 3's: leaky_relu uses slope 0.2 (the function's default, not the layer's 0.3), gelu is the
 * exact form, hard_sigmoid is clip(x/6 + 0.5, 0, 1), softmax runs over the last axis.
 */
public final class ActivationFunctions {
  private static final Map<String, UnaryOperator<Tensor>> BY_NAME = new LinkedHashMap<>();

  static {
    for (String name :
        List.of(
            "linear",
            "relu",
            "sigmoid",
            "tanh",
            "leaky_relu",
            "softmax",
            "log_softmax",
            "elu",
            "selu",
            "gelu",
            "swish",
            "silu",
            "softplus",
            "softsign",
            "hard_sigmoid",
            "hard_silu",
            "hard_swish",
            "relu6",
            "exponential",
            "mish")) {
      BY_NAME.put(name, x -> NeuralOps.activation(x, name));
    }
  }

  private ActivationFunctions() {}

  /** The activation registered under {@code name}; null means linear, as in Keras. */
  public static UnaryOperator<Tensor> get(String name) {
    UnaryOperator<Tensor> function = BY_NAME.get(name == null ? "linear" : name);
    if (function == null) {
      throw new IllegalArgumentException(
          "unknown activation '" + name + "'; valid names: " + String.join(", ", names()));
    }
    return function;
  }

  /** The registered names, in a stable order. */
  public static Set<String> names() {
    return Collections.unmodifiableSet(BY_NAME.keySet());
  }
}
