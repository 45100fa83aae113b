package dev.lamina;

import dev.lamina.kernels.Conv2d;
import dev.lamina.kernels.Kernels;
import dev.lamina.kernels.PlainConvolution;
import dev.lamina.kernels.Pooling2d;
import dev.lamina.kernels.Window2d;
import java.util.Arrays;
import java.util.List;

/**
 * Differentiable convolution and pooling over channels-last images {@code (batch, height, width,
 * channels)}, each operation's forward and backward side by side: float32 on the fast kernels,
 * float64 (gradient checks) on their float64 definitions.
 */
public final class Convolutions {
  /**
   * The im2col columns, one buffer per thread grown to the largest convolution it has run: the
   * forward pass and both gradients each fill it before they read it, so it is never kept between
   * calls and training allocates no columns in the steady state.
   */
  private static final ThreadLocal<float[]> SCRATCH = ThreadLocal.withInitial(() -> new float[0]);

  private Convolutions() {}

  /**
   * The convolution of {@code input} (batch, height, width, channels) with {@code kernel}, whose
   * elements are in Keras's (kh, kw, channels, filters) order whatever its shape, plus {@code bias}
   * (filters) unless it is null: the result is (batch, outHeight, outWidth, filters). Adding the
   * bias here spares a broadcast over every output pixel and its reduction backwards.
   */
  public static Tensor conv2d(
      Tensor input, Tensor kernel, Tensor bias, Window2d window, int filters) {
    Tensor x = Elementwise.promoted(input, kernel);
    Tensor k = Elementwise.promoted(kernel, input);
    int batch = checkImages("conv2d", x, window);
    int channels = x.shape[3];
    if (k.size() != (long) window.windowSize() * channels * filters) {
      throw new ShapeMismatchException(
          "conv2d: a "
              + window.kernelHeight()
              + "×"
              + window.kernelWidth()
              + " kernel from "
              + channels
              + " channels to "
              + filters
              + " filters needs "
              + window.windowSize() * channels * filters
              + " weights, got shape "
              + Arrays.toString(k.shape)
              + " for input "
              + Arrays.toString(x.shape));
    }
    if (bias != null && (bias.rank() != 1 || bias.shape[0] != filters)) {
      throw ShapeMismatchException.of(
          "conv2d",
          "expected a bias of [" + filters + "] for the kernel, got shapes",
          bias.shape,
          k.shape);
    }
    Tensor b = bias == null ? null : bias.to(x.dtype);
    int[] shape = {batch, window.outHeight(), window.outWidth(), filters};
    int rows = batch * window.outPixels();
    Tensor y;
    if (x.floats != null) {
      float[] out = new float[rows * filters];
      Conv2d.forward(
          window,
          batch,
          channels,
          filters,
          x.floats,
          k.floats,
          out,
          scratch(window, batch, channels));
      if (b != null) {
        Kernels.get().addRow(out, 0, b.floats, 0, out, 0, rows, filters);
      }
      y = Storage.raw(shape, out);
    } else {
      double[] out = new double[rows * filters];
      PlainConvolution.forward(window, batch, channels, filters, x.doubles, k.doubles, out);
      for (int i = 0; b != null && i < out.length; i++) {
        out[i] += b.doubles[i % filters];
      }
      y = Storage.raw(shape, out);
    }
    BackwardRule rule =
        outputGradient -> {
          Tensor g = outputGradient.to(x.dtype);
          if (x.floats != null) {
            float[] dx = new float[x.floats.length];
            float[] dk = new float[k.floats.length];
            float[] columns = scratch(window, batch, channels);
            Conv2d.kernelGradient(
                window, batch, channels, filters, x.floats, g.floats, dk, columns);
            Conv2d.inputGradient(window, batch, channels, filters, g.floats, k.floats, dx, columns);
            Tensor db = null;
            if (b != null) {
              float[] sums = new float[filters];
              Kernels.get().sumColumns(g.floats, 0, rows, filters, sums, 0);
              db = Storage.raw(b.shape, sums);
            }
            return gradients(Storage.raw(x.shape, dx), Storage.raw(k.shape, dk), db);
          }
          double[] dx = new double[x.doubles.length];
          double[] dk = new double[k.doubles.length];
          PlainConvolution.backward(
              window, batch, channels, filters, x.doubles, k.doubles, g.doubles, dx, dk);
          Tensor db = null;
          if (b != null) {
            double[] sums = new double[filters];
            for (int i = 0; i < g.doubles.length; i++) {
              sums[i % filters] += g.doubles[i];
            }
            db = Storage.raw(b.shape, sums);
          }
          return gradients(Storage.raw(x.shape, dx), Storage.raw(k.shape, dk), db);
        };
    return b == null
        ? GradFn.record(y, "conv2d", rule, x, k)
        : GradFn.record(y, "conv2d", rule, x, k, b);
  }

