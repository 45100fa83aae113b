package dev.lamina.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.Tensor;
import dev.lamina.random.SeededRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DropoutTest {
  private static final int ROWS = 200;
  private static final int COLUMNS = 100;

  private static Dropout built(Dropout dropout, long seed) {
    dropout.build(new int[] {COLUMNS}, new SeededRandom(seed));
    return dropout;
  }

  private static Tensor input() {
    return Tensor.randomUniform(3, 0.5, 2.0, ROWS, COLUMNS);
  }

  @Test
  void inferenceIsTheIdentity() {
    Tensor x = input();
    assertSame(x, built(new Dropout(0.5), 1).call(x, Phase.INFERENCE));
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.1, 0.3, 0.5, 0.8})
  void trainingDropsAboutRateAndScalesTheRestByExactlyOneOverKeep(double rate) {
    float[] x = input().toFloatArray();
    float[] y = built(new Dropout(rate), 1).call(input(), Phase.TRAINING).toFloatArray();
    float keep = (float) (1 - rate);
    int dropped = 0;
    for (int i = 0; i < x.length; i++) {
      if (y[i] == 0) {
        dropped++;
      } else {
        assertEquals(x[i] / keep, y[i], 0f, "element " + i);
      }
    }
    // binomial(n, rate): the count of dropped units lies within 5 standard deviations
    double n = x.length;
    double sigma = Math.sqrt(n * rate * (1 - rate));
    assertTrue(
        Math.abs(dropped - n * rate) <= 5 * sigma,
        "dropped " + dropped + " of " + x.length + " at rate " + rate);
  }

  @Test
  void rateZeroPassesTrainingInputsThrough() {
    Tensor x = input();
    assertSame(x, built(new Dropout(0), 1).call(x, Phase.TRAINING));
  }

  @Test
  void masksRepeatWithTheSeedAndChangeBetweenCalls() {
    Dropout first = built(new Dropout(0.5), 42);
    Dropout second = built(new Dropout(0.5), 42);
    float[] a1 = first.call(input(), Phase.TRAINING).toFloatArray();
    float[] a2 = first.call(input(), Phase.TRAINING).toFloatArray();
    assertArrayEquals(a1, second.call(input(), Phase.TRAINING).toFloatArray());
    assertArrayEquals(a2, second.call(input(), Phase.TRAINING).toFloatArray());
    assertFalse(Arrays.equals(a1, a2), "consecutive calls draw new masks");
    float[] other = built(new Dropout(0.5), 43).call(input(), Phase.TRAINING).toFloatArray();
    assertFalse(Arrays.equals(a1, other), "another model seed gives other masks");
  }

  @Test
  void ownSeedOverridesTheModelSeed() {
    float[] a = built(new Dropout(0.5).seed(9), 1).call(input(), Phase.TRAINING).toFloatArray();
    float[] b = built(new Dropout(0.5).seed(9), 2).call(input(), Phase.TRAINING).toFloatArray();
    assertArrayEquals(a, b);
  }

  @ParameterizedTest
  @ValueSource(doubles = {-0.1, 1.0, 1.5, Double.NaN})
  void rejectsRatesOutsideZeroToOne(double rate) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new Dropout(rate));
    assertTrue(e.getMessage().startsWith("Dropout:"), e.getMessage());
    assertTrue(e.getMessage().contains("[0, 1)"), e.getMessage());
    assertTrue(e.getMessage().contains(String.valueOf(rate)), e.getMessage());
  }
}
