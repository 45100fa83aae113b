package dev.lamina;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The gradients of x·s for one value s, both wanted (the one-pass path), equal s·g for x exactly
 * and Σ g·x for s to float rounding of the double sum, with the value on either side, in a
 * workspace whose later steps recompute into the first step's tensors, and agree with each gradient
 * asked for alone.
 */
class ScalarProductGradientsTest {
  private static final int ROWS = 125;
  private static final int COLS = 400;

  @Test
  void bothGradientsMatchTheDefinitionsOnEverySideAndStep() {
    Random random = new Random(5);
    Tensor x = Tensor.of(randomFloats(random, ROWS * COLS), ROWS, COLS);
    Tensor weights = Tensor.of(randomFloats(random, ROWS * COLS), ROWS, COLS);
    Tensor s = Tensor.of(new float[] {1.3f}, 1);
    Workspace steps = new Workspace();
    for (int step = 0; step < 3; step++) {
      s.floats[0] = 1.3f - step;
      x.floats[7] = step;
      for (boolean scalarFirst : new boolean[] {false, true}) {
        try (Workspace open = steps.step(scalarFirst ? 1 : 0)) {
          Tensor product = scalarFirst ? s.mul(x) : x.mul(s);
          Tensor loss = product.mul(weights).sum();
          List<Tensor> both = Gradients.of(loss, List.of(x, s));
          String where = "step " + step + (scalarFirst ? ", s·x" : ", x·s");
          assertMatchesDefinition(x, weights, s.floats[0], both.get(0), both.get(1), where);
          float fused = both.get(1).floats[0];
          // a workspace's Gradients.of writes into one list: read both before asking again
          float alone = Gradients.of(loss, List.of(s)).get(0).floats[0];
          assertEquals(alone, fused, 1e-6 * sumOfMagnitudes(x, weights), where);
        }
      }
    }
  }

  private static void assertMatchesDefinition(
      Tensor x, Tensor weights, float s, Tensor dx, Tensor ds, String where) {
    for (int i = 0; i < x.floats.length; i++) {
      assertEquals(s * weights.floats[i], dx.floats[i], 0f, where + ", d/dx at " + i);
    }
    double exact = 0;
    for (int i = 0; i < x.floats.length; i++) {
      exact += (double) weights.floats[i] * x.floats[i];
    }
    assertEquals(exact, ds.floats[0], 1e-6 * sumOfMagnitudes(x, weights), where + ", d/ds");
  }

  private static double sumOfMagnitudes(Tensor x, Tensor weights) {
    double total = 0;
    for (int i = 0; i < x.floats.length; i++) {
      total += Math.abs((double) weights.floats[i] * x.floats[i]);
    }
    return total;
  }

  private static float[] randomFloats(Random random, int n) {
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      values[i] = (float) random.nextGaussian();
    }
    return values;
  }
}
