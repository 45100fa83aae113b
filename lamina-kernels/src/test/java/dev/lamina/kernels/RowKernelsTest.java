package dev.lamina.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.lamina.kernels.internal.KernelThreads;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A bias added to every row and the column sums of a gradient, at the sizes of a convolution's
 * batch × pixels rows: the active kernels give the plain loops' bits, split over any number of
 * threads (the adds by rows, the sums by columns, each column summed in row order).
 */
class RowKernelsTest {

  @ParameterizedTest
  @CsvSource({"2704, 32", "1936, 64", "40000, 1", "3000, 15", "2000, 33", "1500, 70"})
  void addRowAndSumColumnsGiveThePlainBitsAtAnyThreadCount(int rows, int cols) {
    Random random = new Random(rows * 31L + cols);
    float[] a = new float[rows * cols + 3];
    float[] row = new float[cols + 1];
    for (int i = 0; i < a.length; i++) {
      a[i] = (float) random.nextGaussian();
    }
    for (int j = 0; j < row.length; j++) {
      row[j] = (float) random.nextGaussian();
    }
    float[] expectedSum = new float[cols + 2];
    float[] expectedAdd = new float[rows * cols + 2];
    Kernels.plain().sumColumns(a, 3, rows, cols, expectedSum, 2);
    Kernels.plain().addRow(a, 3, row, 1, expectedAdd, 2, rows, cols);
    int before = KernelThreads.count();
    try {
      for (int threads = 1; threads <= 3; threads++) {
        KernelThreads.setCount(threads);
        float[] sum = new float[cols + 2];
        float[] added = new float[rows * cols + 2];
        Kernels.get().sumColumns(a, 3, rows, cols, sum, 2);
        Kernels.get().addRow(a, 3, row, 1, added, 2, rows, cols);
        assertArrayEquals(expectedSum, sum, "column sums, " + threads + " threads");
        assertArrayEquals(expectedAdd, added, "rows plus the row, " + threads + " threads");
      }
    } finally {
      KernelThreads.setCount(before);
    }
  }
}
