package dev.lamina.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Float64 variables: the same rules as float32 in double precision, checked by hand to 1e-15 (where
 * float32 reaches only 1e-7), against the float32 path on random steps, and in the state that
 * checkpoints save.
 */
class Float64OptimizerTest {

  private static double[] steps(Optimizer opt, double w0, double[]... grads) {
    double[] w = {w0};
    for (double[] g : grads) {
      opt.stepFloat64(List.of(w), List.of(g));
    }
    return w;
  }

  @Test
  void rulesByHandInDoublePrecision() {
    double[] g = {1};
    assertEquals(0.98, steps(new SGD(), 1, g, g)[0], 1e-15);
    // docs/keras-behaviour.md §3.2 test vectors: 1 − 0.01 − 0.019 and 1 − 0.019 − 0.0271
    assertEquals(0.971, steps(new SGD(0.01).momentum(0.9), 1, g, g)[0], 1e-15);
    assertEquals(0.9539, steps(new SGD(0.01).momentum(0.9).nesterov(true), 1, g, g)[0], 1e-15);
    assertEquals(1 - 0.001 / Math.sqrt(0.1 + 1e-7), steps(new RMSprop(), 1, g)[0], 1e-15);
    assertEquals(
        1 - 0.001 / Math.sqrt(0.09 + 1e-7), steps(new RMSprop().centered(true), 1, g)[0], 1e-15);
    assertEquals(1 - 0.001 / Math.sqrt(1.1 + 1e-7), steps(new Adagrad(), 1, g)[0], 1e-15);
    assertEquals(1 - 0.004 * 0.001, steps(new AdamW(), 1, new double[] {0})[0], 1e-15);
  }

  @Test
  void adamSecondStepByHand() {
    double g1 = 0.5;
    double g2 = -0.25;
    double m1 = 0.1 * g1;
    double v1 = 0.001 * g1 * g1;
    double w1 = 2 - (0.001 * Math.sqrt(1 - 0.999) / (1 - 0.9)) * m1 / (Math.sqrt(v1) + 1e-7);
    double m2 = m1 + (g2 - m1) * 0.1;
    double v2 = v1 + (g2 * g2 - v1) * 0.001;
    double alpha2 = 0.001 * Math.sqrt(1 - 0.999 * 0.999) / (1 - 0.9 * 0.9);
    double w2 = w1 - alpha2 * m2 / (Math.sqrt(v2) + 1e-7);
    assertEquals(w2, steps(new Adam(), 2, new double[] {g1}, new double[] {g2})[0], 1e-15);
  }

  static Stream<Arguments> optimizers() {
    return Stream.of(
        Arguments.of("sgd", (Supplier<GradientOptimizer<?>>) () -> new SGD(0.1)),
        Arguments.of(
            "sgd nesterov",
            (Supplier<GradientOptimizer<?>>) () -> new SGD(0.05).momentum(0.9).nesterov(true)),
        Arguments.of(
            "rmsprop centered momentum",
            (Supplier<GradientOptimizer<?>>) () -> new RMSprop(0.01).centered(true).momentum(0.5)),
        Arguments.of("adagrad", (Supplier<GradientOptimizer<?>>) () -> new Adagrad(0.1)),
        Arguments.of("adam", (Supplier<GradientOptimizer<?>>) () -> new Adam(0.01)),
        Arguments.of(
            "adam amsgrad clipnorm",
            (Supplier<GradientOptimizer<?>>) () -> new Adam(0.01).amsgrad(true).clipNorm(0.5)),
        Arguments.of(
            "adamw global clip",
            (Supplier<GradientOptimizer<?>>) () -> new AdamW(0.01).globalClipNorm(1)),
        Arguments.of(
            "sgd clipvalue", (Supplier<GradientOptimizer<?>>) () -> new SGD(0.1).clipValue(0.3)));
  }

  /** Twenty random steps on two variables: float64 and float32 agree to float32's rounding. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("optimizers")
  void agreesWithTheFloat32Path(String name, Supplier<GradientOptimizer<?>> make) {
    Random random = new Random(name.hashCode());
    float[] a = new float[37];
    float[] b = new float[5];
    double[] wideA = new double[a.length];
    double[] wideB = new double[b.length];
    GradientOptimizer<?> narrow = make.get();
    GradientOptimizer<?> wide = make.get();
    for (int step = 0; step < 20; step++) {
      float[] ga = new float[a.length];
      float[] gb = new float[b.length];
      for (int i = 0; i < ga.length; i++) {
        ga[i] = (float) random.nextGaussian();
      }
      for (int i = 0; i < gb.length; i++) {
        gb[i] = (float) random.nextGaussian();
      }
      narrow.step(List.of(a, b), List.of(ga, gb));
      wide.stepFloat64(List.of(wideA, wideB), List.of(widen(ga), widen(gb)));
    }
    assertArrayEquals(widen(a), wideA, 2e-5, name);
    assertArrayEquals(widen(b), wideB, 2e-5, name);
    assertEquals(narrow.slotCount(), wide.slotCount());
    assertEquals(20, wide.iterations());
  }

  @Test
  void savedStateIsRoundedAndRestoredStateWidened() {
    Adam trained = new Adam(0.1);
    double[] w = {0.5, -1};
    trained.stepFloat64(List.of(w), List.of(new double[] {0.1, 1.0 / 3}));
    List<float[][]> saved = trained.slotValues();
    assertEquals((float) ((1.0 / 3) * (1 - 0.9)), saved.get(0)[0][1]);
    Adam resumed = new Adam(0.1);
    resumed.restoreState(trained.iterations(), saved);
    double[] w2 = w.clone();
    trained.stepFloat64(List.of(w), List.of(new double[] {0.2, 0.2}));
    resumed.stepFloat64(List.of(w2), List.of(new double[] {0.2, 0.2}));
    assertArrayEquals(w, w2, 1e-8);
    assertEquals(4, resumed.slotCount());
  }

  @Test
  void restoredStateForOtherVariablesIsRejected() {
    Adam adam = new Adam();
    adam.restoreState(1, List.of(new float[2][3], new float[2][1]));
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> adam.stepFloat64(List.of(new double[3]), List.of(new double[3])));
    assertTrue(e.getMessage().contains("built for 2 variables"), e.getMessage());
  }

  @Test
  void clippingNeverChangesTheCallersGradients() {
    double[] grad = {3, 4};
    double[] w = {0, 0};
    new SGD(1).clipNorm(1).stepFloat64(List.of(w), List.of(grad));
    assertArrayEquals(new double[] {3, 4}, grad);
    assertArrayEquals(new double[] {-0.6, -0.8}, w, 1e-15);
  }

  @Test
  void oneOptimizerServesOneType() {
    Adam adam = new Adam();
    adam.stepFloat64(List.of(new double[2]), List.of(new double[2]));
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> adam.step(List.of(new float[2]), List.of(new float[2])));
    assertTrue(e.getMessage().contains("float64"), e.getMessage());
  }

  private static double[] widen(float[] x) {
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = x[i];
    }
    return out;
  }
}
