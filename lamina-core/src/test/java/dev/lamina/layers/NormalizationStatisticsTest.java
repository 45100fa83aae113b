package dev.lamina.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.ShapeMismatchException;
import dev.lamina.Tensor;
import dev.lamina.random.SeededRandom;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Normalization with its statistics given (Keras's {@code Normalization(mean=..., variance=...)}):
 * no weights, {@code (x − mean) / max(√variance, 1e-7)} with the given values, one value broadcast
 * over the features, the statistics kept in the config, and the misuses refused.
 */
class NormalizationStatisticsTest {

  private static Tensor apply(Normalization layer, float[] x, int features) {
    layer.build(new int[] {features}, new SeededRandom(0));
    return layer.call(Tensor.of(x, x.length / features, features), Phase.INFERENCE);
  }

  @Test
  void givenStatisticsNormalizeByHandAndHoldNoWeights() {
    Normalization layer = new Normalization(new double[] {1, -2, 0}, new double[] {4, 0.25, 0});
    Tensor y = apply(layer, new float[] {3, -1, 5, -1, -2, 0}, 3);
    // (3 − 1)/2, (−1 + 2)/0.5, 5/1e-7 (a zero variance divides by Keras's epsilon); row 2 likewise
    assertArrayEquals(new float[] {1, 2, 5e7f, -1, 0, 0}, y.toFloatArray(), 1e-3f);
    assertTrue(layer.weights().isEmpty());
    assertEquals(List.of(1.0, -2.0, 0.0), layer.config().get("mean"));
  }

  @Test
  void oneValueServesEveryFeatureAndInvertMapsBack() {
    Normalization layer = new Normalization(new double[] {2}, new double[] {4}).invert(true);
    assertArrayEquals(
        new float[] {2, 4, 0}, apply(layer, new float[] {0, 1, -1}, 3).toFloatArray());
  }

  @Test
  void configRecreatesTheLayerAndAdaptedOnesWriteNull() {
    Normalization given = new Normalization(new double[] {0.5}, new double[] {2});
    Map<String, Object> config = given.config();
    assertEquals(config, Layers.fromConfig("Normalization", config).config());
    assertNull(new Normalization().config().get("mean"));
    Map<String, Object> scalar = Map.of("mean", 2, "variance", 9.0);
    Normalization fromScalars = (Normalization) Layers.fromConfig("Normalization", scalar);
    assertArrayEquals(new float[] {1, 0}, apply(fromScalars, new float[] {5, 2}, 2).toFloatArray());
  }

  @Test
  void misusesAreRefusedWithTheirNames() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Normalization(new double[] {1, 2}, new double[] {1}));
    assertTrue(
        e.getMessage().contains("mean") && e.getMessage().contains("variance"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Normalization(new double[] {1}, new double[] {-1}));
    assertTrue(
        e.getMessage().contains("variance") && e.getMessage().contains("-1"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Layers.fromConfig("Normalization", Map.of("mean", List.of(1, 2))));
    assertTrue(e.getMessage().contains("variance"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Layers.fromConfig("Normalization", Map.of("mean", "big", "variance", 1)));
    assertTrue(e.getMessage().contains("'mean'"), e.getMessage());
    Normalization threeValues =
        new Normalization(new double[] {1, 2, 3}, new double[] {1, 1, 1}).name("norm");
    ShapeMismatchException shape =
        assertThrows(
            ShapeMismatchException.class,
            () -> threeValues.build(new int[] {4}, new SeededRandom(0)));
    assertTrue(
        shape.getMessage().contains("norm")
            && shape.getMessage().contains("3")
            && shape.getMessage().contains("[4]"),
        shape.getMessage());
    IllegalStateException adapt =
        assertThrows(
            IllegalStateException.class,
            () ->
                new Normalization(new double[] {0}, new double[] {1})
                    .adapt(Tensor.of(new float[] {1, 2}, 2, 1)));
    assertTrue(adapt.getMessage().contains("adapt"), adapt.getMessage());
  }
}
