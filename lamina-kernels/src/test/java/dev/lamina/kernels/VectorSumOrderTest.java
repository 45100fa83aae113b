package dev.lamina.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

/**
 * The Vector API sum adds in one stated order, so that its bits do not depend on whether the JIT
 * has compiled it: lane l sums elements l, l + L, l + 2L, … (L lanes), the lanes are added first to
 * last, then the tail past the last whole vector in order. Checked after enough calls for C2 to
 * have compiled the kernel (reduceLanes, used before, added in another order once compiled: History
 * values differed between runs on JDK 25).
 */
class VectorSumOrderTest {

  @Test
  void theVectorSumAddsInItsStatedOrderBeforeAndAfterCompilation() {
    Kernels vector = VectorKernels.INSTANCE;
    Random random = new Random(17);
    float[] a = new float[301];
    for (int round = 0; round < 200_000; round++) {
      int n = round % a.length;
      if (round % 1000 == 0) {
        for (int i = 0; i < a.length; i++) {
          a[i] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(9) - 4));
        }
      }
      float actual = vector.sum(a, 0, n);
      if (round % 97 == 0 || round > 199_000) {
        assertEquals(inStatedOrder(a, n), actual, 0f, "n=" + n + " round " + round);
      }
    }
  }

  private static float inStatedOrder(float[] a, int n) {
    int lanes = FloatVector.SPECIES_PREFERRED.length();
    int whole = n - n % lanes;
    float[] laneSums = new float[lanes];
    for (int i = 0; i < whole; i++) {
      laneSums[i % lanes] += a[i];
    }
    float total = 0;
    for (float laneSum : laneSums) {
      total += laneSum;
    }
    float tail = 0;
    for (int i = whole; i < n; i++) {
      tail += a[i];
    }
    return total + tail;
  }
}
