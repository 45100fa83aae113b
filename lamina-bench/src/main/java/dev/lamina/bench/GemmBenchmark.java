package dev.lamina.bench;

import dev.lamina.kernels.Kernels;
import dev.lamina.kernels.internal.KernelThreads;
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
 * GEMM at the ceiling shape and at the shapes of a dense network's forward and backward pass. Shape
 * is {@code order:m:n:k}; T in the order means that operand is stored transposed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {VectorJvm.MODULE, VectorJvm.TRAP_LIMIT, VectorJvm.TYPE_PROFILES})
public class GemmBenchmark {
  @Param({
    "NN:2048:2048:2048", // ceiling
    "NN:256:512:11", // first dense layer forward, batch 256
    "NN:256:512:512", // hidden layer forward
    "TN:512:512:256", // weight gradient Xᵀ·dY
    "NT:256:512:512", // input gradient dY·Wᵀ
  })
  public String shape;

  @Param({"1", "2"})
  public int threads;

  @Param({"vector", "plain"})
  public String kernels;

  private boolean transA;
  private boolean transB;
  private int m;
  private int n;
  private int k;
  private float[] a;
  private float[] b;
  private float[] c;
  private Kernels impl;

  @Setup(Level.Trial)
  public void setUp() {
    String[] f = shape.split(":");
    transA = f[0].charAt(0) == 'T';
    transB = f[0].charAt(1) == 'T';
    m = Integer.parseInt(f[1]);
    n = Integer.parseInt(f[2]);
    k = Integer.parseInt(f[3]);
    Random random = new Random(1);
    a = new float[m * k];
    b = new float[k * n];
    c = new float[m * n];
    for (int i = 0; i < a.length; i++) {
      a[i] = random.nextFloat() - 0.5f;
    }
    for (int i = 0; i < b.length; i++) {
      b[i] = random.nextFloat() - 0.5f;
    }
    KernelThreads.setCount(threads);
    impl = kernels.equals("plain") ? Kernels.plain() : Kernels.get();
  }

  @Benchmark
  public float[] gemm() {
    impl.gemm(transA, transB, m, n, k, a, 0, b, 0, c, 0, false);
    return c;
  }
}
