package dev.lamina.bench;

import dev.lamina.kernels.Kernels;
import dev.lamina.kernels.Pointwise;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Elementwise and reduction kernels, Vector API against the plain reference, on a 256×512 batch.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {VectorJvm.MODULE, VectorJvm.TRAP_LIMIT, VectorJvm.TYPE_PROFILES})
public class ElementwiseBenchmark {
  private static final int ROWS = 256;
  private static final int COLS = 512;

  @Param({"vector", "plain"})
  public String kernels;

  private Kernels impl;
  private final float[] x = new float[ROWS * COLS];
  private final float[] y = new float[ROWS * COLS];
  private final float[] out = new float[ROWS * COLS];
  private final float[] bias = new float[COLS];

  @Setup
  public void setUp() {
    Random random = new Random(3);
    for (int i = 0; i < x.length; i++) {
      x[i] = random.nextFloat() * 4 - 2;
      y[i] = random.nextFloat() * 4 - 2;
    }
    impl = kernels.equals("plain") ? Kernels.plain() : Kernels.get();
  }

  @Benchmark
  public float[] add() {
    impl.add(x, 0, y, 0, out, 0, x.length);
    return out;
  }

  @Benchmark
  public float[] addRow() {
    impl.addRow(x, 0, bias, 0, out, 0, ROWS, COLS);
    return out;
  }

  @Benchmark
  public float[] sumColumns() {
    impl.sumColumns(x, 0, ROWS, COLS, bias, 0);
    return bias;
  }

  @Benchmark
  public float[] reluBackward() {
    impl.pointwiseBackward(Pointwise.RELU, null, x, y, out, x.length);
    return out;
  }

  @Benchmark
  public float[] exp() {
    impl.pointwise(Pointwise.EXPONENTIAL, x, out, x.length);
    return out;
  }

  @Benchmark
  public float sum() {
    return impl.sum(x, 0, x.length);
  }
}
