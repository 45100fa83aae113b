package dev.lamina;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.constraints.MaxNorm;
import dev.lamina.constraints.NonNeg;
import dev.lamina.constraints.UnitNorm;
import dev.lamina.layers.Conv2D;
import dev.lamina.layers.Dense;
import dev.lamina.layers.Layer;
import dev.lamina.layers.Layers;
import dev.lamina.optimizers.SGD;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kernel and bias constraints: training projects each constrained weight right after every
 * optimizer update (as Keras 3's optimizer.apply does), the options survive configs and .lamina
 * files, and bad ones are refused naming the layer and option.
 */
class ConstraintTrainingTest {
  @TempDir Path dir;

  private static Sequential model(Dense first) {
    Sequential model = new Sequential(first.inputShape(3), new Dense(1)).seed(5);
    model.compile(new SGD(0.5), new dev.lamina.losses.MeanSquaredError());
    return model;
  }

  private static Tensor x() {
    return Tensor.of(new float[] {1, -2, 0.5f, -1, 3, 2, 0.5f, 0.5f, -3, 2, 1, -1}, 4, 3);
  }

  private static Tensor y() {
    return Tensor.of(new float[] {-3, 4, -2, 1}, 4, 1);
  }

  @Test
  void oneStepEqualsTheUnconstrainedStepProjected() {
    Sequential free = model(new Dense(4, "tanh"));
    Sequential constrained =
        model(new Dense(4, "tanh").kernelConstraint(new MaxNorm(0.5)).biasConstraint(new NonNeg()));
    FitOptions oneStep = new FitOptions().batchSize(4).epochs(1).shuffle(false).verbose(0);
    free.fit(x(), y(), oneStep);
    constrained.fit(x(), y(), oneStep);
    float[] kernel = free.getWeights().get(0).toFloatArray();
    float[] bias = free.getWeights().get(1).toFloatArray();
    assertTrue(
        min(bias) < 0,
        "the unconstrained step must leave a negative bias for the test to mean anything");
    new MaxNorm(0.5).project(kernel, new int[] {3, 4});
    new NonNeg().project(bias, new int[] {4});
    assertArrayEquals(kernel, constrained.getWeights().get(0).toFloatArray());
    assertArrayEquals(bias, constrained.getWeights().get(1).toFloatArray());
    // the unconstrained layer after it trained identically: one projection never leaks across
    // layers
    assertArrayEquals(
        free.getWeights().get(2).toFloatArray(), constrained.getWeights().get(2).toFloatArray());
  }

  @Test
  void everyStepEndsWithTheConstraintHolding() {
    Sequential model =
        model(new Dense(4, "relu").kernelConstraint(new UnitNorm()).biasConstraint(new NonNeg()));
    model.fit(x(), y(), new FitOptions().batchSize(2).epochs(5).verbose(0));
    float[] kernel = model.getWeights().get(0).toFloatArray();
    for (int unit = 0; unit < 4; unit++) {
      double norm =
          Math.sqrt(
              kernel[unit] * kernel[unit]
                  + kernel[4 + unit] * kernel[4 + unit]
                  + kernel[8 + unit] * kernel[8 + unit]);
      assertEquals(1, norm, 1e-6, "unit " + unit);
    }
    assertTrue(min(model.getWeights().get(1).toFloatArray()) >= 0);
  }

  @Test
  void constraintsSurviveTheLaminaFile() {
    Sequential model =
        model(
            new Dense(4)
                .kernelConstraint(new MaxNorm(1.5, List.of(0, 1)))
                .biasConstraint(new NonNeg()));
    model.fit(x(), y(), new FitOptions().batchSize(4).epochs(1).verbose(0));
    Path file = dir.resolve("m.lamina");
    model.save(file);
    Sequential loaded = Sequential.load(file);
    Map<String, Object> config = loaded.layers().get(0).config();
    assertEquals(
        Map.of("class_name", "MaxNorm", "config", Map.of("max_value", 1.5, "axis", List.of(0, 1))),
        config.get("kernel_constraint"));
    assertEquals(Map.of("class_name", "NonNeg", "config", Map.of()), config.get("bias_constraint"));
    assertEquals(model.layers().get(0).config(), config);
  }

  @Test
  void convolutionsTakeConstraintsThroughTheirConfig() {
    Conv2D conv = new Conv2D(2, 3).kernelConstraint(new MaxNorm(1, List.of(0, 1, 2)));
    Layer copy = Layers.fromConfig("Conv2D", conv.config());
    assertEquals(conv.config(), copy.config());
    assertEquals(
        Map.of(
            "class_name", "MaxNorm", "config", Map.of("max_value", 1.0, "axis", List.of(0, 1, 2))),
        copy.config().get("kernel_constraint"));
  }

  @Test
  void badConstraintsNameTheLayerAndOption() {
    Map<String, Object> negative =
        Map.of(
            "units",
            2,
            "kernel_constraint",
            Map.of("class_name", "MaxNorm", "config", Map.of("max_value", -1)));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Layers.fromConfig("Dense", negative));
    assertTrue(
        e.getMessage().contains("Dense")
            && e.getMessage().contains("kernel_constraint")
            && e.getMessage().contains("max_value"),
        e.getMessage());
    Map<String, Object> unknown =
        Map.of("units", 2, "bias_constraint", Map.of("class_name", "Radial", "config", Map.of()));
    e = assertThrows(IllegalArgumentException.class, () -> Layers.fromConfig("Dense", unknown));
    assertTrue(
        e.getMessage().contains("bias_constraint") && e.getMessage().contains("Radial"),
        e.getMessage());
    Sequential axisTooHigh =
        new Sequential(new Dense(2).kernelConstraint(new MaxNorm(1, List.of(2))).name("d"));
    e = assertThrows(IllegalArgumentException.class, () -> axisTooHigh.build(3));
    assertTrue(
        e.getMessage().contains("d/kernel") && e.getMessage().contains("axis 2"), e.getMessage());
  }

  private static float min(float[] values) {
    float min = Float.POSITIVE_INFINITY;
    for (float v : values) {
      min = Math.min(min, v);
    }
    return min;
  }
}
