package dev.lamina.bench;

import dev.lamina.kernels.Conv2d;
import dev.lamina.kernels.Pooling2d;
import dev.lamina.kernels.Window2d;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The convolution and pooling kernels of W6's convnet (bench/compare), batch 128: each layer's
 * forward pass and the gradients its training step computes. Layer is {@code
 * conv:height:channels:filters} (3×3, valid) or {@code pool:height:channels} (2×2).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {VectorJvm.MODULE, VectorJvm.TRAP_LIMIT, VectorJvm.TYPE_PROFILES})
public class ConvolutionBenchmark {
  private static final int BATCH = 128;

  @Param({"conv:28:1:32", "conv:13:32:64", "pool:26:32", "pool:11:64"})
  public String layer;

  private Window2d window;
  private int channels;
  private int filters;
  private float[] input;
  private float[] kernel;
  private float[] output;
  private float[] outputGradient;
  private float[] inputGradient;
  private float[] kernelGradient;
  private int[] argmax;
  private float[] scratch;

  @Setup(Level.Trial)
  public void setUp() {
    String[] f = layer.split(":");
    int size = Integer.parseInt(f[1]);
    channels = Integer.parseInt(f[2]);
    boolean conv = f[0].equals("conv");
    filters = conv ? Integer.parseInt(f[3]) : channels;
    window =
        conv
            ? Window2d.of(size, size, 3, 3, 1, 1, 1, 1, false)
            : Window2d.of(size, size, 2, 2, 2, 2, 1, 1, false);
    Random random = new Random(5);
    input = random(BATCH * window.inPixels() * channels, random);
    kernel = random(window.windowSize() * channels * filters, random);
    output = new float[BATCH * window.outPixels() * filters];
    outputGradient = random(output.length, random);
    inputGradient = new float[input.length];
    kernelGradient = new float[kernel.length];
    argmax = new int[output.length];
    scratch = new float[Conv2d.scratchLength(window, BATCH, channels, filters)];
    if (!conv) {
      Pooling2d.maxForward(window, BATCH, channels, input, output, argmax);
    }
  }

  private static float[] random(int length, Random random) {
    float[] values = new float[length];
    for (int i = 0; i < length; i++) {
      values[i] = random.nextFloat() * 2 - 1;
    }
    return values;
  }

  /** Conv2d's forward pass, or max pooling's. */
  @Benchmark
  public float[] forward() {
    if (isConvolution()) {
      Conv2d.forward(window, BATCH, channels, filters, input, kernel, output, scratch);
    } else {
      Pooling2d.maxForward(window, BATCH, channels, input, output, argmax);
    }
    return output;
  }

  /** The input gradient: a convolution's (skipped for W6's first layer) or max pooling's. */
  @Benchmark
  public float[] inputGradient() {
    if (isConvolution()) {
      Conv2d.inputGradient(
          window, BATCH, channels, filters, outputGradient, kernel, inputGradient, scratch);
    } else {
      Pooling2d.maxBackward(window, BATCH, channels, argmax, outputGradient, inputGradient);
    }
    return inputGradient;
  }

  /** A convolution's kernel gradient (pooling has none: the input gradient again). */
  @Benchmark
  public float[] kernelGradient() {
    if (!isConvolution()) {
      return inputGradient();
    }
    Conv2d.kernelGradient(
        window, BATCH, channels, filters, input, outputGradient, kernelGradient, scratch);
    return kernelGradient;
  }

  private boolean isConvolution() {
    return layer.startsWith("conv");
  }
}
