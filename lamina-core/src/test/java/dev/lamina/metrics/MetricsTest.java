package dev.lamina.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Keras's documented examples (keras.io metric pages) as reference values. */
class MetricsTest {
  private static final double TOL = 1e-6;

  private static double run(Metric m, float[] t, int tc, float[] p, int pc, float[] w) {
    m.update(t, tc, p, pc, w, p.length / pc);
    return m.result();
  }

  @Test
  void binaryAccuracy() {
    float[] t = {1, 1, 0, 0};
    float[] p = {0.98f, 1, 0, 0.6f};
    assertEquals(0.75, run(Metrics.get("binary_accuracy", 1, 1), t, 1, p, 1, null), TOL);
    assertEquals(
        0.5, run(Metrics.get("binary_accuracy", 1, 1), t, 1, p, 1, new float[] {1, 0, 0, 1}), TOL);
  }

  @Test
  void binaryAccuracyThresholdIsStrict() {
    assertEquals(
        0.0, run(Metrics.get("accuracy", 1, 1), new float[] {1}, 1, new float[] {0.5f}, 1, null));
  }

  @Test
  void categoricalAccuracy() {
    float[] t = {0, 0, 1, 0, 1, 0};
    float[] p = {0.1f, 0.9f, 0.8f, 0.05f, 0.95f, 0};
    assertEquals(0.5, run(Metrics.get("categorical_accuracy", 3, 3), t, 3, p, 3, null), TOL);
    assertEquals(
        0.3,
        run(Metrics.get("categorical_accuracy", 3, 3), t, 3, p, 3, new float[] {0.7f, 0.3f}),
        TOL);
  }

  @Test
  void sparseCategoricalAccuracy() {
    float[] t = {2, 1};
    float[] p = {0.1f, 0.6f, 0.3f, 0.05f, 0.95f, 0};
    assertEquals(0.5, run(Metrics.get("sparse_categorical_accuracy", 1, 3), t, 1, p, 3, null), TOL);
    assertEquals(
        0.3,
        run(Metrics.get("sparse_categorical_accuracy", 1, 3), t, 1, p, 3, new float[] {0.7f, 0.3f}),
        TOL);
  }

  @Test
  void accuracyIsResolvedByShape() {
    // one output column: binary
    assertEquals(
        1.0, run(Metrics.get("accuracy", 1, 1), new float[] {1}, 1, new float[] {0.7f}, 1, null));
    // one target column, three outputs: sparse
    assertEquals(
        1.0,
        run(
            Metrics.get("accuracy", 1, 3),
            new float[] {2},
            1,
            new float[] {0, 0.2f, 0.8f},
            3,
            null));
    // one-hot targets: categorical
    assertEquals(
        1.0,
        run(
            Metrics.get("accuracy", 3, 3),
            new float[] {0, 1, 0},
            3,
            new float[] {0, 0.9f, 0.1f},
            3,
            null));
  }

  @Test
  void meanErrors() {
    float[] t = {0, 1, 0, 0};
    float[] p = {1, 1, 0, 0};
    float[] w = {1, 0};
    assertEquals(0.25, run(Metrics.get("mae", 2, 2), t, 2, p, 2, null), TOL);
    assertEquals(0.5, run(Metrics.get("mae", 2, 2), t, 2, p, 2, w), TOL);
    assertEquals(0.25, run(Metrics.get("mse", 2, 2), t, 2, p, 2, null), TOL);
    assertEquals(0.5, run(Metrics.get("mse", 2, 2), t, 2, p, 2, w), TOL);
    assertEquals(0.5, run(Metrics.get("rmse", 2, 2), t, 2, p, 2, null), TOL);
    assertEquals(0.70710677, run(Metrics.get("rmse", 2, 2), t, 2, p, 2, w), TOL);
  }

  @Test
  void precisionAndRecall() {
    float[] t = {0, 1, 1, 1};
    float[] p = {1, 0, 1, 1};
    float[] w = {0, 0, 1, 0};
    assertEquals(2.0 / 3, run(Metrics.get("precision", 1, 1), t, 1, p, 1, null), TOL);
    assertEquals(1.0, run(Metrics.get("precision", 1, 1), t, 1, p, 1, w), TOL);
    assertEquals(2.0 / 3, run(Metrics.get("recall", 1, 1), t, 1, p, 1, null), TOL);
    assertEquals(1.0, run(Metrics.get("recall", 1, 1), t, 1, p, 1, w), TOL);
  }

  @Test
  void aucWithThreeThresholds() {
    float[] t = {0, 0, 1, 1};
    float[] p = {0, 0.5f, 0.3f, 0.9f};
    assertEquals(0.75, run(Auc.withThresholds(3), t, 1, p, 1, null), TOL);
    assertEquals(1.0, run(Auc.withThresholds(3), t, 1, p, 1, new float[] {1, 0, 0, 1}), TOL);
  }

  @Test
  void aucOfOneClassIsZeroAsInKeras() {
    float[] p = {0.1f, 0.7f, 0.4f};
    assertEquals(0.0, run(new Auc(), new float[] {1, 1, 1}, 1, p, 1, null));
    assertEquals(0.0, run(new Auc(), new float[] {0, 0, 0}, 1, p, 1, null));
    assertEquals(0.0, run(Auc.exact(), new float[] {1, 1, 1}, 1, p, 1, null));
  }

  @Test
  void exactAucCountsTiesAsHalf() {
    // by hand: pairs (pos, neg) = (0.5,0.5) tie, (0.5,0.2), (0.9,0.5), (0.9,0.2) → 3.5 / 4
    assertEquals(
        0.875,
        run(
            Auc.exact(),
            new float[] {0, 1, 0, 1},
            1,
            new float[] {0.5f, 0.5f, 0.2f, 0.9f},
            1,
            null),
        TOL);
    assertEquals(
        0.75,
        run(
            Auc.exact(),
            new float[] {0, 0, 1, 1},
            1,
            new float[] {0.1f, 0.4f, 0.35f, 0.8f},
            1,
            null),
        TOL);
  }

  @Test
  void metricsAccumulateAcrossBatchesAndReset() {
    Metric m = Metrics.get("mae", 1, 1);
    m.update(new float[] {0, 0}, 1, new float[] {1, 1}, 1, null, 2);
    m.update(new float[] {0}, 1, new float[] {4}, 1, null, 1);
    assertEquals(2.0, m.result(), TOL);
    m.reset();
    assertEquals(0.0, m.result());
  }

  @Test
  void unknownNameListsValidOnes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Metrics.get("acuracy", 1, 1));
    assertTrue(e.getMessage().contains("'acuracy'") && e.getMessage().contains("binary_accuracy"));
  }
}
