package dev.lamina.kernels;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Products with a single output column (a Dense layer with one unit, forward and kernel gradient),
 * where the blocked GEMM would pad the column to a whole micro-tile and do 2·16 times the work. B
 * is then one contiguous vector of k values, stored either way round.
 */
final class VectorGemv {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

  private VectorGemv() {}

  /** c[i] (+)= Σ_p op(A)[i, p]·x[p] for i in [0, m), op(A) being m×k. */
  static void multiply(
      boolean transA,
      int m,
      int k,
      float[] a,
      int aOffset,
      float[] x,
      int xOffset,
      float[] c,
      int cOffset,
      boolean accumulate) {
    if (transA) {
      rowsTimesVector(m, k, a, aOffset, x, xOffset, c, cOffset, accumulate);
    } else {
      for (int i = 0; i < m; i++) {
        float dot = dot(a, aOffset + i * k, x, xOffset, k);
        c[cOffset + i] = accumulate ? c[cOffset + i] + dot : dot;
      }
    }
  }

  private static float dot(float[] a, int aOffset, float[] x, int xOffset, int k) {
    FloatVector sum = FloatVector.zero(S);
    int p = 0;
    for (int bound = S.loopBound(k); p < bound; p += S.length()) {
      sum =
          MultiplyAdd.fma(
              FloatVector.fromArray(S, a, aOffset + p),
              FloatVector.fromArray(S, x, xOffset + p),
              sum);
    }
    float[] lanes = VectorKernels.laneRoom();
    sum.intoArray(lanes, 0);
    float total = VectorKernels.sumInLaneOrder(lanes);
    for (; p < k; p++) {
      total += a[aOffset + p] * x[xOffset + p];
    }
    return total;
  }

  /**
   * A stored k×m: c = Σ_p x[p]·(row p of A), streaming A once in stored order while c stays in L1.
   */
  private static void rowsTimesVector(
      int m,
      int k,
      float[] a,
      int aOffset,
      float[] x,
      int xOffset,
      float[] c,
      int cOffset,
      boolean accumulate) {
    if (!accumulate) {
      Arrays.fill(c, cOffset, cOffset + m, 0f);
    }
    int bound = S.loopBound(m);
    for (int p = 0; p < k; p++) {
      float xp = x[xOffset + p];
      int row = aOffset + p * m;
      FloatVector factor = FloatVector.broadcast(S, xp);
      int i = 0;
      for (; i < bound; i += S.length()) {
        MultiplyAdd.fma(
                FloatVector.fromArray(S, a, row + i),
                factor,
                FloatVector.fromArray(S, c, cOffset + i))
            .intoArray(c, cOffset + i);
      }
      for (; i < m; i++) {
        c[cOffset + i] += a[row + i] * xp;
      }
    }
  }
}
