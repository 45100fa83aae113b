package dev.lamina.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lamina.kernels.internal.KernelThreads;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The fast float kernels ({@link Conv2d} on the active GEMM, {@link Pooling2d}) equal the float64
 * definitions in {@link PlainConvolution} on random shapes: strides, dilation, both paddings, odd
 * sizes, one channel and many, batches that span several chunks.
 */
class ConvolutionPropertyTest {

  /**
   * A random problem: the geometry {h, w, kh, kw, strideH, strideW, dilation, same ? 1 : 0}, the
   * batch, channels and filters.
   */
  record Problem(int[] geometry, int batch, int channels, int filters, long seed) {
    Window2d window() {
      return window(geometry[6]);
    }

    /** Without dilation: Keras's pooling has none, and it keeps windows off pure padding. */
    Window2d poolWindow() {
      return window(1);
    }

    private Window2d window(int dilation) {
      int[] g = geometry;
      return Window2d.of(g[0], g[1], g[2], g[3], g[4], g[5], dilation, dilation, g[7] == 1);
    }

    @Override
    public String toString() {
      return java.util.Arrays.toString(geometry)
          + " batch "
          + batch
          + " channels "
          + channels
          + " filters "
          + filters;
    }
  }

  @Provide
  Arbitrary<Problem> problems() {
    Arbitrary<Integer> size = Arbitraries.integers().between(1, 11);
    Arbitrary<Integer> kernel = Arbitraries.integers().between(1, 4);
    Arbitrary<Integer> step = Arbitraries.integers().between(1, 3);
    return Combinators.combine(
            size,
            size,
            kernel,
            kernel,
            step,
            step,
            Arbitraries.integers().between(1, 2),
            Arbitraries.of(true, false))
        .as((h, w, kh, kw, s, t, d, same) -> new int[] {h, w, kh, kw, s, t, d, same ? 1 : 0})
        .filter(
            a ->
                a[7] == 1
                    || (Window2d.span(a[2], a[6]) <= a[0] && Window2d.span(a[3], a[6]) <= a[1]))
        .flatMap(
            a ->
                Combinators.combine(
                        Arbitraries.integers().between(1, 5), Arbitraries.of(1, 2, 3, 8, 17),
                        Arbitraries.integers().between(1, 9), Arbitraries.longs())
                    .as(
                        (batch, channels, filters, seed) ->
                            new Problem(a, batch, channels, filters, seed)));
  }

  @Property(tries = 300)
  void convolutionEqualsDefinition(@ForAll("problems") Problem p) {
    checkConvolution(p);
  }

  @Test
  void aBatchOfSeveralChunksGivesTheSameBitsOnAnyNumberOfThreads() {
    // 28×28, 3×3, 8 channels: 48,672 column floats an image, 10 to a chunk of 512 Ki floats, so
    // 12 images are 2 chunks' worth, made 4 chunks of 3 images (a multiple of 4)
    Problem p = new Problem(new int[] {28, 28, 3, 3, 1, 1, 1, 0}, 12, 8, 5, 42);
    checkConvolution(p);
    int before = KernelThreads.count();
    try {
      float[][] oneThread = convolutionAndGradients(p, 1, 1);
      for (int[] threadsAndSlots : new int[][] {{2, 2}, {3, 3}, {3, 1}, {2, 4}}) {
        float[][] actual = convolutionAndGradients(p, threadsAndSlots[0], threadsAndSlots[1]);
        for (int i = 0; i < 3; i++) {
          assertArrayEquals(
              oneThread[i], actual[i], "result " + i + " at " + Arrays.toString(threadsAndSlots));
        }
      }
    } finally {
      KernelThreads.setCount(before);
    }
  }

  /**
   * Output, input gradient and kernel gradient on {@code threads} threads, with scratch sized while
   * the thread count was {@code slotsFor}.
   */
  private static float[][] convolutionAndGradients(Problem p, int threads, int slotsFor) {
    Window2d w = p.window();
    Random random = new Random(p.seed());
    float[] input = random(p.batch() * w.inPixels() * p.channels(), random);
    float[] kernel = random(w.windowSize() * p.channels() * p.filters(), random);
    float[] outputGradient = random(p.batch() * w.outPixels() * p.filters(), random);
    KernelThreads.setCount(slotsFor);
    float[] scratch = new float[Conv2d.scratchLength(w, p.batch(), p.channels(), p.filters())];
    KernelThreads.setCount(threads);
    float[] output = new float[outputGradient.length];
    float[] inputGradient = new float[input.length];
    float[] kernelGradient = new float[kernel.length];
    Conv2d.forward(w, p.batch(), p.channels(), p.filters(), input, kernel, output, scratch);
    Conv2d.inputGradient(
        w, p.batch(), p.channels(), p.filters(), outputGradient, kernel, inputGradient, scratch);
    Conv2d.kernelGradient(
        w, p.batch(), p.channels(), p.filters(), input, outputGradient, kernelGradient, scratch);
    return new float[][] {output, inputGradient, kernelGradient};
  }

