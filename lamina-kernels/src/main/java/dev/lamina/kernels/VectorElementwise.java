package dev.lamina.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The elementwise loops of two arrays, or of an array and a scalar, over one range on the calling
 * thread; {@link ElementwiseSplit} runs them, whole or in parts over the threads. Each operation is
 * spelled out: a loop taking its operator as a parameter defeats the intrinsic and boxes.
 */
final class VectorElementwise {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final PlainKernels TAIL = PlainKernels.INSTANCE;

  private VectorElementwise() {}

  static void add(
      float[] a, int aOffset, float[] b, int bOffset, float[] out, int outOffset, int n) {
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += S.length()) {
      FloatVector.fromArray(S, a, aOffset + i)
          .add(FloatVector.fromArray(S, b, bOffset + i))
          .intoArray(out, outOffset + i);
    }
    TAIL.add(a, aOffset + i, b, bOffset + i, out, outOffset + i, n - i);
  }

  static void sub(
      float[] a, int aOffset, float[] b, int bOffset, float[] out, int outOffset, int n) {
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += S.length()) {
      FloatVector.fromArray(S, a, aOffset + i)
          .sub(FloatVector.fromArray(S, b, bOffset + i))
          .intoArray(out, outOffset + i);
    }
    TAIL.sub(a, aOffset + i, b, bOffset + i, out, outOffset + i, n - i);
  }

  static void mul(
      float[] a, int aOffset, float[] b, int bOffset, float[] out, int outOffset, int n) {
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += S.length()) {
      FloatVector.fromArray(S, a, aOffset + i)
          .mul(FloatVector.fromArray(S, b, bOffset + i))
          .intoArray(out, outOffset + i);
    }
    TAIL.mul(a, aOffset + i, b, bOffset + i, out, outOffset + i, n - i);
  }

  static void div(
      float[] a, int aOffset, float[] b, int bOffset, float[] out, int outOffset, int n) {
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += S.length()) {
      FloatVector.fromArray(S, a, aOffset + i)
          .div(FloatVector.fromArray(S, b, bOffset + i))
          .intoArray(out, outOffset + i);
    }
    TAIL.div(a, aOffset + i, b, bOffset + i, out, outOffset + i, n - i);
  }

  static void scale(float alpha, float[] a, int aOffset, float[] out, int outOffset, int n) {
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += S.length()) {
      FloatVector.fromArray(S, a, aOffset + i).mul(alpha).intoArray(out, outOffset + i);
    }
    TAIL.scale(alpha, a, aOffset + i, out, outOffset + i, n - i);
  }

  static void divideThenMultiply(
      float[] a,
      int aOffset,
      float divisor,
      float[] b,
      int bOffset,
      float[] out,
      int outOffset,
      int n) {
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += S.length()) {
      FloatVector.fromArray(S, a, aOffset + i)
          .div(divisor)
          .mul(FloatVector.fromArray(S, b, bOffset + i))
          .intoArray(out, outOffset + i);
    }
    TAIL.divideThenMultiply(a, aOffset + i, divisor, b, bOffset + i, out, outOffset + i, n - i);
  }

  static void multiplyThenDivide(
      float[] a,
      int aOffset,
      float[] b,
      int bOffset,
      float divisor,
      float[] out,
      int outOffset,
      int n) {
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += S.length()) {
      FloatVector.fromArray(S, a, aOffset + i)
          .mul(FloatVector.fromArray(S, b, bOffset + i))
          .div(divisor)
          .intoArray(out, outOffset + i);
    }
    TAIL.multiplyThenDivide(a, aOffset + i, b, bOffset + i, divisor, out, outOffset + i, n - i);
  }
}