  private static List<Tensor> gradients(Tensor dx, Tensor dk, Tensor db) {
    return db == null ? List.of(dx, dk) : List.of(dx, dk, db);
  }

  /** The largest value of each window, per channel; the gradient goes to the first maximum. */
  public static Tensor maxPool2d(Tensor input, Window2d window) {
    return pool2d(input, window, true);
  }

  /** The mean of each window's pixels inside the input, per channel. */
  public static Tensor averagePool2d(Tensor input, Window2d window) {
    return pool2d(input, window, false);
  }

  private static Tensor pool2d(Tensor x, Window2d window, boolean max) {
    String op = max ? "maxPool2d" : "averagePool2d";
    int batch = checkImages(op, x, window);
    int channels = x.shape[3];
    int[] shape = {batch, window.outHeight(), window.outWidth(), channels};
    int outSize = batch * window.outPixels() * channels;
    Tensor y;
    if (x.floats != null) {
      float[] out = new float[outSize];
      if (max) {
        Pooling2d.maxForward(window, batch, channels, x.floats, out);
      } else {
        Pooling2d.averageForward(window, batch, channels, x.floats, out);
      }
      y = Storage.raw(shape, out);
    } else {
      double[] out = new double[outSize];
      PlainConvolution.pool(max, window, batch, channels, x.doubles, out, null, null);
      y = Storage.raw(shape, out);
    }
    Tensor pooled = y;
    return GradFn.record(
        y,
        op,
        outputGradient -> {
          Tensor g = outputGradient.to(x.dtype);
          if (x.floats != null) {
            float[] dx = new float[x.floats.length];
            if (max) {
              Pooling2d.maxBackward(window, batch, channels, x.floats, pooled.floats, g.floats, dx);
            } else {
              Pooling2d.averageBackward(window, batch, channels, g.floats, dx);
            }
            return List.of(Storage.raw(x.shape, dx));
          }
          double[] dx = new double[x.doubles.length];
          PlainConvolution.pool(
              max, window, batch, channels, x.doubles, pooled.doubles, g.doubles, dx);
          return List.of(Storage.raw(x.shape, dx));
        },
        x);
  }

  /** The batch size, after checking that {@code x} is a batch of images the window was made for. */
  private static int checkImages(String op, Tensor x, Window2d window) {
    if (x.rank() != 4 || x.shape[1] != window.height() || x.shape[2] != window.width()) {
      throw new ShapeMismatchException(
          op
              + ": expected images of shape [batch, "
              + window.height()
              + ", "
              + window.width()
              + ", channels], got "
              + Arrays.toString(x.shape));
    }
    return x.shape[0];
  }

  private static float[] scratch(Window2d window, int batch, int channels) {
    int length = Conv2d.scratchLength(window, batch, channels);
    float[] scratch = SCRATCH.get();
    if (scratch.length < length) {
      scratch = new float[length];
      SCRATCH.set(scratch);
    }
    return scratch;
  }
}