  private static void checkConvolution(Problem p) {
    Window2d w = p.window();
    Random random = new Random(p.seed());
    float[] input = random(p.batch() * w.inPixels() * p.channels(), random);
    float[] kernel = random(w.windowSize() * p.channels() * p.filters(), random);
    float[] outputGradient = random(p.batch() * w.outPixels() * p.filters(), random);
    float[] scratch = new float[Conv2d.scratchLength(w, p.batch(), p.channels(), p.filters())];

    float[] output = new float[outputGradient.length];
    Conv2d.forward(w, p.batch(), p.channels(), p.filters(), input, kernel, output, scratch);
    double[] expected = new double[output.length];
    PlainConvolution.forward(
        w, p.batch(), p.channels(), p.filters(), wide(input), wide(kernel), expected);
    assertClose(expected, output, "output " + p);

    float[] inputGradient = random(input.length, random);
    Conv2d.inputGradient(
        w, p.batch(), p.channels(), p.filters(), outputGradient, kernel, inputGradient, scratch);
    float[] kernelGradient = random(kernel.length, random);
    Conv2d.kernelGradient(
        w, p.batch(), p.channels(), p.filters(), input, outputGradient, kernelGradient, scratch);
    double[] expectedInput = new double[input.length];
    double[] expectedKernel = new double[kernel.length];
    PlainConvolution.backward(
        w,
        p.batch(),
        p.channels(),
        p.filters(),
        wide(input),
        wide(kernel),
        wide(outputGradient),
        expectedInput,
        expectedKernel);
    assertClose(expectedInput, inputGradient, "input gradient " + p);
    assertClose(expectedKernel, kernelGradient, "kernel gradient " + p);
  }

  @Property(tries = 300)
  void poolingEqualsDefinition(@ForAll("problems") Problem p, @ForAll boolean max) {
    Window2d w = p.poolWindow();
    Random random = new Random(p.seed());
    // few distinct values, so that windows hold ties and max pooling must route to the first
    float[] input = new float[p.batch() * w.inPixels() * p.channels()];
    for (int i = 0; i < input.length; i++) {
      input[i] = random.nextInt(7) - 3;
    }
    float[] outputGradient = random(p.batch() * w.outPixels() * p.channels(), random);
    float[] output = random(outputGradient.length, random);
    float[] inputGradient = random(input.length, random);
    if (max) {
      int[] argmax = new int[output.length];
      Pooling2d.maxForward(w, p.batch(), p.channels(), input, output, argmax);
      Pooling2d.maxBackward(w, p.batch(), p.channels(), argmax, outputGradient, inputGradient);
    } else {
      Pooling2d.averageForward(w, p.batch(), p.channels(), input, output);
      Pooling2d.averageBackward(w, p.batch(), p.channels(), outputGradient, inputGradient);
    }
    double[] expectedOutput = new double[output.length];
    double[] expectedGradient = new double[input.length];
    PlainConvolution.pool(max, w, p.batch(), p.channels(), wide(input), expectedOutput, null, null);
    PlainConvolution.pool(
        max,
        w,
        p.batch(),
        p.channels(),
        wide(input),
        expectedOutput,
        wide(outputGradient),
        expectedGradient);
    assertClose(expectedOutput, output, (max ? "max" : "average") + " output " + p);
    assertClose(expectedGradient, inputGradient, (max ? "max" : "average") + " gradient " + p);
  }

  @Property(tries = 300)
  void windowStartsAreTheInsidePixelsInWindowOrder(
      @ForAll("problems") Problem p, @ForAll boolean dilated) {
    Window2d w = dilated ? p.window() : p.poolWindow();
    int first = 7;
    int pixelLength = p.channels();
    int[] starts = new int[w.windowSize()];
    for (int oy = 0; oy < w.outHeight(); oy++) {
      for (int ox = 0; ox < w.outWidth(); ox++) {
        int[] expected = new int[w.windowSize()];
        int count = 0;
        for (int ky = 0; ky < w.kernelHeight(); ky++) {
          for (int kx = 0; kx < w.kernelWidth(); kx++) {
            int y = w.inputRow(oy, ky);
            int x = w.inputColumn(ox, kx);
            if (y >= 0 && x >= 0) {
              expected[count++] = first + (y * w.width() + x) * pixelLength;
            }
          }
        }
        int inside = w.windowStarts(oy, ox, first, pixelLength, starts);
        assertArrayEquals(
            Arrays.copyOf(expected, count),
            Arrays.copyOf(starts, inside),
            "window at (" + oy + ", " + ox + ") of " + p);
      }
    }
  }

  @Test
  void samePaddingPutsTheOddPixelAtTheEndAsKerasDoes() {
    // 5 wide, window 2, stride 2: 3 outputs need 6 columns, so one padding column, on the right
    Window2d w = Window2d.of(5, 5, 2, 2, 2, 2, 1, 1, true);
    assertEquals(3, w.outWidth());
    assertEquals(0, w.padLeft());
    // 3×3 window on 4 wide with stride 1: 2 padding columns, one on each side
    Window2d centred = Window2d.of(4, 4, 3, 3, 1, 1, 1, 1, true);
    assertEquals(4, centred.outWidth());
    assertEquals(1, centred.padLeft());
  }

  @Test
  void validPaddingRejectsAWindowLargerThanTheInput() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Window2d.of(4, 6, 3, 3, 1, 1, 2, 2, false));
    assertEquals(
        "a window spanning 5×5 does not fit an input of 4×6 with valid padding", e.getMessage());
  }

  private static void assertClose(double[] expected, float[] actual, String what) {
    assertEquals(expected.length, actual.length, what);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], actual[i], 1e-4 * (1 + Math.abs(expected[i])), what + " at " + i);
    }
  }

  private static double[] wide(float[] values) {
    double[] wide = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      wide[i] = values[i];
    }
    return wide;
  }

  private static float[] random(int length, Random random) {
    float[] x = new float[length];
    for (int i = 0; i < length; i++) {
      x[i] = (float) (random.nextDouble() * 2 - 1);
    }
    return x;
  }
}
