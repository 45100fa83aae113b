package dev.lamina.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class AucPropertiesTest {

  /** The Mann–Whitney statistic by brute force over all (positive, negative) pairs. */
  private static double pairwise(float[] labels, float[] scores, float[] weights) {
    double wins = 0;
    double pairs = 0;
    for (int i = 0; i < labels.length; i++) {
      for (int j = 0; j < labels.length; j++) {
        if (labels[i] == 1 && labels[j] == 0) {
          double w = (double) weights[i] * weights[j];
          pairs += w;
          wins += scores[i] > scores[j] ? w : scores[i] == scores[j] ? w / 2 : 0;
        }
      }
    }
    return pairs == 0 ? 0 : wins / pairs;
  }

  @Property(tries = 200)
  void exactAucEqualsPairwiseCount(@ForAll @IntRange(min = 1, max = 60) int n, @ForAll long seed) {
    Random random = new Random(seed);
    float[] labels = new float[n];
    float[] scores = new float[n];
    float[] weights = new float[n];
    for (int i = 0; i < n; i++) {
      labels[i] = random.nextBoolean() ? 1 : 0;
      scores[i] = random.nextInt(10) / 10f; // coarse values make ties common
      weights[i] = 0.5f + random.nextInt(3);
    }
    Auc auc = Auc.exact();
    auc.update(labels, 1, scores, 1, weights, n);
    assertEquals(pairwise(labels, scores, weights), auc.result(), 1e-9);
  }

  @Property(tries = 50)
  void thresholdedAucApproachesExact(@ForAll long seed) {
    Random random = new Random(seed);
    int n = 2000;
    float[] labels = new float[n];
    float[] scores = new float[n];
    for (int i = 0; i < n; i++) {
      labels[i] = random.nextBoolean() ? 1 : 0;
      scores[i] =
          (float)
              Math.min(
                  1, Math.max(0, 0.5 + 0.2 * (labels[i] - 0.5) + 0.25 * random.nextGaussian()));
    }
    Auc exact = Auc.exact();
    Auc keras = new Auc();
    exact.update(labels, 1, scores, 1, null, n);
    keras.update(labels, 1, scores, 1, null, n);
    assertEquals(exact.result(), keras.result(), 0.01);
  }
}
