package dev.lamina.kernels;

import static dev.lamina.kernels.OrderedSums.assertSameBits;
import static dev.lamina.kernels.OrderedSums.floats;

import java.util.Random;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The plain kernels' column sums, computed a row at a time, give the bits of the definitions below,
 * which add each column's terms down the column from +0: for any shape, offsets, values whose sums
 * round differently in another order, specials, and a thread that meets a narrower matrix after a
 * wider one.
 */
class ColumnSumsTest {
  @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
  void sumsGiveTheDefinitionsBits(
      @ForAll @IntRange(min = 0, max = 40) int rows,
      @ForAll @IntRange(min = 0, max = 70) int cols,
      @ForAll @IntRange(min = 0, max = 3) int offset,
      @ForAll boolean specials,
      @ForAll long seed) {
    Random random = new Random(seed);
    float[] a = floats(offset + rows * cols, specials, random);
    float[] b = floats(rows * cols, specials, random);
    float[] center = floats(cols, specials, random);
    Kernels plain = Kernels.plain();

    float[] expected = floats(offset + cols + 1, false, random);
    float[] actual = expected.clone();
    for (int j = 0; j < cols; j++) {
      float total = 0f;
      for (int i = 0; i < rows; i++) {
        total += a[offset + i * cols + j];
      }
      expected[offset + j] = total;
    }
    plain.sumColumns(a, offset, rows, cols, actual, offset);
    assertSameBits(expected, actual, "sums");

    expected = new float[cols];
    actual = new float[cols];
    for (int j = 0; j < cols; j++) {
      float total = 0f;
      for (int i = 0; i < rows; i++) {
        float d = a[i * cols + j] - center[j];
        total += d * d;
      }
      expected[j] = total;
    }
    plain.sumSquaredDeviations(a, rows, cols, center, actual);
    assertSameBits(expected, actual, "squared deviations");

    for (int j = 0; j < cols; j++) {
      float total = 0f;
      for (int i = 0; i < rows; i++) {
        total += a[i * cols + j] * b[i * cols + j];
      }
      expected[j] = total;
    }
    plain.sumColumnProducts(a, b, rows, cols, actual);
    assertSameBits(expected, actual, "products");
  }
}
