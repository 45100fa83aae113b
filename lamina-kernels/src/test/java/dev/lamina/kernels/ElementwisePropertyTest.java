package dev.lamina.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Every elementwise and reduction kernel of the active implementation equals the plain reference on
 * random lengths (0, 1, around the vector length, long) and offsets.
 */
class ElementwisePropertyTest {

  /** A kernel applied to three input arrays and an output, all read or written from offset o. */
  @FunctionalInterface
  interface Call {
    void apply(Kernels kernels, float[] a, float[] b, float[] out, int o, int n);
  }

  enum Case {
    ADD((k, a, b, out, o, n) -> k.add(a, o, b, o, out, o, n)),
    SUB((k, a, b, out, o, n) -> k.sub(a, o, b, o, out, o, n)),
    MUL((k, a, b, out, o, n) -> k.mul(a, o, b, o, out, o, n)),
    DIV((k, a, b, out, o, n) -> k.div(a, o, b, o, out, o, n)),
    SCALE((k, a, b, out, o, n) -> k.scale(-1.75f, a, o, out, o, n)),
    DIVIDE_THEN_MULTIPLY((k, a, b, out, o, n) -> k.divideThenMultiply(a, o, 0.7f, b, o, out, o, n)),
    MULTIPLY_THEN_DIVIDE((k, a, b, out, o, n) -> k.multiplyThenDivide(a, o, b, o, 0.7f, out, o, n)),
    AXPY((k, a, b, out, o, n) -> k.axpy(0.5f, a, o, out, o, n)),
    SUM((k, a, b, out, o, n) -> out[0] = k.sum(a, o, n)),
    DOT((k, a, b, out, o, n) -> out[0] = k.dot(a, o, b, o, n)),
    MAX((k, a, b, out, o, n) -> out[0] = k.max(a, o, n)),
    // the matrix kernels take n as rows×cols + rest, cols from 1 to 37 (below and past a vector)
    ADD_ROW((k, a, b, out, o, n) -> k.addRow(a, o, b, o, out, o, rows(n), cols(n))),
    SUM_COLUMNS((k, a, b, out, o, n) -> k.sumColumns(a, o, rows(n), cols(n), out, o));

    @SuppressWarnings("ImmutableEnumChecker") // a stateless lambda
    final Call call;

    Case(Call call) {
      this.call = call;
    }
  }

  private static int cols(int n) {
    return 1 + n % 37;
  }

  private static int rows(int n) {
    return n / cols(n);
  }

  @Provide
  Arbitrary<Integer> length() {
    return Arbitraries.oneOf(
        Arbitraries.of(0, 1, 2, 7, 15, 16, 17, 31, 32, 33, 63, 64, 65),
        Arbitraries.integers().between(0, 300));
  }

  @Property(tries = 1500)
  void equalsPlainReference(
      @ForAll Case kernel,
      @ForAll("length") int n,
      @ForAll @IntRange(min = 0, max = 4) int offset,
      @ForAll long seed) {
    Random random = new Random(seed);
    float[] a = random(offset + n + 2, random);
    float[] b = random(offset + n + 2, random);
    float[] expected = random(offset + n + 2, random);
    float[] actual = expected.clone();
    kernel.call.apply(Kernels.plain(), a, b, expected, offset, n);
    kernel.call.apply(Kernels.get(), a, b, actual, offset, n);
    double total = 0;
    for (int i = 0; i < n; i++) {
      total += Math.abs(a[offset + i]) * Math.max(1, Math.abs(b[offset + i]));
    }
    for (int i = 0; i < expected.length; i++) {
      if (!Float.isFinite(expected[i])) {
        assertEquals(expected[i], actual[i], kernel + " n=" + n + " at " + i);
        continue;
      }
      // reductions may add in another order: allow float rounding relative to Σ|a|·max(1, |b|)
      double tolerance = 1e-6 * Math.abs(expected[i]) + 1e-6 * total + 1e-7;
      assertEquals(expected[i], actual[i], tolerance, kernel + " n=" + n + " at " + i);
    }
  }

