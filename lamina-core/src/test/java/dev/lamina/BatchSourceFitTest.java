package dev.lamina;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.layers.Dense;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** fit(BatchSource) trains whatever batch size the source yields, whatever FitOptions says. */
class BatchSourceFitTest {

  /** Yields the linear data in batches of {@code size}, in order. */
  private static BatchSource source(Tensor x, Tensor y, int size) {
    return new BatchSource() {
      @Override
      public Batches open(long seed) {
        int rows = x.shape()[0];
        return new Batches() {
          private int start;

          @Override
          public boolean hasNext() {
            return start < rows;
          }

          @Override
          public Batch next() {
            int end = Math.min(rows, start + size);
            Batch b = new Batch(x.slice(0, start, end), y.slice(0, start, end));
            start = end;
            return b;
          }

          @Override
          public void close() {}
        };
      }

      @Override
      public OptionalLong rowCount() {
        return OptionalLong.of(x.shape()[0]);
      }
    };
  }

  /**
   * What fit(x, y) gives with the same batches in the same order: the same loss per epoch and the
   * same final weights (to float rounding, as the in-memory path may fuse its steps).
   */
  private static void assertSameAsInMemoryFit(
      Sequential viaSource,
      History fromSource,
      Sequential inMemory,
      Tensor x,
      Tensor y,
      int batch) {
    History expected =
        inMemory.fit(x, y, new FitOptions().epochs(5).batchSize(batch).shuffle(false).verbose(0));
    assertArrayEquals(expected.get("loss"), fromSource.get("loss"), 1e-6);
    List<Tensor> want = inMemory.getWeights();
    List<Tensor> got = viaSource.getWeights();
    for (int i = 0; i < want.size(); i++) {
      assertArrayEquals(want.get(i).toFloatArray(), got.get(i).toFloatArray(), 1e-6f);
    }
    double[] loss = fromSource.get("loss");
    assertTrue(loss[4] < loss[0], "loss did not fall: " + Arrays.toString(loss));
  }

  @Test
  void buildsFromTheFirstBatchWhenNoInputShapeIsDeclared() {
    Tensor[] d = TrainingTest.linearData(100);
    Sequential model = new Sequential(new Dense(4, "relu"), new Dense(1)).seed(3);
    model.compile("adam", "mse");
    History h = model.fit(source(d[0], d[1], 16), new FitOptions().epochs(5).verbose(0));
    Sequential twin = new Sequential(new Dense(4, "relu"), new Dense(1)).seed(3);
    twin.compile("adam", "mse");
    assertSameAsInMemoryFit(model, h, twin, d[0], d[1], 16);
  }

  @Test
  void trainsWithBatchesLargerThanTheOptionsBatchSize() {
    Tensor[] d = TrainingTest.linearData(100);
    Sequential model = new Sequential(new Dense(1).inputShape(2)).seed(3);
    model.compile("adam", "mse");
    History h = model.fit(source(d[0], d[1], 64), new FitOptions().epochs(5).verbose(0));
    Sequential twin = new Sequential(new Dense(1).inputShape(2)).seed(3);
    twin.compile("adam", "mse");
    assertSameAsInMemoryFit(model, h, twin, d[0], d[1], 64);
  }
}
