package dev.lamina.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Adam's update over a range of the weights, float32 and float64, in vectors and with the plain
 * loop's roundings (no fused multiply-adds), so that both give equal weights. Where the JIT cannot
 * compile a vector sqrt ({@link LaneSqrt}) the whole range takes the plain loop.
 */
final class VectorAdam {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;

  private VectorAdam() {}

  static void range(
      float[] w,
      float[] g,
      float[] m,
      float[] v,
      int offset,
      int n,
      float alpha,
      float oneMinusBeta1,
      float oneMinusBeta2,
      float epsilon) {
    FloatVector c1 = FloatVector.broadcast(S, oneMinusBeta1);
    FloatVector c2 = FloatVector.broadcast(S, oneMinusBeta2);
    FloatVector step = FloatVector.broadcast(S, alpha);
    FloatVector eps = FloatVector.broadcast(S, epsilon);
    int i = 0;
    for (int bound = LaneSqrt.COMPILED ? S.loopBound(n) : 0; i < bound; i += S.length()) {
      int at = offset + i;
      FloatVector gi = FloatVector.fromArray(S, g, at);
      FloatVector mi = FloatVector.fromArray(S, m, at);
      FloatVector vi = FloatVector.fromArray(S, v, at);
      mi = mi.add(gi.sub(mi).mul(c1));
      vi = vi.add(gi.mul(gi).sub(vi).mul(c2));
      mi.intoArray(m, at);
      vi.intoArray(v, at);
      FloatVector wi = FloatVector.fromArray(S, w, at);
      wi.sub(mi.mul(step).div(vi.sqrt().add(eps))).intoArray(w, at);
    }
    PlainKernels.INSTANCE.adam(
        w, g, m, v, offset + i, n - i, alpha, oneMinusBeta1, oneMinusBeta2, epsilon);
  }

  static void range(
      double[] w,
      double[] g,
      double[] m,
      double[] v,
      int offset,
      int n,
      double alpha,
      double oneMinusBeta1,
      double oneMinusBeta2,
      double epsilon) {
    DoubleVector c1 = DoubleVector.broadcast(D, oneMinusBeta1);
    DoubleVector c2 = DoubleVector.broadcast(D, oneMinusBeta2);
    DoubleVector step = DoubleVector.broadcast(D, alpha);
    DoubleVector eps = DoubleVector.broadcast(D, epsilon);
    int i = 0;
    for (int bound = LaneSqrt.COMPILED ? D.loopBound(n) : 0; i < bound; i += D.length()) {
      int at = offset + i;
      DoubleVector gi = DoubleVector.fromArray(D, g, at);
      DoubleVector mi = DoubleVector.fromArray(D, m, at);
      DoubleVector vi = DoubleVector.fromArray(D, v, at);
      mi = mi.add(gi.sub(mi).mul(c1));
      vi = vi.add(gi.mul(gi).sub(vi).mul(c2));
      mi.intoArray(m, at);
      vi.intoArray(v, at);
      DoubleVector wi = DoubleVector.fromArray(D, w, at);
      wi.sub(mi.mul(step).div(vi.sqrt().add(eps))).intoArray(w, at);
    }
    PlainKernels.INSTANCE.adam(
        w, g, m, v, offset + i, n - i, alpha, oneMinusBeta1, oneMinusBeta2, epsilon);
  }
}
