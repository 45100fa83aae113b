package dev.lamina.initializers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.random.SeededRandom;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InitializersTest {

  @Test
  void glorotUniformStaysWithinKerasLimitAndFillsIt() {
    // docs/keras-behaviour.md §1: Dense 11→512 has limit sqrt(6 / 523) = 0.1071087.
    float[] values =
        Initializers.get("glorot_uniform").sample(new int[] {11, 512}, new SeededRandom(1));
    double max = 0;
    for (float v : values) {
      max = Math.max(max, Math.abs(v));
    }
    assertTrue(max <= 0.1071087f, "max " + max);
    assertTrue(max > 0.106, "samples should reach near the limit, max " + max);
  }

  @Test
  void singleUnitGlorotLimitMatchesKeras() {
    float[] values =
        Initializers.get("glorot_uniform").sample(new int[] {3, 1}, new SeededRandom(3));
    for (float v : values) {
      assertTrue(Math.abs(v) <= 1.2247449f);
    }
  }

  @Test
  void varianceMatchesScaleOverFan() {
    int[] shape = {400, 300};
    assertVariance("he_normal", shape, 2.0 / 400);
    assertVariance("he_uniform", shape, 2.0 / 400);
    assertVariance("lecun_normal", shape, 1.0 / 400);
    assertVariance("lecun_uniform", shape, 1.0 / 400);
    assertVariance("glorot_normal", shape, 1.0 / 350);
    assertVariance("glorot_uniform", shape, 1.0 / 350);
    assertVariance("random_normal", shape, 0.05 * 0.05);
  }

  private static void assertVariance(String name, int[] shape, double expected) {
    float[] values = Initializers.get(name).sample(shape, new SeededRandom(7));
    double mean = 0;
    for (float v : values) {
      mean += v;
    }
    mean /= values.length;
    double variance = 0;
    for (float v : values) {
      variance += (v - mean) * (v - mean);
    }
    variance /= values.length;
    // 120k samples: the sample variance is within ~1% of the truth; 4% leaves a wide margin.
    assertEquals(expected, variance, 0.04 * expected, name);
    assertEquals(0, mean, 5 * Math.sqrt(expected / values.length), name);
  }

  @Test
  void truncatedNormalNeverExceedsTwoStandardDeviations() {
    float[] values = new TruncatedNormal(1.0, 0.5).sample(new int[] {10_000}, new SeededRandom(5));
    for (float v : values) {
      assertTrue(v >= 0.0f - 1e-6 && v <= 2.0f + 1e-6, "value " + v);
    }
  }

  @Test
  void constantsFill() {
    assertArrayEquals(new float[] {0, 0, 0}, Initializers.get("zeros").sample(new int[] {3}, null));
    assertArrayEquals(new float[] {1, 1}, Initializers.get("ones").sample(new int[] {2}, null));
    assertArrayEquals(
        new float[] {2.5f, 2.5f},
        Initializers.fromConfig("constant", Map.of("value", 2.5)).sample(new int[] {2}, null));
  }

  @Test
  void sameSeedSameValuesOtherSeedOtherValues() {
    Initializer init = Initializers.get("he_normal");
    float[] a = init.sample(new int[] {20, 20}, new SeededRandom(42));
    float[] b = init.sample(new int[] {20, 20}, new SeededRandom(42));
    float[] c = init.sample(new int[] {20, 20}, new SeededRandom(43));
    assertArrayEquals(a, b);
    assertFalse(Arrays.equals(a, c));
  }

  @Test
  void configRoundTripsThroughTheRegistry() {
    Initializer original = new RandomUniform(-1, 3);
    Initializer copy = Initializers.fromConfig(original.name(), original.config());
    assertEquals(original, copy);
  }

  @Test
  void unknownNameListsTheValidOnes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Initializers.get("glorot"));
    assertTrue(e.getMessage().contains("'glorot'"), e.getMessage());
    assertTrue(e.getMessage().contains("glorot_uniform"), e.getMessage());
    assertTrue(e.getMessage().contains("truncated_normal"), e.getMessage());
  }
}
