package dev.lamina.bench.workloads;

import bench.harness.CpuWatch;
import bench.harness.Report;
import dev.lamina.FitOptions;
import dev.lamina.Sequential;
import dev.lamina.Tensor;
import dev.lamina.layers.Conv2D;
import dev.lamina.layers.Dense;
import dev.lamina.layers.Dropout;
import dev.lamina.layers.Flatten;
import dev.lamina.layers.MaxPooling2D;
import dev.lamina.losses.SparseCategoricalCrossentropy;
import dev.lamina.optimizers.Adam;

/**
 * W6: training throughput of the Fashion-MNIST convnet (Conv2D 32 3×3 relu → MaxPool 2 → Conv2D 64
 * 3×3 relu → MaxPool 2 → Flatten → Dropout 0.5 → Dense 10 softmax; Adam, sparse categorical
 * cross-entropy, batch 128) in samples per second, on seeded uniform 28×28×1 images with uniform
 * labels, so that no peer depends on a dataset being installed. Sizes are the peers' in
 * bench/peers-w6: {@link #WARMUP_STEPS} steps in a fit of their own, then {@link #TIMED_STEPS}
 * steps timed, {@link #REPEATS} times with a fresh model.
 */
final class ConvnetWorkload {
  static final String WORKLOAD = "W6";
  static final int BATCH = 128;
  static final int WARMUP_STEPS = 5;
  static final int TIMED_STEPS = 40;
  static final int REPEATS = 3;

  private ConvnetWorkload() {}

  static void run() {
    int rows = TIMED_STEPS * BATCH;
    Tensor x = Tensor.randomUniform(6, 0, 1, rows, 28, 28, 1);
    java.util.Random random = new java.util.Random(7);
    float[] labels = new float[rows];
    for (int i = 0; i < rows; i++) {
      labels[i] = random.nextInt(10);
    }
    Tensor y = Tensor.of(labels, rows, 1);
    for (int r = 0; r < REPEATS; r++) {
      Sequential model = model(r);
      model.compile(new Adam(), new SparseCategoricalCrossentropy(), "accuracy");
      int warmupRows = WARMUP_STEPS * BATCH;
      model.fit(x.slice(0, 0, warmupRows), y.slice(0, 0, warmupRows), options());
      CpuWatch watch = new CpuWatch();
      long start = System.nanoTime();
      model.fit(x, y, options());
      double seconds = (System.nanoTime() - start) / 1e9;
      Report.result(
          TrainingWorkloads.PEER,
          WORKLOAD,
          "samples_per_s",
          r,
          rows / seconds,
          "seconds",
          seconds,
          "foreign_cpu",
          watch.foreign());
    }
  }

  private static FitOptions options() {
    return new FitOptions().batchSize(BATCH).epochs(1).shuffle(false).verbose(0);
  }

  private static Sequential model(int repeat) {
    return new Sequential(
            new Conv2D(32, 3, "relu").inputShape(28, 28, 1),
            new MaxPooling2D(2),
            new Conv2D(64, 3, "relu"),
            new MaxPooling2D(2),
            new Flatten(),
            new Dropout(0.5),
            new Dense(10, "softmax"))
        .seed(repeat);
  }
}
