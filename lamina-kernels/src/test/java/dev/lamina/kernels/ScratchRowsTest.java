package dev.lamina.kernels;

import static dev.lamina.kernels.OrderedSums.assertSameBits;
import static dev.lamina.kernels.OrderedSums.floats;

import java.util.Random;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The plain kernels' row loops, computed in scratch rows, give the bits of the definitions below,
 * element by element and with each column's terms added down the column from +0: for any shape,
 * offsets, values whose sums round differently in another order, specials, and a thread that meets
 * a narrower matrix after a wider one.
 */
class ScratchRowsTest {
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

  @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
  void rowUpdatesGiveTheDefinitionsBits(
      @ForAll @IntRange(min = 0, max = 40) int rows,
      @ForAll @IntRange(min = 0, max = 70) int cols,
      @ForAll @IntRange(min = 0, max = 3) int offset,
      @ForAll boolean specials,
      @ForAll long seed) {
    Random random = new Random(seed);
    float[] a = floats(offset + rows * cols + 2, specials, random);
    float[] row = floats(offset + cols, specials, random);
    float[][] columns = new float[6][];
    for (int c = 0; c < columns.length; c++) {
      columns[c] = floats(cols, specials, random);
    }
    Kernels plain = Kernels.plain();

    float[] expected = floats(a.length, false, random);
    float[] actual = expected.clone();
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        expected[offset + i * cols + j] = a[offset + i * cols + j] + row[offset + j];
      }
    }
    plain.addRow(a, offset, row, offset, actual, offset, rows, cols);
    assertSameBits(expected, actual, "added");

    int n = rows * cols;
    float[] expectedNormalized = new float[n];
    float[] expectedOut = new float[n];
    for (int i = 0; i < n; i++) {
      int j = i % cols;
      float x = (a[i] - columns[0][j]) * columns[1][j];
      expectedNormalized[i] = x;
      expectedOut[i] = x * columns[2][j] + columns[3][j];
    }
    float[] normalized = new float[n];
    float[] out = new float[n];
    plain.batchNormForward(
        a, rows, cols, columns[0], columns[1], columns[2], columns[3], normalized, out);
    assertSameBits(expectedNormalized, normalized, "normalized");
    assertSameBits(expectedOut, out, "normalization's output");

    float[] grad = floats(n, specials, random);
    for (int i = 0; i < n; i++) {
      int j = i % cols;
      expectedOut[i] =
          columns[4][j] * (grad[i] * rows - columns[5][j] - normalized[i] * columns[0][j]);
    }
    plain.batchNormBackward(grad, normalized, rows, cols, columns[4], columns[5], columns[0], out);
    assertSameBits(expectedOut, out, "normalization's input gradient");
  }

  @Property(tries = 100, edgeCases = EdgeCasesMode.NONE)
  void dropoutsScalingGivesTheDefinitionsBits(
      @ForAll @IntRange(min = 0, max = 5000) int n,
      @ForAll @IntRange(min = 0, max = 3) int aOffset,
      @ForAll @IntRange(min = 0, max = 3) int bOffset,
      @ForAll @IntRange(min = 0, max = 3) int outOffset,
      @ForAll boolean specials,
      @ForAll long seed) {
    Random random = new Random(seed);
    float[] a = floats(aOffset + n, specials, random);
    float[] b = floats(bOffset + n, specials, random);
    float divisor = (float) random.nextDouble();
    float[] divided = floats(outOffset + n + 1, false, random);
    float[] multiplied = divided.clone();
    float[] expectedDivided = divided.clone();
    float[] expectedMultiplied = divided.clone();
    for (int i = 0; i < n; i++) {
      expectedDivided[outOffset + i] = a[aOffset + i] / divisor * b[bOffset + i];
      expectedMultiplied[outOffset + i] = a[aOffset + i] * b[bOffset + i] / divisor;
    }
    Kernels.plain().divideThenMultiply(a, aOffset, divisor, b, bOffset, divided, outOffset, n);
    Kernels.plain().multiplyThenDivide(a, aOffset, b, bOffset, divisor, multiplied, outOffset, n);
    assertSameBits(expectedDivided, divided, "divided, then multiplied");
    assertSameBits(expectedMultiplied, multiplied, "multiplied, then divided");
  }
}
