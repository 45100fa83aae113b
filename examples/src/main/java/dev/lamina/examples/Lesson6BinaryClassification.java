package dev.lamina.examples;

import dev.lamina.FitOptions;
import dev.lamina.History;
import dev.lamina.Sequential;
import dev.lamina.callbacks.EarlyStopping;
import dev.lamina.data.Datasets;
import dev.lamina.data.NumericColumn;
import dev.lamina.data.Table;
import dev.lamina.data.TableSplit;
import dev.lamina.layers.BatchNormalization;
import dev.lamina.layers.Dense;
import dev.lamina.layers.Dropout;
import dev.lamina.losses.BinaryCrossentropy;
import dev.lamina.optimizers.Adam;
import java.util.Locale;

/**
 * Lesson 6, binary classification. Ionosphere: drop the constant column V2, map good → 0 and bad →
 * 1, a 70/30 split; Dense(4, relu) → Dense(4, relu) → Dense(1, sigmoid) with Adam, binary
 * cross-entropy and binary accuracy, batch 512, early stopping (patience 10, min_delta 0.001, best
 * weights restored). Hotel cancellations: the preparation of {@link CourseData#hotel}; Dense(256,
 * relu) → BatchNormalization → Dropout(0.3) twice, then Dense(1, sigmoid), batch 512, early
 * stopping (patience 5, min_delta 0.001, best weights restored).
 */
public final class Lesson6BinaryClassification {
  private Lesson6BinaryClassification() {}

  /** Best validation loss and accuracy over the run, and the epochs it ran. */
  public record Result(int epochsRun, double bestValLoss, double bestValAccuracy) {}

  private static final String LESSON = "lesson6";

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
    return train("ionosphere", data, model, maxEpochs, 10, verbose);
  }

  /** Hotel cancellations; the result also holds the majority-class accuracy to beat. */
  public static HotelResult hotel(int maxEpochs, int verbose) {
    CourseData.Prepared data = CourseData.hotel(0);
    Sequential model =
        new Sequential(
                new Dense(256, "relu").inputShape(data.features()),
                new BatchNormalization(),
                new Dropout(0.3),
                new Dense(256, "relu"),
                new BatchNormalization(),
                new Dropout(0.3),
                new Dense(1, "sigmoid"))
            .seed(0);
    if (verbose > 0) {
      System.out.print(model.summary());
    }
    Result result = train("hotel", data, model, maxEpochs, 5, verbose);
    return new HotelResult(result, Baselines.majorityClassAccuracy(data));
  }

  /** The hotel run's result beside the accuracy of always guessing the more frequent class. */
  public record HotelResult(Result result, double majorityClassAccuracy) {}

  private static Result train(
      String run,
      CourseData.Prepared data,
      Sequential model,
      int maxEpochs,
      int patience,
      int verbose) {
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
                    new EarlyStopping()
                        .patience(patience)
                        .minDelta(0.001)
                        .restoreBestWeights(true)));
    Curves.save(LESSON, run, history);
    return new Result(
        history.epochs(),
        Curves.lowest(history, "val_loss"),
        Curves.highest(history, "val_binary_accuracy"));
  }

  /** Arguments: the most epochs for hotel (default 200), then for ionosphere (default 1000). */
  public static void main(String[] args) {
    int hotelEpochs = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int ionosphereEpochs = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    Result r = ionosphere(ionosphereEpochs, 0);
    System.out.printf(
        Locale.ROOT,
        "Ionosphere: %d epochs, best validation loss %.4f, best validation accuracy %.4f"
            + " (course: ≈0.3 or lower, ≈0.90 or better)%n",
        r.epochsRun(),
        r.bestValLoss(),
        r.bestValAccuracy());
    HotelResult hotel = hotel(hotelEpochs, 2);
    System.out.printf(
        Locale.ROOT,
        "Hotel: %d epochs, best validation loss %.4f, best validation accuracy %.4f"
            + " (course: ≈0.80-0.85; always guessing the majority class: %.4f)%n",
        hotel.result().epochsRun(),
        hotel.result().bestValLoss(),
        hotel.result().bestValAccuracy(),
        hotel.majorityClassAccuracy());
    System.out.println("Learning curves in " + Curves.ROOT.resolve(LESSON));
  }
}
