package dev.lamina.bench;

import dev.lamina.FitOptions;
import dev.lamina.Sequential;
import dev.lamina.Tensor;
import dev.lamina.bench.workloads.Models;
import dev.lamina.bench.workloads.Variant;
import dev.lamina.losses.MeanAbsoluteError;
import dev.lamina.optimizers.Adam;
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
 * Training steps through {@code Sequential.fit} on W1's model (11→512→512→512→1 relu, Adam, MAE,
 * batch 256), the same with {@code L2(1e-4)} on every kernel ({@code W1-l2}) and W4's (11→16→1,
 * batch 32): one fit call of {@code steps} full batches per operation. Run with {@code -prof gc}
 * (bench/alloc does): the difference in allocated bytes per operation between 20 and 60 steps, over
 * 40, is what one steady-state step allocates; the rest is fit's own setup and its first step,
 * which makes the step's buffers.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {VectorJvm.MODULE, VectorJvm.TRAP_LIMIT, VectorJvm.TYPE_PROFILES})
public class TrainingStepBenchmark {

  @Param({"W1", "W1-l2", "W4"})
  public String workload;

  @Param({"20", "60"})
  public int steps;

  private Sequential model;
  private Tensor x;
  private Tensor y;
  private FitOptions options;

  @Setup
  public void setUp() {
    boolean w1 = Variant.base(workload).equals("W1");
    int batch = w1 ? 256 : 32;
    int[] hidden = w1 ? new int[] {512, 512, 512} : new int[] {16};
    model =
        Models.mlp(
            11,
            hidden,
            1,
            11,
            Variant.of(workload),
            new Adam(1e-3).epsilon(1e-7),
            new MeanAbsoluteError());
    Random random = new Random(1001);
    int rows = batch * steps;
    float[] features = new float[rows * 11];
    float[] targets = new float[rows];
    for (int i = 0; i < features.length; i++) {
      features[i] = (float) random.nextGaussian();
    }
    for (int i = 0; i < rows; i++) {
      targets[i] = (float) Math.tanh(features[i * 11]);
    }
    x = Tensor.of(features, rows, 11);
    y = Tensor.of(targets, rows, 1);
    options = new FitOptions().epochs(1).batchSize(batch).shuffle(false).verbose(0);
  }

  @Benchmark
  public Object fit() {
    return model.fit(x, y, options);
  }
}