  /**
   * windowMaximum takes the same values and positions as the plain loop, bit for bit, over ties,
   * NaNs, infinities, windows of 0 to 9 pixels in any order, and nothing outside its output.
   */
  @Property(tries = 600)
  void windowMaximumEqualsPlainReference(
      @ForAll("length") int n,
      @ForAll @IntRange(min = 0, max = 9) int count,
      @ForAll @IntRange(min = 0, max = 4) int offset,
      @ForAll long seed) {
    Random random = new Random(seed);
    float[] special = {Float.NaN, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, -0f, 0f};
    float[] values = new float[offset + 10 * n];
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextInt(8) == 0 ? special[random.nextInt(5)] : random.nextInt(5) - 2;
    }
    int[] starts = new int[count];
    for (int r = 0; r < count; r++) {
      starts[r] = offset + random.nextInt(10) * n;
    }
    float[] maxima = new float[offset + n + 2];
    int[] positions = new int[offset + n + 2];
    Arrays.fill(maxima, 7f);
    Arrays.fill(positions, 99);
    float[] expectedMaxima = maxima.clone();
    int[] expectedPositions = positions.clone();
    Kernels.plain()
        .windowMaximum(values, starts, count, expectedMaxima, expectedPositions, offset, n);
    Kernels.get().windowMaximum(values, starts, count, maxima, positions, offset, n);
    for (int i = 0; i < maxima.length; i++) {
      assertEquals(
          Float.floatToRawIntBits(expectedMaxima[i]),
          Float.floatToRawIntBits(maxima[i]),
          "maximum n=" + n + " at " + i);
    }
    assertArrayEquals(expectedPositions, positions, "positions n=" + n);
  }

  /**
   * Every activation and its gradient equal the plain float loops to a few float roundings: the
   * vector loops use the Vector API's exp, expm1 and tanh and evaluate in float lanes.
   */
  @Property(tries = 600)
  void activationsEqualPlainReference(
      @ForAll Pointwise f, @ForAll("length") int n, @ForAll boolean backward, @ForAll long seed) {
    Random random = new Random(seed);
    float[] x = random(n, random);
    float[] g = random(n, random);
    float[] y = new float[n];
    Kernels.plain().pointwise(f, x, y, n);
    float[] expected = new float[n];
    float[] actual = new float[n];
    if (backward) {
      Kernels.plain().pointwiseBackward(f, x, y, g, expected, n);
      Kernels.get().pointwiseBackward(f, f.needsInput() ? x : null, y, g, actual, n);
    } else {
      expected = y;
      Kernels.get().pointwise(f, x, actual, n);
    }
    for (int i = 0; i < n; i++) {
      assertEquals(
          expected[i],
          actual[i],
          2e-6 * Math.abs(expected[i]) + 1e-6,
          f + (backward ? " backward" : "") + " n=" + n + " at " + i + " x=" + x[i]);
    }
  }

  /**
   * An element's value and gradient have the same bits wherever it sits in the array (a vector lane
   * or the last partial vector), so a row predicts the same alone or in any batch.
   */
  @Property(tries = 300)
  void anElementsBitsDoNotDependOnItsPosition(
      @ForAll Pointwise f,
      @ForAll("length") int n,
      @ForAll @IntRange(min = 0, max = 40) int shift,
      @ForAll long seed) {
    Random random = new Random(seed);
    float[] x = random(n, random);
    float[] g = random(n, random);
    float[] y = new float[n];
    float[] gx = new float[n];
    Kernels.get().pointwise(f, x, y, n);
    Kernels.get().pointwiseBackward(f, x, y, g, gx, n);
    int k = Math.min(shift, n);
    float[] xs = java.util.Arrays.copyOfRange(x, k, n);
    float[] ys = new float[n - k];
    float[] gs = new float[n - k];
    Kernels.get().pointwise(f, xs, ys, n - k);
    Kernels.get().pointwiseBackward(f, xs, ys, java.util.Arrays.copyOfRange(g, k, n), gs, n - k);
    assertArrayEquals(java.util.Arrays.copyOfRange(y, k, n), ys, f + " values, shift " + k);
    assertArrayEquals(java.util.Arrays.copyOfRange(gx, k, n), gs, f + " gradients, shift " + k);
  }

  /** The loops write in place when input and output are one array, as the ops use them. */
  @Property(tries = 200)
  void activationsWorkInPlace(@ForAll Pointwise f, @ForAll("length") int n, @ForAll long seed) {
    float[] x = random(n, new Random(seed));
    float[] expected = new float[n];
    Kernels.get().pointwise(f, x, expected, n);
    Kernels.get().pointwise(f, x, x, n);
    assertArrayEquals(expected, x, f + " n=" + n);
  }

  /** Values in [-4, 4), with exact zeros mixed in so relu's boundary is exercised. */
  private static float[] random(int length, Random random) {
    float[] x = new float[length];
    for (int i = 0; i < length; i++) {
      x[i] = random.nextInt(10) == 0 ? 0f : (float) (random.nextDouble() * 8 - 4);
    }
    return x;
  }
}
