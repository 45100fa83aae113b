package dev.lamina.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.ShapeMismatchException;
import dev.lamina.Tensor;
import dev.lamina.random.SeededRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DenseTest {

  private static Dense built(Dense dense, int features, long seed) {
    dense.build(new int[] {features}, new SeededRandom(seed));
    return dense;
  }

  @Test
  void kernelIsInputsByUnitsAndBiasStartsAtZero() {
    Dense dense = built(new Dense(512), 11, 1);
    assertArrayEquals(new int[] {11, 512}, dense.trainableWeights().get(0).shape());
    assertArrayEquals(new float[512], dense.trainableWeights().get(1).value().toFloatArray());
    assertEquals(11 * 512 + 512, dense.weights().stream().mapToLong(p -> p.value().size()).sum());
  }

  @Test
  void glorotUniformStaysWithinKerasLimit() {
    float[] kernel = built(new Dense(512), 11, 1).getWeights().get(0).toFloatArray();
    double limit = 0.1071087; // docs/keras-behaviour.md §1 for Dense 11 → 512
    double largest = 0;
    for (float w : kernel) {
      largest = Math.max(largest, Math.abs(w));
    }
    assertTrue(largest <= limit && largest > 0.99 * limit, "largest |w| " + largest);
  }

  @Test
  void sameSeedGivesBitIdenticalWeightsAndAnotherSeedDiffers() {
    List<Tensor> a = built(new Dense(8, "relu"), 5, 42).getWeights();
    List<Tensor> b = built(new Dense(8, "relu"), 5, 42).getWeights();
    List<Tensor> c = built(new Dense(8, "relu"), 5, 43).getWeights();
    assertArrayEquals(a.get(0).toFloatArray(), b.get(0).toFloatArray());
    assertFalse(Arrays.equals(a.get(0).toFloatArray(), c.get(0).toFloatArray()));
  }

  @Test
  void multipliesOverTheLastAxisOfHigherRankInputs() {
    Dense dense = built(new Dense(2).kernelInitializer("ones"), 3, 1);
    Tensor y = dense.call(Tensor.ones(2, 4, 3), Phase.INFERENCE);
    assertArrayEquals(new int[] {2, 4, 2}, y.shape());
    assertArrayEquals(new int[] {7, 2}, dense.outputShape(new int[] {7, 3}));
    for (float v : y.toFloatArray()) {
      assertEquals(3f, v);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -3})
  void rejectsUnitsBelowOne(int units) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new Dense(units));
    assertEquals("Dense: units must be a positive integer, got " + units, e.getMessage());
  }

  @Test
  void unknownActivationListsTheValidNames() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new Dense(3, "rleu"));
    assertTrue(e.getMessage().contains("'rleu'"), e.getMessage());
    assertTrue(e.getMessage().contains("relu, sigmoid, tanh"), e.getMessage());
  }

  @Test
  void unknownInitializerListsTheValidNames() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> new Dense(3).kernelInitializer("glorot"));
    assertTrue(e.getMessage().contains("'glorot'"), e.getMessage());
    assertTrue(e.getMessage().contains("glorot_uniform, glorot_normal"), e.getMessage());
  }

  @Test
  void callWithOtherFeaturesNamesTheLayerAndBothShapes() {
    Dense dense = built(new Dense(4).name("hidden"), 3, 1);
    ShapeMismatchException e =
        assertThrows(
            ShapeMismatchException.class, () -> dense.call(Tensor.zeros(2, 5), Phase.INFERENCE));
    assertEquals(
        "Dense 'hidden': expected input shape [3] (last axis 3, as built), got [5]",
        e.getMessage());
  }

  @Test
  void rejectsInputsWithoutAFeatureAxis() {
    Dense dense = built(new Dense(4), 3, 1);
    assertThrows(ShapeMismatchException.class, () -> dense.call(Tensor.zeros(5), Phase.INFERENCE));
    assertThrows(ShapeMismatchException.class, () -> dense.outputShape(new int[0]));
  }

  @Test
  void callBeforeBuildSaysSo() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> new Dense(2).call(Tensor.zeros(1, 2), Phase.INFERENCE));
    assertTrue(e.getMessage().contains("before build"), e.getMessage());
  }

  @Test
  void regularizationIsNullWithoutRegularizersAndSumsBothPenaltiesWithThem() {
    assertNull(built(new Dense(2), 3, 1).regularization());
    Dense dense =
        built(
            new Dense(2)
                .kernelInitializer("ones")
                .biasInitializer("ones")
                .kernelRegularizer(new L2())
                .biasRegularizer(new L1(0.5)),
            3,
            1);
    assertEquals(0.01 * 6 + 0.5 * 2, dense.regularization().item(), 1e-6);
  }

  @Test
  void configNamesEveryOptionAsKerasDoes() {
    Map<String, Object> config =
        new Dense(3, "relu").useBias(false).kernelInitializer("he_normal").name("d").config();
    assertEquals(
        List.of(
            "name",
            "units",
            "activation",
            "use_bias",
            "kernel_initializer",
            "bias_initializer",
            "kernel_regularizer",
            "bias_regularizer",
            "kernel_constraint",
            "bias_constraint"),
        List.copyOf(config.keySet()));
    assertEquals(
        Map.of(
            "class_name",
            "he_normal",
            "config",
            Map.of("scale", 2.0, "mode", "fan_in", "distribution", "truncated_normal")),
        config.get("kernel_initializer"));
  }

  @Test
  void buildingAgainKeepsTheWeightsAndStillChecksTheShape() {
    Dense dense = built(new Dense(2), 3, 1);
    Tensor kernel = dense.trainableWeights().get(0).value();
    dense.build(new int[] {3}, new SeededRandom(2));
    assertTrue(kernel == dense.trainableWeights().get(0).value());
    assertThrows(
        ShapeMismatchException.class, () -> dense.build(new int[] {4}, new SeededRandom(2)));
  }

  @Test
  void optionsThatShapeTheWeightsCannotChangeAfterBuild() {
    Dense dense = built(new Dense(2), 3, 1);
    assertThrows(IllegalStateException.class, () -> dense.useBias(false));
  }
}
