package dev.lamina.examples;

import dev.lamina.FitOptions;
import dev.lamina.History;
import dev.lamina.Sequential;
import dev.lamina.layers.BatchNormalization;
import dev.lamina.layers.Dense;
import dev.lamina.layers.Dropout;
import dev.lamina.layers.Layer;
import dev.lamina.losses.MeanAbsoluteError;
import dev.lamina.optimizers.Adam;
import dev.lamina.optimizers.Optimizer;
import dev.lamina.optimizers.SGD;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lesson 5, dropout and batch normalization, on data that is NOT scaled: red wine (quality 3–8)
 * with Dense(1024, relu) → Dropout(0.3) → BatchNormalization three times and Adam; then concrete
 * with plain SGD, where a BatchNormalization first layer acts as an adaptive input scaler, beside
 * the same network without any batch normalization.
 */
public final class Lesson5DropoutBatchNorm {
  private static final String LESSON = "lesson5";

  private Lesson5DropoutBatchNorm() {}

  /** A run's lowest validation MAE, its epoch (1-based), and the MAE of the mean guess. */
  public record Result(String run, double bestValMae, int bestEpoch, double meanGuessMae) {}

  /** Red wine, unscaled: the lesson's dropout and batch-normalization network, batch 256. */
  public static Result redWine(int epochs, int verbose) {
    List<Layer> layers = new ArrayList<>();
    for (int block = 0; block < 3; block++) {
      Dense dense = new Dense(1024, "relu");
      layers.add(block == 0 ? dense.inputShape(11) : dense);
      layers.add(new Dropout(0.3));
      layers.add(new BatchNormalization());
    }
    layers.add(new Dense(1));
    return train(
        "red-wine-dropout-batchnorm",
        CourseData.redWineUnscaled(0),
        new Sequential(layers.toArray(Layer[]::new)),
        new Adam(),
        256,
        epochs,
        verbose);
  }

  /**
   * Concrete, unscaled, trained with SGD (learning rate 0.01), batch 64: the 3 × 512 network with a
   * BatchNormalization layer first and after every hidden layer when {@code batchNorm}, else the
   * bare network, whose first steps are thrown far off by inputs in the hundreds.
   */
  public static Result concrete(boolean batchNorm, int epochs, int verbose) {
    List<Layer> layers = new ArrayList<>();
    if (batchNorm) {
      layers.add(new BatchNormalization().inputShape(8));
    }
    for (int block = 0; block < 3; block++) {
      Dense dense = new Dense(512, "relu");
      layers.add(block == 0 && !batchNorm ? dense.inputShape(8) : dense);
      if (batchNorm) {
        layers.add(new BatchNormalization());
      }
    }
    layers.add(new Dense(1));
    return train(
        batchNorm ? "concrete-batchnorm-first" : "concrete-no-batchnorm",
        CourseData.concrete(0, false),
        new Sequential(layers.toArray(Layer[]::new)),
        new SGD(),
        64,
        epochs,
        verbose);
  }

  private static Result train(
      String run,
      CourseData.Prepared data,
      Sequential model,
      Optimizer optimizer,
      int batchSize,
      int epochs,
      int verbose) {
    model.seed(0).compile(optimizer, new MeanAbsoluteError());
    if (verbose > 0) {
      System.out.print(model.summary());
    }
    History history =
        model.fit(
            data.xTrain(),
            data.yTrain(),
            new FitOptions()
                .batchSize(batchSize)
                .epochs(epochs)
                .validationData(data.xValid(), data.yValid())
                .verbose(verbose));
    Curves.save(LESSON, run, history);
    int best = history.bestEpoch("val_loss", false);
    double bestValue = best < 0 ? Double.NaN : history.get("val_loss")[best];
    return new Result(run, bestValue, best + 1, Baselines.meanGuessMae(data));
  }

  public static void main(String[] args) {
    int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    List<Result> results =
        List.of(redWine(epochs, 0), concrete(true, epochs, 0), concrete(false, epochs, 0));
    System.out.printf(
        Locale.ROOT, "%-28s %13s %9s %15s%n", "run", "min val MAE", "at epoch", "mean-guess MAE");
    for (Result r : results) {
      String best =
          Double.isNaN(r.bestValMae())
              ? String.format(Locale.ROOT, "%13s %9s", "diverged", "-")
              : String.format(Locale.ROOT, "%13.4f %9d", r.bestValMae(), r.bestEpoch());
      System.out.printf(Locale.ROOT, "%-28s %s %15.4f%n", r.run(), best, r.meanGuessMae());
    }
    System.out.println(
        "MAE in the data's own units (red wine: quality points; concrete: MPa)."
            + " Learning curves in "
            + Curves.ROOT.resolve(LESSON));
  }
}
