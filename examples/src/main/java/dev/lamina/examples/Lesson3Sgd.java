package dev.lamina.examples;

import dev.lamina.FitOptions;
import dev.lamina.History;
import dev.lamina.Sequential;
import dev.lamina.losses.MeanAbsoluteError;
import dev.lamina.optimizers.Adam;
import dev.lamina.optimizers.Optimizer;
import dev.lamina.optimizers.SGD;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lesson 3, stochastic gradient descent: the 3 × 512 regression network trained with the mean
 * absolute error under different optimizers, learning rates and batch sizes, on red wine (the [0,
 * 1]-scaled preparation, split seed 0, 10 epochs as the course) and on concrete (standardized
 * inputs, the course's fuel data being unavailable here). Prints one table row per run.
 */
public final class Lesson3Sgd {
  private static final String LESSON = "lesson3";

  private Lesson3Sgd() {}

  /** One training run: which data, which optimizer at which learning rate, batch and epochs. */
  public record Experiment(
      String dataset, String optimizer, double learningRate, int batchSize, int epochs) {
    String runName() {
      return String.format(
          Locale.ROOT,
          "%s-%s-lr%s-batch%d",
          dataset,
          optimizer.toLowerCase(Locale.ROOT),
          learningRate,
          batchSize);
    }

    Optimizer newOptimizer() {
      return optimizer.equals("SGD") ? new SGD(learningRate) : new Adam(learningRate);
    }
  }

  /** The outcome of one experiment: last training loss and lowest validation loss (MAE). */
  public record Row(Experiment experiment, double finalLoss, double bestValLoss) {}

  /** The course's experiments: its default first, then a larger step, then a smaller batch. */
  public static List<Experiment> courseExperiments(int redWineEpochs, int concreteEpochs) {
    List<Experiment> experiments = new ArrayList<>();
    for (String dataset : List.of("red-wine", "concrete")) {
      int epochs = dataset.equals("red-wine") ? redWineEpochs : concreteEpochs;
      experiments.add(new Experiment(dataset, "Adam", 0.001, 256, epochs));
      experiments.add(new Experiment(dataset, "Adam", 0.1, 256, epochs));
      experiments.add(new Experiment(dataset, "Adam", 0.001, 32, epochs));
      experiments.add(new Experiment(dataset, "SGD", 0.01, 32, epochs));
    }
    return experiments;
  }

  public static Row run(Experiment experiment) {
    CourseData.Prepared data =
        experiment.dataset().equals("red-wine")
            ? CourseData.redWine(0)
            : CourseData.concrete(0, true);
    Sequential model = CourseModels.threeBy512(data.features(), 0);
    model.compile(experiment.newOptimizer(), new MeanAbsoluteError());
    History history =
        model.fit(
            data.xTrain(),
            data.yTrain(),
            new FitOptions()
                .batchSize(experiment.batchSize())
                .epochs(experiment.epochs())
                .validationData(data.xValid(), data.yValid())
                .verbose(0));
    Curves.save(LESSON, experiment.runName(), history);
    double[] loss = history.get("loss");
    return new Row(experiment, loss[loss.length - 1], Curves.lowest(history, "val_loss"));
  }

  public static void main(String[] args) {
    int redWineEpochs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int concreteEpochs = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    System.out.print(CourseModels.threeBy512(11, 0).summary());
    System.out.printf(
        Locale.ROOT,
        "%-9s %-9s %7s %6s %7s %11s %14s%n",
        "dataset",
        "optimizer",
        "lr",
        "batch",
        "epochs",
        "final loss",
        "best val loss");
    for (Experiment e : courseExperiments(redWineEpochs, concreteEpochs)) {
      Row row = run(e);
      System.out.printf(
          Locale.ROOT,
          "%-9s %-9s %7s %6d %7d %11.4f %14.4f%n",
          e.dataset(),
          e.optimizer(),
          e.learningRate(),
          e.batchSize(),
          e.epochs(),
          row.finalLoss(),
          row.bestValLoss());
    }
    System.out.println(
        "Loss: mean absolute error (red wine: quality scaled to [0, 1];"
            + " concrete: MPa). Learning curves in "
            + Curves.ROOT.resolve(LESSON));
  }
}
