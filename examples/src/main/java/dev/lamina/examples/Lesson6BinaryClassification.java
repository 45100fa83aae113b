package dev.lamina.examples;

import dev.lamina.FitOptions;
import dev.lamina.History;
import dev.lamina.Sequential;
import dev.lamina.callbacks.EarlyStopping;
import dev.lamina.data.Datasets;
import dev.lamina.data.NumericColumn;
import dev.lamina.data.Table;
import dev.lamina.data.TableSplit;
import dev.lamina.layers.Dense;
import dev.lamina.losses.BinaryCrossentropy;
import dev.lamina.optimizers.Adam;
import java.util.Locale;

/**
 * Lesson 6, binary classification on the ionosphere data: drop the constant column V2, map good →
 * 0 and bad → 1, a 70/30 split; Dense(4, relu) → Dense(4, relu) → Dense(1, sigmoid) with Adam,
 * binary cross-entropy and binary accuracy, batch 512, early stopping (patience 10, min_delta
 * 0.001, best weights restored).
 */
public final class Lesson6BinaryClassification {
  private Lesson6BinaryClassification() {}

  /** Best validation loss and accuracy over the run, and the epochs it ran. */
  public record Result(int epochsRun, double bestValLoss, double bestValAccuracy) {}

  public static Result ionosphere(int maxEpochs, int verbose) {
    Table table = Datasets.ionosphere().drop("V2");
    String[] labels = table.strings("Class").toArray();
    double[] target = new double[labels.length];
    for (int i = 0; i < labels.length; i++) {
      target[i] = labels[i].equals("bad") ? 1 : 0;
    }
    table = table.drop("Class").with(NumericColumn.of("Class", target));
    TableSplit split = table.split(0.7, 0);
    CourseData.Prepared data = CourseData.separate(split.train(), split.valid(), "Class");
    Sequential model =
        new Sequential(
                new Dense(4, "relu").inputShape(data.features()),
                new Dense(4, "relu"),
                new Dense(1, "sigmoid"))
            .seed(0);
    model.compile(new Adam(), new BinaryCrossentropy(), "binary_accuracy");
    History history =
        model.fit(
            data.xTrain(),
            data.yTrain(),
            new FitOptions()
                .batchSize(512)
                .epochs(maxEpochs)
                .validationData(data.xValid(), data.yValid())
                .verbose(verbose)
                .callbacks(
                    new EarlyStopping().patience(10).minDelta(0.001).restoreBestWeights(true)));
    double bestLoss = Double.POSITIVE_INFINITY;
    double bestAccuracy = 0;
    for (int e = 0; e < history.epochs(); e++) {
      bestLoss = Math.min(bestLoss, history.get("val_loss")[e]);
      bestAccuracy = Math.max(bestAccuracy, history.get("val_binary_accuracy")[e]);
    }
    return new Result(history.epochs(), bestLoss, bestAccuracy);
  }


  public static void main(String[] args) {
    Result r = ionosphere(1000, 0);
    System.out.printf(
        Locale.ROOT,
        "Ionosphere: %d epochs, best validation loss %.4f, best validation accuracy %.4f"
            + " (course: ≈0.3 or lower, ≈0.90 or better)%n",
        r.epochsRun(), r.bestValLoss(), r.bestValAccuracy());
  }
}
