package dev.lamina.bench.workloads;

import bench.harness.BenchData;
import bench.harness.CpuWatch;
import bench.harness.Repeats;
import bench.harness.Report;
import bench.harness.Workloads;
import dev.lamina.FitOptions;
import dev.lamina.History;
import dev.lamina.Sequential;
import dev.lamina.Tensor;
import java.util.function.IntFunction;

/**
 * W1–W4 with Lamina's public API: {@code Sequential.fit} without shuffling, timed from inside by a
 * {@link StepClock}. Data, sizes and timing rules are those of the peers (bench/README.md).
 */
final class TrainingWorkloads {
  static final String PEER = "lamina";

  private final Workloads w;

  TrainingWorkloads(Workloads w) {
    this.w = w;
  }

  /**
   * W1 and W3, and W1's variants ({@code W1-gelu}, see {@link Variant}): the median seconds per
   * epoch over the timed epochs.
   */
  void epochs(String name) {
    String wl = Variant.base(name);
    Variant variant = Variant.of(name);
    if (variant != Variant.PLAIN && w.has(wl + ".bn_momentum")) {
      throw new IllegalArgumentException("variants change the MLP workloads only, not " + wl);
    }
    BenchData.Regression data = BenchData.regression(w, wl);
    LaminaBench.dataInfo(name, BenchData.crc(data.x), BenchData.crc(data.y));
    Tensor x = Tensor.of(data.x, data.n, data.d).to(variant.dtype());
    Tensor y = Tensor.of(data.y, data.n, 1).to(variant.dtype());
    IntFunction<Sequential> model =
        w.has(wl + ".bn_momentum")
            ? r -> Models.batchNormDropout(w, wl, r)
            : r -> Models.mlp(w, wl, r, variant);
    int warmup = w.i(wl + ".warmup_epochs");
    int timed = w.i(wl + ".epochs");
    Repeats.clean(
        w,
        wl,
        r -> {
          StepClock clock = StepClock.epochs(warmup, timed);
          History h = model.apply(r).fit(x, y, options(wl, warmup + timed, clock));
          double[] seconds = clock.epochSeconds();
          Report.result(
              PEER,
              name,
              "s_per_epoch",
              r,
              Report.median(seconds),
              "epoch_min",
              Report.min(seconds),
              "epoch_max",
              Report.max(seconds),
              "final_loss",
              last(h),
              "foreign_cpu",
              clock.foreignCpu());
          return clock.foreignCpu();
        });
  }

  /** W2: samples per second over the timed epochs, after warm-up steps in a fit of their own. */
  void wide() {
    String wl = "W2";
    BenchData.Classification data = BenchData.classification(w, wl);
    LaminaBench.dataInfo(wl, BenchData.crc(data.x), BenchData.crc(data.label));
    Tensor x = Tensor.of(data.x, data.n, data.d);
    Tensor y = Tensor.of(data.oneHot(), data.n, data.classes);
    int batch = w.i(wl + ".batch");
    int warmupRows = Math.min(data.n, w.i(wl + ".warmup_steps") * batch);
    int epochs = w.i(wl + ".epochs");
    Repeats.clean(
        w,
        wl,
        r -> {
          Sequential model = Models.mlp(w, wl, r, Variant.PLAIN);
          model.fit(x.slice(0, 0, warmupRows), y.slice(0, 0, warmupRows), options(wl, 1, null));
          CpuWatch watch = new CpuWatch();
          long start = System.nanoTime();
          History h = model.fit(x, y, options(wl, epochs, null));
          double seconds = (System.nanoTime() - start) / 1e9;
          double foreign = watch.foreign();
          Report.result(
              PEER,
              wl,
              "samples_per_s",
              r,
              (double) data.n * epochs / seconds,
              "seconds",
              seconds,
              "final_loss",
              last(h),
              "foreign_cpu",
              foreign);
          return foreign;
        });
  }

  /** W4: microseconds per step over full batches only, cycling through the data. */
  void tinySteps() {
    String wl = "W4";
    BenchData.Regression data = BenchData.regression(w, wl);
    LaminaBench.dataInfo(wl, BenchData.crc(data.x), BenchData.crc(data.y));
    int batch = w.i(wl + ".batch");
    int rows = data.n / batch * batch;
    Tensor x = Tensor.of(data.x, data.n, data.d).slice(0, 0, rows);
    Tensor y = Tensor.of(data.y, data.n, 1).slice(0, 0, rows);
    int warmup = w.i(wl + ".warmup_steps");
    int steps = w.i(wl + ".steps");
    int epochs = (warmup + steps) / (rows / batch) + 1;
    Repeats.clean(
        w,
        wl,
        r -> {
          StepClock clock = StepClock.steps(warmup, steps);
          History h = Models.mlp(w, wl, r, Variant.PLAIN).fit(x, y, options(wl, epochs, clock));
          Report.result(
              PEER,
              wl,
              "us_per_step",
              r,
              clock.spanSeconds() / steps * 1e6,
              "final_loss",
              last(h),
              "foreign_cpu",
              clock.foreignCpu());
          return clock.foreignCpu();
        });
  }

  private FitOptions options(String wl, int epochs, StepClock clock) {
    FitOptions options =
        new FitOptions().epochs(epochs).batchSize(w.i(wl + ".batch")).shuffle(false).verbose(0);
    return clock == null ? options : options.callbacks(clock);
  }

  private static double last(History h) {
    double[] loss = h.get("loss");
    return loss.length == 0 ? Double.NaN : loss[loss.length - 1];
  }
}
