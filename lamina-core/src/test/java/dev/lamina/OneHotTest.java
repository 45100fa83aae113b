package dev.lamina;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.losses.SparseCategoricalCrossentropy;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Tensor#oneHot} as Keras's {@code ops.one_hot}, and the reason it is an operation: inside a
 * workspace a sparse loss's targets are the same tensor each step, so the whole loss and its
 * gradient are recomputed in place.
 */
class OneHotTest {

  @Test
  void putsAOneAtEachIndexInANewLastAxis() {
    Tensor rows = Tensor.of(new float[] {2, 0, 1}, 3).oneHot(3);
    assertArrayEquals(new int[] {3, 3}, rows.shape());
    assertArrayEquals(new float[] {0, 0, 1, 1, 0, 0, 0, 1, 0}, rows.toFloatArray());
    Tensor column = Tensor.of(new float[] {1, 0}, 2, 1).oneHot(2);
    assertArrayEquals(new int[] {2, 1, 2}, column.shape());
    assertArrayEquals(new float[] {0, 1, 1, 0}, column.toFloatArray());
  }

  @Test
  void rejectsIndicesOutsideTheClassesOrNotWhole() {
    for (float bad : new float[] {3, -1, 1.5f, Float.NaN}) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class, () -> Tensor.of(new float[] {0, bad}, 2).oneHot(3));
      assertTrue(e.getMessage().contains("at 1 is outside [0, 3)"), e.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> Tensor.of(new float[] {0}, 1).oneHot(0));
  }

  @Test
  void aWorkspaceStepRewritesTheSameRowsAndTheSparseLossAfterThem() {
    Tensor labels = Tensor.of(new float[] {1, 0, 2}, 3);
    Tensor logits = Tensor.of(new float[] {1, 2, 0, 0.5f, -1, 3, 2, 2, 1}, 3, 3);
    SparseCategoricalCrossentropy loss = new SparseCategoricalCrossentropy();
    Workspace steps = new Workspace();
    Tensor[] firstRows = new Tensor[1];
    Tensor[] firstLoss = new Tensor[1];
    for (int step = 0; step < 2; step++) {
      if (step == 1) {
        labels.floats[0] = 2; // a new batch copied into the same input tensor, as fit does
      }
      try (Workspace s = steps.step(0)) {
        Tensor rows = labels.oneHot(3);
        Tensor value = loss.compute(labels, logits.softmax(-1), null);
        List<Tensor> grads = Gradients.of(value, List.of(logits));
        if (step == 0) {
          firstRows[0] = rows;
          firstLoss[0] = value;
        } else {
          assertSame(firstRows[0], rows);
          assertArrayEquals(new float[] {0, 0, 1, 1, 0, 0, 0, 0, 1}, rows.toFloatArray());
          assertSame(firstLoss[0], value);
          assertEquals(expectedLoss(labels, logits), value.item(), 1e-6);
          assertEquals(1, grads.size());
        }
      }
    }
  }

  /** Σ −log softmax(logits)[label] / rows, by hand. */
  private static double expectedLoss(Tensor labels, Tensor logits) {
    float[] z = logits.toFloatArray();
    double total = 0;
    for (int r = 0; r < 3; r++) {
      double norm = 0;
      for (int c = 0; c < 3; c++) {
        norm += Math.exp(z[r * 3 + c]);
      }
      total -= Math.log(Math.exp(z[r * 3 + (int) labels.floats[r]]) / norm);
    }
    return total / 3;
  }
}
