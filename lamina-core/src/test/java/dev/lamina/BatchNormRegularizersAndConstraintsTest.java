package dev.lamina;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.constraints.MaxNorm;
import dev.lamina.constraints.NonNeg;
import dev.lamina.layers.BatchNormalization;
import dev.lamina.layers.Dense;
import dev.lamina.layers.L1;
import dev.lamina.layers.L2;
import dev.lamina.layers.Layers;
import dev.lamina.optimizers.SGD;
import dev.lamina.random.SeededRandom;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * BatchNormalization's beta/gamma regularizers and constraints (Keras's beta_regularizer,
 * gamma_regularizer, beta_constraint, gamma_constraint) behave as Dense's kernel/bias ones.
 */
class BatchNormRegularizersAndConstraintsTest {
  @TempDir Path dir;

  private static BatchNormalization built(BatchNormalization layer) {
    layer.build(new int[] {3}, new SeededRandom(1));
    return layer;
  }

  @Test
  void penaltyIsTheByHandSumAndNullWhenFrozen() {
    assertNull(built(new BatchNormalization()).regularization());
    BatchNormalization layer =
        built(new BatchNormalization().gammaRegularizer(new L2(0.01)).betaRegularizer(new L1(0.5)));
    layer.trainableWeights().get(0).assign(Tensor.of(new float[] {2, -3, 0.5f}, 3)); // gamma
    layer.trainableWeights().get(1).assign(Tensor.of(new float[] {-1, 4, 0.25f}, 3)); // beta
    double byHand = 0.01 * (4 + 9 + 0.25) + 0.5 * (1 + 4 + 0.25);
    assertEquals(byHand, layer.regularization().item(), 1e-6);
    BatchNormalization gammaOnly = built(new BatchNormalization().gammaRegularizer(new L2(0.01)));
    gammaOnly.trainableWeights().get(0).assign(Tensor.of(new float[] {2, -3, 0.5f}, 3));
    assertEquals(0.01 * 13.25, gammaOnly.regularization().item(), 1e-6);
    layer.trainable(false);
    assertNull(layer.regularization(), "Keras regularizes trainable weights only");
  }

  private static Sequential model(BatchNormalization norm) {
    Sequential model = new Sequential(new Dense(4).inputShape(3), norm, new Dense(1)).seed(5);
    model.compile(new SGD(5), new dev.lamina.losses.MeanSquaredError());
    return model;
  }

  private static float[] gamma(Sequential model) {
    return model.layers().get(1).trainableWeights().get(0).value().toFloatArray();
  }

  private static float[] beta(Sequential model) {
    return model.layers().get(1).trainableWeights().get(1).value().toFloatArray();
  }

  @Test
  void oneStepWithNonNegGammaEqualsTheUnconstrainedStepProjected() {
    Tensor x = Tensor.of(new float[] {1, -2, 0.5f, -1, 3, 2, 0.5f, 0.5f, -3, 2, 1, -1}, 4, 3);
    Tensor y = Tensor.of(new float[] {-3, 4, -2, 1}, 4, 1);
    FitOptions oneStep = new FitOptions().batchSize(4).epochs(1).shuffle(false).verbose(0);
    Sequential free = model(new BatchNormalization());
    Sequential constrained = model(new BatchNormalization().gammaConstraint(new NonNeg()));
    free.fit(x, y, oneStep);
    constrained.fit(x, y, oneStep);
    float[] expected = gamma(free);
    float min = Float.POSITIVE_INFINITY;
    for (float g : expected) {
      min = Math.min(min, g);
    }
    assertTrue(
        min < 0,
        "the unconstrained step must leave a negative gamma for the test to mean anything");
    new NonNeg().project(expected, new int[] {4});
    float[] actual = gamma(constrained);
    for (float g : actual) {
      assertTrue(g >= 0, "gamma " + g);
    }
    assertArrayEquals(expected, actual);
    assertArrayEquals(beta(free), beta(constrained), "beta is not constrained");
  }

  @Test
  void theFourOptionsSurviveConfigAndTheLaminaFile() {
    BatchNormalization norm =
        new BatchNormalization()
            .betaRegularizer(new L1(0.5))
            .gammaRegularizer(new L2(0.01))
            .betaConstraint(new MaxNorm(2))
            .gammaConstraint(new NonNeg());
    Map<String, Object> config = norm.config();
    assertEquals(
        Map.of("class_name", "NonNeg", "config", Map.of()), config.get("gamma_constraint"));
    assertEquals(config, Layers.fromConfig("BatchNormalization", config).config());
    Sequential model = model(norm);
    model.build(3);
    Path file = dir.resolve("m.lamina");
    model.save(file);
    Map<String, Object> loaded = Sequential.load(file).layers().get(1).config();
    assertEquals(model.layers().get(1).config(), loaded);
    for (String key :
        new String[] {
          "beta_regularizer", "gamma_regularizer", "beta_constraint", "gamma_constraint"
        }) {
      assertTrue(loaded.get(key) != null, key);
    }
  }
}
