package dev.lamina.losses;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.Gradients;
import dev.lamina.ShapeMismatchException;
import dev.lamina.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keras's documented loss examples (keras.io API pages; docs/keras-behaviour.md §2.1) as reference
 * values.
 */
class LossesTest {

  private static Tensor t(float[][] rows) {
    return Tensor.of(rows);
  }

  private static double value(Loss loss, Tensor y, Tensor p) {
    return loss.compute(y, p, null).item();
  }

  @Test
  void meanAbsoluteAndSquaredError() {
    assertEquals(
        0.5666667,
        value(
            new MeanAbsoluteError(),
            t(new float[][] {{1, 0.3f, 1}}),
            t(new float[][] {{1.9f, 0.3f, 1.8f}})),
        1e-6);
    assertEquals(
        0.02,
        value(
            new MeanSquaredError(),
            t(new float[][] {{1, 0, 1}}),
            t(new float[][] {{0.9f, 0.1f, 0.8f}})),
        1e-6);
  }

  /**
   * Without sample weights the mean errors are one fused operation: the same value and gradient as
   * the weighted composition with weights of one, for (N,) targets beside (N, 1) predictions and at
   * an exact match, where the absolute error's gradient is 0.
   */
  @Test
  void meanErrorsWithoutWeightsEqualTheCompositionWithWeightsOfOne() {
    Tensor y = Tensor.of(new float[] {1, 0.3f, 2, -1}, 4);
    Tensor p = Tensor.of(new float[] {1.9f, 0.3f, 1.8f, 0.5f}, 4, 1);
    Tensor ones = Tensor.ones(4);
    for (Loss loss : new Loss[] {new MeanAbsoluteError(), new MeanSquaredError()}) {
      Tensor fused = loss.compute(y, p, null);
      Tensor composed = loss.compute(y, p, ones);
      assertEquals(composed.item(), fused.item(), 1e-7, loss.name());
      assertArrayEquals(
          Gradients.of(composed, List.of(p)).get(0).toFloatArray(),
          Gradients.of(fused, List.of(p)).get(0).toFloatArray(),
          1e-7f,
          loss.name());
    }
    assertEquals(
        0f,
        Gradients.of(new MeanAbsoluteError().compute(y, p, null), List.of(p))
            .get(0)
            .toFloatArray()[1]);
  }

  @Test
  void huber() {
    assertEquals(
        0.155,
        value(
            new Huber(),
            t(new float[][] {{0, 1}, {0, 0}}),
            t(new float[][] {{0.6f, 0.4f}, {0.4f, 0.6f}})),
        1e-6);
    // |e| = 3 > δ = 2: δ·|e| − δ²/2 = 4
    assertEquals(4.0, value(new Huber(2), t(new float[][] {{0}}), t(new float[][] {{3}})), 1e-6);
  }

  @Test
  void binaryCrossentropyOnProbabilities() {
    Tensor y = t(new float[][] {{0, 1}, {0, 0}});
    Tensor p = t(new float[][] {{0.6f, 0.4f}, {0.4f, 0.6f}});
    float[] perSample = new BinaryCrossentropy().perSample(y, p).toFloatArray();
    assertEquals(0.916, perSample[0], 1e-3);
    assertEquals(0.714, perSample[1], 1e-3);
    assertEquals(0.815, value(new BinaryCrossentropy(), y, p), 1e-3);
  }

  @Test
  void binaryCrossentropyClipsExactZeroAndOneAsKerasDoesInFloat32() {
    BinaryCrossentropy bce = new BinaryCrossentropy();
    assertEquals(16.118095, value(bce, t(new float[][] {{1}}), t(new float[][] {{0}})), 1e-5);
    assertEquals(15.942385, value(bce, t(new float[][] {{0}}), t(new float[][] {{1}})), 1e-5);
  }

  @Test
  void binaryCrossentropyFromLogits() {
    Tensor y = t(new float[][] {{0, 1, 0, 0}});
    Tensor z = t(new float[][] {{-18.6f, 0.51f, 2.94f, -12.8f}});
    assertEquals(0.8654, value(new BinaryCrossentropy().fromLogits(true), y, z), 1e-4);
    // ±1e4 logits stay finite
    double extreme =
        value(
            new BinaryCrossentropy().fromLogits(true),
            t(new float[][] {{0, 1}}),
            t(new float[][] {{1e4f, -1e4f}}));
    assertEquals(1e4, extreme, 1e-1);
  }

