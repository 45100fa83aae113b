package dev.lamina.bench;

import dev.lamina.kernels.KernelSelection;
import dev.lamina.kernels.Kernels;
import dev.lamina.kernels.internal.KernelThreads;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * Times C = op(A)·op(B) with the active kernels outside JMH, for bench/gemm: warm-up calls, then
 * repeats, reporting the best and the median. One line per case on standard output:
 *
 * <pre>
 * lamina case=NAME order=NN m=.. n=.. k=.. threads=T kernels=vector first_s=.. best_s=.. median_s=.. gflops=..
 * </pre>
 *
 * <p>first_s is the first, cold call (a fresh JVM: JIT and caches not warm yet).
 *
 * <p>preceded by one line saying what the kernels chose for this JVM, e.g. {@code lamina
 * kernels=vector width=256 registers=16 micro=4x16 mc=96 kc=1024 nc=1024 a=packed fma=yes
 * compares=yes longmul=yes}.
 *
 * <p>Arguments: {@code threads repeats case...} where a case is {@code name:order:m:n:k}, order
 * being NN, TN, NT or TT (T = that operand is stored transposed).
 */
public final class GemmTimer {
  private GemmTimer() {}

  public static void main(String[] args) {
    if (args.length < 3) {
      throw new IllegalArgumentException("usage: GemmTimer threads repeats name:order:m:n:k ...");
    }
    KernelThreads.setCount(Integer.parseInt(args[0]));
    System.out.println("lamina " + KernelSelection.describe());
    int repeats = Integer.parseInt(args[1]);
    for (int i = 2; i < args.length; i++) {
      System.out.println(time(args[i], repeats));
    }
  }

  private static String time(String spec, int repeats) {
    String[] f = spec.split(":");
    if (f.length != 5 || !f[1].matches("[NT][NT]")) {
      throw new IllegalArgumentException(
          "case must be name:order:m:n:k with order NN|TN|NT|TT, got " + spec);
    }
    boolean transA = f[1].charAt(0) == 'T';
    boolean transB = f[1].charAt(1) == 'T';
    int m = Integer.parseInt(f[2]);
    int n = Integer.parseInt(f[3]);
    int k = Integer.parseInt(f[4]);
    Random random = new Random(42);
    float[] a = randomArray(m * k, random);
    float[] b = randomArray(k * n, random);
    float[] c = new float[m * n];
    Kernels kernels = Kernels.get();
    double flops = 2.0 * m * n * k;
    // enough calls that a repeat lasts ~0.2 s at 100 GFLOP/s; large cases run once
    int calls = (int) Math.max(1, Math.min(100_000, 2e10 / Math.max(flops, 1)));
    double[] seconds = new double[repeats];
    double first = 0;
    for (int r = -3; r < repeats; r++) {
      long start = System.nanoTime();
      for (int call = 0; call < calls; call++) {
        kernels.gemm(transA, transB, m, n, k, a, 0, b, 0, c, 0, false);
      }
      double elapsed = (System.nanoTime() - start) / 1e9 / calls;
      if (r == -3) {
        first = elapsed;
      } else if (r >= 0) {
        seconds[r] = elapsed;
      }
    }
    Arrays.sort(seconds);
    double best = seconds[0];
    double median = seconds[repeats / 2];
    return String.format(
        Locale.ROOT,
        "lamina case=%s order=%s m=%d n=%d k=%d threads=%d kernels=%s first_s=%.9f best_s=%.9f"
            + " median_s=%.9f gflops=%.2f",
        f[0],
        f[1],
        m,
        n,
        k,
        KernelThreads.count(),
        kernels.name(),
        first,
        best,
        median,
        flops / best / 1e9);
  }

  private static float[] randomArray(int length, Random random) {
    float[] x = new float[length];
    for (int i = 0; i < length; i++) {
      x[i] = (float) (random.nextDouble() * 2 - 1);
    }
    return x;
  }
}
