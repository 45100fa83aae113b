package dev.lamina.layers;

import dev.lamina.Tensor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Keras's activation functions by name, composed from {@link Tensor} operations so that their
 * gradients come from automatic differentiation. Formulas and defaults are Keras 3's: leaky_relu
 * uses slope 0.2 (the function's default, not the layer's 0.3), gelu is the exact form,
 * hard_sigmoid is clip(x/6 + 0.5, 0, 1), softmax runs over the last axis.
 */
public final class ActivationFunctions {
  private static final double SELU_ALPHA = 1.6732632423543772;
  private static final double SELU_SCALE = 1.0507009873554805;
  private static final double LEAKY_RELU_FUNCTION_SLOPE = 0.2;

  private static final Map<String, UnaryOperator<Tensor>> BY_NAME = new LinkedHashMap<>();

  static {
    BY_NAME.put("linear", x -> x);
    BY_NAME.put("relu", Tensor::relu);
    BY_NAME.put("sigmoid", Tensor::sigmoid);
    BY_NAME.put("tanh", Tensor::tanh);
    BY_NAME.put("leaky_relu", x -> x.leakyRelu(LEAKY_RELU_FUNCTION_SLOPE));
    BY_NAME.put("softmax", x -> x.softmax(-1));
    BY_NAME.put("log_softmax", x -> x.logSoftmax(-1));
    BY_NAME.put("elu", Tensor::elu);
    BY_NAME.put("selu", x -> x.elu(SELU_ALPHA).mul(SELU_SCALE));
    BY_NAME.put("gelu", Tensor::gelu);
    BY_NAME.put("swish", Tensor::swish);
    BY_NAME.put("silu", Tensor::swish);
    BY_NAME.put("softplus", Tensor::softplus);
    BY_NAME.put("softsign", x -> x.div(x.abs().add(1)));
    BY_NAME.put("hard_sigmoid", ActivationFunctions::hardSigmoid);
    BY_NAME.put("hard_silu", x -> x.mul(hardSigmoid(x)));
    BY_NAME.put("hard_swish", x -> x.mul(hardSigmoid(x)));
    BY_NAME.put("relu6", x -> x.clip(0, 6));
    BY_NAME.put("exponential", Tensor::exp);
    BY_NAME.put("mish", x -> x.mul(x.softplus().tanh()));
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

  /** Keras 3's form; Keras 2 used 0.2·x + 0.5. */
  private static Tensor hardSigmoid(Tensor x) {
    return x.div(6).add(0.5).clip(0, 1);
  }
}
