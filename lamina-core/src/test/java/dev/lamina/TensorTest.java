package dev.lamina;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Creation, inspection, types, immutability and edge shapes (rank 0, zero sizes). */
class TensorTest {

  @Test
  void fixedApiReadsBackWhatWasGiven() {
    Tensor t = Tensor.of(new float[][] {{1, 2, 3}, {4, 5, 6}});
    assertArrayEquals(new int[] {2, 3}, t.shape());
    assertEquals(2, t.rank());
    assertEquals(6, t.size());
    assertEquals(6f, t.get(1, 2));
    assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, t.toFloatArray());
    assertArrayEquals(new float[] {4, 5, 6}, t.toArray2d()[1]);
    assertEquals(DType.FLOAT32, t.dtype());
    assertEquals(0.1f, Tensor.of(new double[][] {{0.1}}).get(0, 0));
  }

  @Test
  void columnsMakeTheRowMajorTensorOfTheirRows() {
    // 150 rows: past the 64-row blocks in which the columns are laid out
    int rows = 150;
    double[][] columns = new double[3][rows];
    double[][] sameAsRows = new double[rows][3];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < 3; c++) {
        columns[c][r] = r * 10 + c + 0.1;
        sameAsRows[r][c] = columns[c][r];
      }
    }
    Tensor t = Tensor.ofColumns(columns);
    assertArrayEquals(new int[] {rows, 3}, t.shape());
    assertArrayEquals(Tensor.of(sameAsRows).toFloatArray(), t.toFloatArray());
    columns[0][0] = 99;
    assertEquals(0.1f, t.get(0, 0), "the values were copied");
    assertArrayEquals(new int[] {0, 0}, Tensor.ofColumns().shape());
  }

  @Test
  void columnReadersFillEveryBlockOfRowsOnce() {
    // 130 rows: two whole blocks of 64 and a short one
    int rows = 130;
    List<ColumnValues> columns =
        List.of(
            (from, to, into) -> {
              for (int r = from; r < to; r++) {
                into[r - from] = r;
              }
            },
            (from, to, into) -> java.util.Arrays.fill(into, 0, to - from, -from));
    Tensor t = ColumnValues.tensorOf(rows, columns);
    assertArrayEquals(new int[] {rows, 2}, t.shape());
    for (int r = 0; r < rows; r++) {
      assertEquals(r, t.get(r, 0));
      assertEquals(-(r / 64 * 64), t.get(r, 1), "row " + r);
    }
    assertArrayEquals(new int[] {5, 0}, ColumnValues.tensorOf(5, List.of()).shape());
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> ColumnValues.tensorOf(-1, columns));
    assertEquals("ColumnValues.tensorOf: rows must be >= 0, got -1", error.getMessage());
  }

  @Test
  void valuesAreCopiedInAndOut() {
    float[] data = {1, 2};
    Tensor t = Tensor.of(data, 2);
    data[0] = 99;
    t.toFloatArray()[1] = 99;
    assertArrayEquals(new float[] {1, 2}, t.toFloatArray());
    int[] shape = t.shape();
    shape[0] = 5;
    assertArrayEquals(new int[] {2}, t.shape());
  }

  @Test
  void float64KeepsItsPrecision() {
    Tensor t = Tensor.ofDouble(new double[] {0.1, 1e-300}, 2);
    assertEquals(DType.FLOAT64, t.dtype());
    assertEquals(0.1, t.getDouble(0));
    assertArrayEquals(new double[] {0.1, 1e-300}, t.toDoubleArray());
    assertEquals(0f, t.get(1));
    assertEquals(DType.FLOAT64, t.add(Tensor.ones(2)).dtype(), "float32 promotes to float64");
    assertEquals((double) 0.1f, t.to(DType.FLOAT32).toDoubleArray()[0]);
  }

  @Test
  void factories() {
    assertArrayEquals(new float[] {0, 0, 0, 0}, Tensor.zeros(2, 2).toFloatArray());
    assertArrayEquals(new float[] {1, 1, 1}, Tensor.ones(3).toFloatArray());
    assertArrayEquals(new double[] {2.5, 2.5}, Tensor.full(DType.FLOAT64, 2.5, 2).toDoubleArray());
    assertEquals(7.0, Tensor.full(7, new int[0]).item());
    assertEquals(0, Tensor.scalar(DType.FLOAT32, 3).rank());
    assertArrayEquals(new float[] {0, 1, 2, 3}, Tensor.arange(4).toFloatArray());
  }

  @Test
  void randomValuesFollowTheSeedAndTheDistribution() {
    Tensor a = Tensor.randomNormal(42, 1, 2, 100, 100);
    assertArrayEquals(a.toFloatArray(), Tensor.randomNormal(42, 1, 2, 100, 100).toFloatArray());
    assertNotEquals(a.get(0, 0), Tensor.randomNormal(43, 1, 2, 100, 100).get(0, 0));
    double mean = a.mean().item();
    double std = Math.sqrt(a.sub(mean).square().mean().item());
    assertEquals(1, mean, 0.05);
    assertEquals(2, std, 0.05);
    Tensor u = Tensor.randomUniform(7, -3, 5, 10_000);
    assertTrue(u.min().item() >= -3 && u.max().item() < 5);
    assertEquals(1, u.mean().item(), 0.1);
  }

  @Test
  void itemNeedsOneElement() {
    assertEquals(3.0, Tensor.of(new float[] {3}, 1, 1).item());
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> Tensor.zeros(2).item());
    assertEquals("item: needs exactly one element, tensor has shape [2]", e.getMessage());
    assertThrows(IndexOutOfBoundsException.class, () -> Tensor.zeros(2).get(2));
  }

  @Test
  void detachCutsTheGraphAndKeepsTheValues() {
    Tensor x = Tensor.of(new float[] {1, 2}, 2);
    Tensor y = x.exp();
    assertSame(x, x.detach(), "a given tensor is already detached");
    assertNull(y.detach().gradFn());
    assertArrayEquals(y.toFloatArray(), y.detach().toFloatArray());
  }

  @Test
  void rankZeroAndEmptyTensorsWork() {
    Tensor s = Tensor.scalar(DType.FLOAT32, 2);
    assertEquals(5.0, s.add(3).item());
    assertArrayEquals(new int[] {2}, s.mul(Tensor.ones(2)).shape());
    assertEquals(0.0, Tensor.zeros(0, 3).sum().item());
    assertArrayEquals(new float[3], Tensor.zeros(0, 3).sum(0).toFloatArray());
    assertArrayEquals(new int[] {0, 3}, Tensor.zeros(0, 3).add(Tensor.ones(3)).shape());
    Tensor product = Tensor.zeros(2, 0).matmul(Tensor.zeros(0, 3));
    assertArrayEquals(new float[6], product.toFloatArray(), "an empty inner dimension sums to 0");
    assertEquals(
        List.of(4, 0),
        List.of(
            Tensor.zeros(4, 2).slice(1, 1, 1).shape()[0],
            Tensor.zeros(4, 2).slice(1, 1, 1).shape()[1]));
  }

  @Test
  void printsShapeTypeAndSmallValues() {
    assertEquals("Tensor[2] float32 [1.0, 2.0]", Tensor.of(new float[] {1, 2}, 2).toString());
    assertEquals("Tensor[20] float64 …", Tensor.zeros(DType.FLOAT64, 20).toString());
  }
}
