package dev.lamina;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.layers.BatchNormalization;
import dev.lamina.layers.Dense;
import dev.lamina.layers.Dropout;
import dev.lamina.layers.Input;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SequentialTest {

  private static Sequential model(long seed) {
    return new Sequential(
            new Dense(6, "relu").inputShape(3),
            new Dropout(0.5),
            new BatchNormalization(),
            new Dense(2))
        .seed(seed);
  }

  private static final Tensor X = Tensor.of(new float[][] {{1, 2, 3}, {-1, 0.5f, 2}, {0, 0, 1}});

  @Test
  void sameSeedGivesBitIdenticalWeightsAndPredictionsOtherSeedsDiffer() {
    Sequential a = model(42);
    Sequential b = model(42);
    Sequential c = model(43);
    for (int i = 0; i < a.getWeights().size(); i++) {
      assertArrayEquals(a.getWeights().get(i).toFloatArray(), b.getWeights().get(i).toFloatArray());
    }
    assertArrayEquals(a.predict(X).toFloatArray(), b.predict(X).toFloatArray());
    assertFalse(Arrays.equals(a.predict(X).toFloatArray(), c.predict(X).toFloatArray()));
  }

  @Test
  void weightsComeInKerasOrderAndShapes() {
    List<int[]> shapes = model(1).getWeights().stream().map(Tensor::shape).toList();
    List<int[]> expected =
        List.of(
            new int[] {3, 6},
            new int[] {6},
            new int[] {6},
            new int[] {6},
            new int[] {6},
            new int[] {6},
            new int[] {6, 2},
            new int[] {2});
    assertEquals(expected.size(), shapes.size());
    for (int i = 0; i < expected.size(); i++) {
      assertArrayEquals(expected.get(i), shapes.get(i), "weight " + i);
    }
  }

  @Test
  void setWeightsRoundTripsAndRejectsBadCountsAndShapesNamingTheLayer() {
    Sequential a = model(1);
    Sequential b = model(2);
    b.setWeights(a.getWeights());
    assertArrayEquals(a.predict(X).toFloatArray(), b.predict(X).toFloatArray());
    IllegalArgumentException count =
        assertThrows(
            IllegalArgumentException.class, () -> b.setWeights(a.getWeights().subList(0, 3)));
    assertEquals("Sequential.setWeights: the model has 8 weights, got 3", count.getMessage());
    List<Tensor> wrong = new ArrayList<>(a.getWeights());
    wrong.set(6, Tensor.zeros(6, 3));
    IllegalArgumentException shape =
        assertThrows(IllegalArgumentException.class, () -> b.setWeights(wrong));
    assertTrue(shape.getMessage().contains("layer 'dense_1'"), shape.getMessage());
    assertTrue(shape.getMessage().contains("[6, 2]") && shape.getMessage().contains("[6, 3]"));
  }

  @Test
  void predictRejectsAWrongFeatureCount() {
    Sequential m = model(1);
    ShapeMismatchException e =
        assertThrows(ShapeMismatchException.class, () -> m.predict(Tensor.zeros(4, 5)));
    assertEquals(
        "Sequential.predict: model sequential expects input of shape (None, 3), got [4, 5]",
        e.getMessage());
  }

  @Test
  void predictRunsInBatchesInInferenceMode() {
    Sequential m = model(7);
    Tensor many = Tensor.randomNormal(3, 0, 1, 70, 3);
    float[] all = m.predict(many).toFloatArray();
    float[] batched = m.predict(many, 8).toFloatArray();
    assertArrayEquals(all, batched);
    assertArrayEquals(new int[] {70, 2}, m.predict(many).shape());
  }

  @Test
  void inputFirstDeclaresTheShapeAndIsNotALayer() {
    Sequential m = new Sequential(new Input(4), new Dense(2));
    assertEquals(1, m.layers().size());
    assertArrayEquals(new int[] {4}, m.inputShape());
    assertEquals(10, m.countParams());
  }

  @Test
  void unknownInputShapeIsReportedClearly() {
    Sequential m = new Sequential(new Dense(2));
    IllegalStateException e = assertThrows(IllegalStateException.class, m::countParams);
    assertTrue(e.getMessage().contains("inputShape"), e.getMessage());
  }
}
