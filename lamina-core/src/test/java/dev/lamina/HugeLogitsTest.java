package dev.lamina;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.losses.BinaryCrossentropy;
import dev.lamina.losses.CategoricalCrossentropy;
import dev.lamina.losses.Loss;
import dev.lamina.losses.SparseCategoricalCrossentropy;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Softmax, log-softmax and the cross-entropies from logits at ±1e30 and up to float32's largest
 * value, in float32 and float64: the values are the exact ones (worked out by hand below), the
 * gradients are finite, and nothing is NaN. Where the true value is beyond the dtype (a log
 * probability of −2·3.4e38 in float32) the result is the correctly rounded −∞, never NaN.
 */
class HugeLogitsTest {
  private static final float MAX = Float.MAX_VALUE;

  @ParameterizedTest
  @ValueSource(doubles = {1e30, 1e38, MAX})
  void softmaxOfHugeLogitsIsExact(double big) {
    for (DType dtype : DType.values()) {
      Tensor logits = logits(dtype, big, -big, 0, 0, big, big);
      assertArrayEquals(
          new double[] {1, 0, 0, 0, 0.5, 0.5},
          logits.softmax().toDoubleArray(),
          0,
          dtype + " softmax");
      double[] logP = logits.logSoftmax().toDoubleArray();
      // 2·big overflows float32 past 1.7e38: the correctly rounded value is then −∞
      double twice = dtype == DType.FLOAT32 ? (float) (-2 * big) : -2 * big;
      double once = dtype == DType.FLOAT32 ? (float) -big : -big;
      // rows (big, −big, 0) → (0, −2·big, −big); (0, big, big) → (−big − log 2, −log 2, −log 2),
      // where −big − log 2 rounds to −big
      assertArrayEquals(
          new double[] {0, twice, once, once, -Math.log(2), -Math.log(2)},
          logP,
          dtype == DType.FLOAT32 ? 1e-7 : 1e-15,
          dtype + " log-softmax");
      for (double v : logP) {
        assertFalse(Double.isNaN(v), dtype + " log-softmax NaN");
      }
      assertFiniteGradient(logits, logits.logSoftmax().mul(logits(dtype, 1, 1, 1, 1, 1, 0)).sum());
      assertFiniteGradient(logits, logits.softmax().mul(logits(dtype, 1, 2, 3, 4, 5, 6)).sum());
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {1e30, MAX})
  void crossEntropiesFromHugeLogitsAreExact(double big) {
    for (DType dtype : DType.values()) {
      double tolerance = dtype == DType.FLOAT32 ? Math.ulp((float) big) : Math.ulp(big);
      Tensor logits = logits(dtype, big, -big, 0, 0, big, -big);
      Tensor oneHot = Tensor.of(new float[] {1, 0, 0, 0, 1, 0}, 2, 3).to(dtype);
      // right class with the huge logit: 0; and the row (0, big, -big) picks big: 0
      assertLoss(new CategoricalCrossentropy().fromLogits(true), oneHot, logits, 0, 0, tolerance);
      Tensor wrong = Tensor.of(new float[] {0, 0, 1, 1, 0, 0}, 2, 3).to(dtype);
      // class 2 of (big, -big, 0): big; class 0 of (0, big, -big): big
      assertLoss(
          new CategoricalCrossentropy().fromLogits(true), wrong, logits, big, big, tolerance);
      assertLoss(
          new SparseCategoricalCrossentropy().fromLogits(true),
          Tensor.of(new float[] {2, 0}, 2).to(dtype),
          logits,
          big,
          big,
          tolerance);
      Tensor binaryLogits = logits(dtype, big, -big).reshape(2, 1);
      assertLoss(
          new BinaryCrossentropy().fromLogits(true),
          Tensor.of(new float[] {1, 0}, 2, 1).to(dtype),
          binaryLogits,
          0,
          0,
          tolerance);
      assertLoss(
          new BinaryCrossentropy().fromLogits(true),
          Tensor.of(new float[] {0, 1}, 2, 1).to(dtype),
          binaryLogits,
          big,
          big,
          tolerance);
    }
  }

  private static void assertLoss(
      Loss loss, Tensor yTrue, Tensor logits, double first, double second, double tolerance) {
    Tensor x = logits.detach();
    Tensor perSample = loss.perSample(yTrue, x);
    String what = loss.name() + " " + x.dtype();
    assertEquals(first, perSample.toDoubleArray()[0], tolerance, what + " row 0");
    assertEquals(second, perSample.toDoubleArray()[1], tolerance, what + " row 1");
    assertFiniteGradient(x, loss.compute(yTrue, x, null));
  }

  private static void assertFiniteGradient(Tensor x, Tensor scalar) {
    for (double g : Gradients.of(scalar, List.of(x)).get(0).toDoubleArray()) {
      assertTrue(Double.isFinite(g), "gradient " + g + " for " + x);
    }
  }

  private static Tensor logits(DType dtype, double... values) {
    int rows = values.length / 3 == 0 ? 1 : values.length / 3;
    return Tensor.ofDouble(values, rows, values.length / rows).to(dtype).detach();
  }
}
