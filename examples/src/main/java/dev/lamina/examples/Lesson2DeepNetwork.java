package dev.lamina.examples;

import dev.lamina.FitOptions;
import dev.lamina.History;
import dev.lamina.Sequential;
import dev.lamina.losses.MeanAbsoluteError;
import dev.lamina.optimizers.Adam;
import java.util.Locale;

/**
 * Lesson 2, deep neural networks: the concrete mix (8 standardized inputs) → compressive strength
 * in MPa with Dense(512, relu) three times and a linear Dense(1), trained with Adam on the mean
 * absolute error, batch 256, on a random 70/30 split.
 */
public final class Lesson2DeepNetwork {
  private static final String LESSON = "lesson2";

  private Lesson2DeepNetwork() {}

  /** The lowest validation MAE (MPa), its epoch (1-based), and the MAE of the mean guess. */
  public record Result(int epochs, int bestEpoch, double bestValMae, double meanGuessMae) {}

  public static Result run(int epochs, int verbose) {
    CourseData.Prepared data = CourseData.concrete(0, true);
    Sequential model = CourseModels.threeBy512(data.features(), 0);
    model.compile(new Adam(), new MeanAbsoluteError());
    if (verbose > 0) {
      System.out.print(model.summary());
    }
    History history =
        model.fit(
            data.xTrain(),
            data.yTrain(),
            new FitOptions()
                .batchSize(256)
                .epochs(epochs)
                .validationData(data.xValid(), data.yValid())
                .verbose(verbose));
    Curves.save(LESSON, "concrete", history);
    int best = history.bestEpoch("val_loss", false);
    return new Result(
        history.epochs(), best + 1, history.get("val_loss")[best], Baselines.meanGuessMae(data));
  }

  public static void main(String[] args) {
    Result r = run(args.length > 0 ? Integer.parseInt(args[0]) : 200, 2);
    System.out.printf(
        Locale.ROOT,
        "Concrete: best validation MAE %.2f MPa at epoch %d of %d (course: a few MPa, about 4-6;"
            + " guessing the training mean: %.2f MPa)%n",
        r.bestValMae(),
        r.bestEpoch(),
        r.epochs(),
        r.meanGuessMae());
  }
}
