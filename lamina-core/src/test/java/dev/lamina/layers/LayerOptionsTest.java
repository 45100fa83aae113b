package dev.lamina.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.ShapeMismatchException;
import dev.lamina.Tensor;
import dev.lamina.random.SeededRandom;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Validation and small behaviours of the registries and the layers without weights. */
class LayerOptionsTest {

  @Test
  void unknownActivationNameListsEveryValidName() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new Activation("swiss"));
    assertEquals(
        "unknown activation 'swiss'; valid names: "
            + String.join(", ", ActivationFunctions.names()),
        e.getMessage());
  }

  @Test
  void nullActivationIsLinear() {
    Tensor x = Tensor.of(new float[] {-1, 2}, 1, 2);
    assertTrue(ActivationFunctions.get(null).apply(x) == x);
  }

  @Test
  void leakyReluFunctionAndLayerKeepTheirDifferentDefaults() {
    Tensor x = Tensor.of(new float[] {-10}, 1, 1);
    assertEquals(-2f, ActivationFunctions.get("leaky_relu").apply(x).get(0, 0), 1e-6f);
    LeakyReLU layer = new LeakyReLU();
    layer.build(new int[] {1}, new SeededRandom(1));
    assertEquals(-3f, layer.call(x, Phase.INFERENCE).get(0, 0), 1e-6f);
    assertThrows(IllegalArgumentException.class, () -> new LeakyReLU(-0.1));
  }

  @Test
  void softmaxRejectsTheBatchAxisAndAxesBeyondTheRank() {
    assertThrows(IllegalArgumentException.class, () -> new Softmax(0));
    Softmax softmax = new Softmax(3);
    ShapeMismatchException e =
        assertThrows(ShapeMismatchException.class, () -> softmax.outputShape(new int[] {4}));
    assertTrue(e.getMessage().contains("axis 3"), e.getMessage());
  }

  @Test
  void flattenKeepsTheBatchAndMultipliesTheRest() {
    Flatten flatten = new Flatten();
    flatten.build(new int[] {2, 3, 4}, new SeededRandom(1));
    assertArrayEquals(new int[] {24}, flatten.outputShape(new int[] {2, 3, 4}));
    assertArrayEquals(
        new int[] {5, 24}, flatten.call(Tensor.zeros(5, 2, 3, 4), Phase.TRAINING).shape());
  }

  @Test
  void inputDeclaresItsShapeAndRejectsAnother() {
    Input input = new Input(11);
    assertArrayEquals(new int[] {11}, input.declaredInputShape());
    assertEquals("InputLayer", input.className());
    ShapeMismatchException e =
        assertThrows(ShapeMismatchException.class, () -> input.outputShape(new int[] {12}));
    assertEquals("InputLayer: expected input shape [11], got [12]", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Input(0));
  }

  @Test
  void defaultNameIsKeptOnlyWhenTheUserChoseNone() {
    Dense named = new Dense(1).name("output");
    named.assignDefaultName("dense_3");
    assertEquals("output", named.name());
    Dense unnamed = new Dense(1);
    unnamed.assignDefaultName("dense_3");
    assertEquals("dense_3", unnamed.name());
  }

  @Test
  void unknownLayerClassListsTheRegisteredOnes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Layers.fromConfig("Conv3D", Map.of()));
    assertTrue(
        e.getMessage().startsWith("unknown layer class 'Conv3D'; registered: Dense, "),
        e.getMessage());
  }

  @Test
  void configOfTheWrongTypeNamesTheLayerAndOption() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Layers.fromConfig("Dense", Map.of("units", "many")));
    assertEquals("Dense config: option 'units' must be an integer, got many", e.getMessage());
    IllegalArgumentException missing =
        assertThrows(IllegalArgumentException.class, () -> Layers.fromConfig("Dense", Map.of()));
    assertEquals("Dense config: missing option 'units'", missing.getMessage());
  }

  @Test
  void configFromJsonNumbersReadsDoublesAsIntegers() {
    Layer dense =
        Layers.fromConfig("Dense", Map.of("units", 4.0, "input_shape", java.util.List.of(3.0)));
    assertArrayEquals(new int[] {3}, dense.declaredInputShape());
    assertEquals(4, ((Dense) dense).units());
  }

  @Test
  void regularizersRoundTripAndRejectNegativeFactors() {
    for (Regularizer r : new Regularizer[] {new L1(0.2), new L2(), new L1L2(0.1, 0.3)}) {
      assertEquals(r, Regularizer.fromConfig(r.className(), r.config()));
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new L2(-1));
    assertEquals("L2: l2 must be a finite number ≥ 0, got -1.0", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Regularizer.fromConfig("L3", Map.of()));
  }
}
