package dev.lamina.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lamina.optimizers.schedules.PiecewiseConstantDecay;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Single-variable updates against values worked out by hand from Keras's equations. */
class OptimizerRulesTest {

  private static float[] steps(Optimizer opt, float w0, float[]... grads) {
    float[] w = {w0};
    for (float[] g : grads) {
      opt.step(List.of(w), List.of(g));
    }
    return w;
  }

  @Test
  void sgdPlainMomentumAndNesterov() {
    float[] g = {1};
    assertEquals(0.98f, steps(new SGD(), 1, g, g)[0], 1e-7);
    // docs/keras-behaviour.md §3.2 test vectors
    assertEquals(0.971, steps(new SGD(0.01).momentum(0.9), 1, g, g)[0], 1e-6);
    assertEquals(0.9539, steps(new SGD(0.01).momentum(0.9).nesterov(true), 1, g, g)[0], 1e-6);
  }

  @Test
  void adamFirstStepUsesKerasEpsilonPlacement() {
    float[] w = steps(new Adam(), 0, new float[] {1});
    assertEquals(-9.9999684e-4, w[0], 1e-10);
  }

  @Test
  void emptyFlatStateMakesAUsedOptimizerNewAgain() {
    // a Spark replica reused by the next partition must not carry the last partition's moments
    Adam used = new Adam();
    float[] w = {0};
    used.step(List.of(w), List.of(new float[] {5}));
    used.restoreFlatState(List.of(w), new float[0], 0);
    assertEquals(0, used.flatSlotValues().length);
    w[0] = 0;
    used.step(List.of(w), List.of(new float[] {1}));
    assertArrayEquals(steps(new Adam(), 0, new float[] {1}), w);
  }

  @Test
  void adamSecondStepByHand() {
    float g1 = 0.5f;
    float g2 = -0.25f;
    double m1 = 0.1 * g1;
    double v1 = 0.001 * g1 * g1;
    double w1 = 2 - (0.001 * Math.sqrt(1 - 0.999) / (1 - 0.9)) * m1 / (Math.sqrt(v1) + 1e-7);
    double m2 = m1 + (g2 - m1) * 0.1;
    double v2 = v1 + (g2 * g2 - v1) * 0.001;
    double alpha2 = 0.001 * Math.sqrt(1 - 0.999 * 0.999) / (1 - 0.9 * 0.9);
    double w2 = w1 - alpha2 * m2 / (Math.sqrt(v2) + 1e-7);
    assertEquals(w2, steps(new Adam(), 2, new float[] {g1}, new float[] {g2})[0], 1e-6);
  }

  @Test
  void amsgradKeepsTheLargestVelocity() {
    // a big gradient then a small one: amsgrad divides by the older, larger velocity.
    float plain = steps(new Adam(), 0, new float[] {10}, new float[] {0.1f})[0];
    float ams = steps(new Adam().amsgrad(true), 0, new float[] {10}, new float[] {0.1f})[0];
    assertEquals(true, Math.abs(ams) < Math.abs(plain), ams + " vs " + plain);
  }

  @Test
  void adamWDecaysWeightsBeforeTheUpdate() {
    assertEquals(1 - 0.004 * 0.001, steps(new AdamW(), 1, new float[] {0})[0], 1e-7);
  }

  @Test
  void rmspropAndAdagradFirstSteps() {
    assertEquals(
        1 - 0.001 / Math.sqrt(0.1 + 1e-7), steps(new RMSprop(), 1, new float[] {1})[0], 1e-7);
    assertEquals(
        1 - 0.001 / Math.sqrt(1.1 + 1e-7), steps(new Adagrad(), 1, new float[] {1})[0], 1e-7);
    // centered: v = 0.1, a = 0.1, denominator = 0.1 - 0.01 + eps
    assertEquals(
        1 - 0.001 / Math.sqrt(0.09 + 1e-7),
        steps(new RMSprop().centered(true), 1, new float[] {1})[0],
        1e-6);
  }

  @Test
  void clippingRules() {
    float[] w = {0, 0};
    new SGD(1).clipNorm(1).step(List.of(w), List.of(new float[] {3, 4}));
    assertArrayEquals(new float[] {-0.6f, -0.8f}, w, 1e-6f);
    float[] a = {0};
    float[] b = {0};
    new SGD(1).globalClipNorm(1).step(List.of(a, b), List.of(new float[] {3}, new float[] {4}));
    assertEquals(-0.6f, a[0], 1e-6);
    assertEquals(-0.8f, b[0], 1e-6);
    float[] c = {0, 0};
    new SGD(1).clipValue(0.5).step(List.of(c), List.of(new float[] {3, -0.25f}));
    assertArrayEquals(new float[] {-0.5f, 0.25f}, c, 1e-7f);
  }

  @Test
  void clippingNeverChangesTheCallersGradients() {
    float[] grad = {3, 4};
    new SGD(1).clipNorm(1).step(List.of(new float[2]), List.of(grad));
    assertArrayEquals(new float[] {3, 4}, grad);
  }

  @Test
  void onlyOneClippingRule() {
    assertThrows(IllegalArgumentException.class, () -> new Adam().clipNorm(1).clipValue(1));
  }

  @Test
  void scheduleIsReadAtTheCurrentIteration() {
    SGD sgd =
        new SGD().learningRate(new PiecewiseConstantDecay(new long[] {0}, new double[] {1, 0.5}));
    float[] w = {0};
    sgd.step(List.of(w), List.of(new float[] {1})); // step 0 → rate 1
    sgd.step(List.of(w), List.of(new float[] {1})); // step 1 → rate 0.5
    assertEquals(-1.5f, w[0]);
    assertThrows(IllegalStateException.class, () -> sgd.setLearningRate(0.1));
  }

  @Test
  void slotsAreCountedForTheSummary() {
    Adam adam = new Adam();
    adam.step(List.of(new float[3], new float[2]), List.of(new float[3], new float[2]));
    assertEquals(10, adam.slotCount());
    assertEquals(1, adam.iterations());
  }

  @Test
  void badOptionsNameTheOptionAndRange() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new SGD().momentum(1.5));
    assertEquals("sgd: momentum must be in [0, 1], got 1.5", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Adam(-1));
    assertThrows(IllegalArgumentException.class, () -> Optimizers.get("adamax"));
    assertEquals("rmsprop", Optimizers.get("RMSprop").name());
  }
}
