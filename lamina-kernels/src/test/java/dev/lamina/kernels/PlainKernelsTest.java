package dev.lamina.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The plain reference itself, against values worked out by hand. */
class PlainKernelsTest {
  private final Kernels plain = Kernels.plain();

  @Test
  void gemmInAllFourOrders() {
    // op(A) = [[1,2,3],[4,5,6]], op(B) = [[1,0],[0,1],[2,-1]] -> [[7,-1],[16,-1]]
    float[] a = {1, 2, 3, 4, 5, 6};
    float[] aT = {1, 4, 2, 5, 3, 6};
    float[] b = {1, 0, 0, 1, 2, -1};
    float[] bT = {1, 0, 2, 0, 1, -1};
    float[] expected = {7, -1, 16, -1};
    for (boolean transA : new boolean[] {false, true}) {
      for (boolean transB : new boolean[] {false, true}) {
        float[] c = new float[4];
        plain.gemm(transA, transB, 2, 2, 3, transA ? aT : a, 0, transB ? bT : b, 0, c, 0, false);
        assertArrayEquals(expected, c, transA + " " + transB);
      }
    }
  }

  @Test
  void gemmAccumulatesWhenAsked() {
    float[] c = {10, 20};
    plain.gemm(false, false, 1, 2, 1, new float[] {2}, 0, new float[] {3, 4}, 0, c, 0, true);
    assertArrayEquals(new float[] {16, 28}, c);
  }

  @Test
  void rowAndColumnKernels() {
    float[] m = {1, 2, 3, 4, 5, 6};
    float[] out = new float[6];
    plain.addRow(m, 0, new float[] {10, 20, 30}, 0, out, 0, 2, 3);
    assertArrayEquals(new float[] {11, 22, 33, 14, 25, 36}, out);
    float[] sums = new float[3];
    plain.sumColumns(m, 0, 2, 3, sums, 0);
    assertArrayEquals(new float[] {5, 7, 9}, sums);
  }

  @Test
  void reluAndItsGradient() {
    float[] x = {-2, 0, 3};
    float[] out = new float[3];
    plain.pointwise(Pointwise.RELU, x, out, 3);
    assertArrayEquals(new float[] {0, 0, 3}, out);
    plain.pointwiseBackward(Pointwise.RELU, x, out.clone(), new float[] {5, 6, 7}, out, 3);
    assertArrayEquals(new float[] {0, 0, 7}, out);
  }

  @Test
  void scaleAxpyExp() {
    float[] y = {1, 1};
    plain.axpy(2, new float[] {3, 4}, 0, y, 0, 2);
    assertArrayEquals(new float[] {7, 9}, y);
    plain.scale(0.5f, y, 0, y, 0, 2);
    assertArrayEquals(new float[] {3.5f, 4.5f}, y);
    plain.pointwise(Pointwise.EXPONENTIAL, new float[] {0, 1}, y, 2);
    assertArrayEquals(new float[] {1f, (float) Math.E}, y);
  }

  @Test
  void reductions() {
    float[] x = {3, -1, 7, 2};
    assertEquals(11f, plain.sum(x, 0, 4));
    assertEquals(7f, plain.max(x, 0, 4));
    assertEquals(Float.NEGATIVE_INFINITY, plain.max(x, 0, 0));
    assertEquals(0f, plain.sum(x, 2, 0));
  }

  @Test
  void windowMaximumKeepsTheFirstMaximumOfAWindow() {
    // three pixels of two channels: channel 0 ties at 5 (first wins), channel 1 meets a NaN
    float[] pixels = {5, -2, 1, Float.NaN, 5, 9};
    float[] maxima = new float[2];
    int[] positions = new int[2];
    plain.windowMaximum(pixels, new int[] {0, 2, 4}, 3, maxima, positions, 0, 2);
    assertArrayEquals(new float[] {5, Float.NaN}, maxima);
    assertArrayEquals(new int[] {0, 3}, positions);
    // a first pixel of negative infinity is still taken; a window wholly in padding takes none
    float[] low = {Float.NEGATIVE_INFINITY};
    plain.windowMaximum(low, new int[] {0}, 1, maxima, positions, 0, 1);
    assertArrayEquals(new int[] {0, 3}, positions);
    plain.windowMaximum(low, new int[0], 0, maxima, positions, 1, 1);
    assertArrayEquals(new float[] {Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY}, maxima);
    assertArrayEquals(new int[] {0, -1}, positions);
  }
}