  @Test
  void labelSmoothing() {
    // y' = 1·(1 − 0.2) + 0.1 = 0.9 against p = 0.9: −(0.9·ln 0.9 + 0.1·ln 0.1)
    double expected = -(0.9 * Math.log(0.9) + 0.1 * Math.log(0.1));
    assertEquals(
        expected,
        value(
            new BinaryCrossentropy().labelSmoothing(0.2),
            t(new float[][] {{1}}),
            t(new float[][] {{0.9f}})),
        1e-6);
  }

  @Test
  void categoricalAndSparse() {
    Tensor y = t(new float[][] {{0, 1, 0}, {0, 0, 1}});
    Tensor p = t(new float[][] {{0.05f, 0.95f, 0}, {0.1f, 0.8f, 0.1f}});
    assertEquals(1.177, value(new CategoricalCrossentropy(), y, p), 1e-3);
    Tensor w = Tensor.of(new float[] {0.3f, 0.7f}, 2);
    assertEquals(0.814, new CategoricalCrossentropy().compute(y, p, w).item(), 1e-3);
    Tensor labels = Tensor.of(new float[] {1, 2}, 2);
    assertEquals(1.177, value(new SparseCategoricalCrossentropy(), labels, p), 1e-3);
    assertEquals(1.177, value(new SparseCategoricalCrossentropy(), labels.reshape(2, 1), p), 1e-3);
  }

  @Test
  void logitsPathsAgreeWithProbabilityPaths() {
    Tensor z = t(new float[][] {{1, -2, 0.5f}, {0.1f, 0.2f, 3}});
    Tensor labels = Tensor.of(new float[] {2, 0}, 2);
    double fromLogits = value(new SparseCategoricalCrossentropy().fromLogits(true), labels, z);
    double fromProbs = value(new SparseCategoricalCrossentropy(), labels, z.softmax(-1));
    assertEquals(fromProbs, fromLogits, 1e-5);
  }

  @Test
  void sampleWeightsMultiplyButTheDivisorStaysTheBatchSize() {
    Tensor y = t(new float[][] {{0}, {0}});
    Tensor p = t(new float[][] {{1}, {3}});
    Tensor w = Tensor.of(new float[] {1, 0}, 2);
    // (1·1 + 0·3) / 2
    assertEquals(0.5, new MeanAbsoluteError().compute(y, p, w).item(), 1e-7);
  }

  @Test
  void targetsOfShapeNMatchPredictionsNBy1() {
    assertEquals(
        1.0,
        value(
            new MeanAbsoluteError(),
            Tensor.of(new float[] {0, 0}, 2),
            t(new float[][] {{1}, {-1}})),
        1e-7);
  }

  @Test
  void badTargetsAreNamed() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                value(
                    new BinaryCrossentropy(),
                    t(new float[][] {{0}, {2}}),
                    t(new float[][] {{0.5f}, {0.5f}})));
    assertEquals(
        "binary_crossentropy: targets must lie in [0, 1], got 2.0 in row 1", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                value(
                    new SparseCategoricalCrossentropy(),
                    Tensor.of(new float[] {0, 3}, 2),
                    t(new float[][] {{0.5f, 0.5f}, {0.5f, 0.5f}})));
    assertTrue(
        e.getMessage().contains("class index 3.0 in row 1 is outside [0, 2)"), e.getMessage());
    ShapeMismatchException s =
        assertThrows(
            ShapeMismatchException.class,
            () ->
                value(
                    new MeanSquaredError(),
                    t(new float[][] {{1, 2}}),
                    t(new float[][] {{1, 2, 3}})));
    assertTrue(s.getMessage().contains("[1, 2]") && s.getMessage().contains("[1, 3]"));
  }

  @Test
  void lookupByKerasNames() {
    assertEquals("mean_absolute_error", Losses.get("mae").name());
    assertEquals("huber_loss", Losses.get("huber").name());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Losses.get("hinge"));
    assertTrue(e.getMessage().contains("binary_crossentropy"));
    Loss copy = Losses.fromConfig("huber_loss", new Huber(2.5).config());
    assertEquals(new Huber(2.5).config(), copy.config());
  }
}
