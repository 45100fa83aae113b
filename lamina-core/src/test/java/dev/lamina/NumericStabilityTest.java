package dev.lamina;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Inputs of ±1e4 give finite values and gradients; the guarded log of losses matches Keras. */
class NumericStabilityTest {

  enum Activation {
    SOFTMAX(Tensor::softmax),
    LOG_SOFTMAX(Tensor::logSoftmax),
    SIGMOID(Tensor::sigmoid),
    SOFTPLUS(Tensor::softplus),
    TANH(Tensor::tanh),
    GELU(Tensor::gelu),
    SWISH(Tensor::swish),
    ELU(Tensor::elu);

    @SuppressWarnings("ImmutableEnumChecker") // a stateless method reference
    final UnaryOperator<Tensor> op;

    Activation(UnaryOperator<Tensor> op) {
      this.op = op;
    }
  }

  @ParameterizedTest
  @EnumSource(Activation.class)
  void extremeInputsGiveFiniteValuesAndGradients(Activation activation) {
    for (DType dtype : DType.values()) {
      Tensor x =
          Tensor.ofDouble(new double[] {1e4, -1e4, 0, -1e4, -1e4, -1e4, 1e4, 1e4, 3}, 3, 3)
              .to(dtype)
              .detach();
      Tensor y = activation.op.apply(x);
      assertAllFinite(y, activation + " " + dtype + " values");
      Tensor weights = Tensor.arange(9).reshape(3, 3).to(dtype);
      assertAllFinite(
          Gradients.of(y.mul(weights).sum(), List.of(x)).get(0),
          activation + " " + dtype + " gradient");
    }
  }

  @Test
  void softmaxOfExtremesIsExact() {
    Tensor p = Tensor.of(new float[] {1e4f, -1e4f, 0}, 1, 3).softmax();
    assertEquals(List.of(1.0, 0.0, 0.0), boxed(p.toDoubleArray()));
    Tensor logP = Tensor.of(new float[] {1e4f, -1e4f, 0}, 1, 3).logSoftmax();
    assertEquals(List.of(0.0, -2e4, -1e4), boxed(logP.toDoubleArray()));
  }

  /**
   * Keras' binary cross-entropy clips probabilities to [1e-7, 1 − 1e-7] before the log; in float32
   * this gives the reference values of docs/keras-behaviour.md §2.2.
   */
  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void clippedLogMatchesKerasGuard(boolean labelIsOne) {
    float epsilon = 1e-7f;
    Tensor p = Tensor.of(new float[] {labelIsOne ? 0f : 1f}, 1).clip(epsilon, 1 - epsilon);
    Tensor loss = labelIsOne ? p.log().neg() : Tensor.ones(1).sub(p).log().neg();
    assertEquals(labelIsOne ? 16.118095f : 15.942385f, loss.get(0), 2e-6f);
  }

  @Test
  void clippedLogHasFiniteGradientAtZero() {
    Tensor p = Tensor.of(new float[] {0f, 1f, 0.5f}, 3);
    Tensor loss = p.clip(1e-7, 1 - 1e-7).log().neg().sum();
    assertTrue(Double.isFinite(loss.item()));
    // The gradient is cut off at the clipped ends, as in Keras: only 0.5 passes it on.
    assertArrayEquals(
        new double[] {0, 0, -2}, Gradients.of(loss, List.of(p)).get(0).toDoubleArray(), 1e-6);
  }

  private static void assertAllFinite(Tensor t, String what) {
    for (double v : t.toDoubleArray()) {
      assertTrue(Double.isFinite(v), what + ": " + t);
    }
  }

  private static List<Double> boxed(double[] values) {
    return java.util.Arrays.stream(values).boxed().toList();
  }
}
