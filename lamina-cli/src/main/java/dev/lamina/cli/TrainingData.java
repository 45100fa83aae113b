package dev.lamina.cli;

import dev.lamina.FitOptions;
import dev.lamina.History;
import dev.lamina.Sequential;
import dev.lamina.Tensor;
import dev.lamina.data.Table;
import java.util.List;

/**
 * Where {@code lamina train} reads its rows, splits them, fits the preprocessing and trains the
 * network: on this machine ({@link #LOCAL}), or on a Spark cluster when {@link
 * Lamina#run(TrainingData, String...)} is given another.
 */
public interface TrainingData {
  TrainingData LOCAL = new LocalTrainingData();

  /** The bundled red-wine rows, trained on when {@code --data} is not given, and their name. */
  static Table bundledData() {
    return DataFiles.redWine();
  }

  String BUNDLED_NAME = DataFiles.DEFAULT_NAME;

  /** Reads and splits the rows of {@code settings.data()} and fits the preprocessing. */
  Prepared prepare(TrainSettings settings);

  /**
   * The rows, split and preprocessed; the training part stays where it was prepared and {@code
   * training} fits a network to it.
   *
   * @param warnings about the data, for the user (a column read as text because of a stray cell)
   * @param validation the validation rows' inputs and targets, or null when there are none
   */
  record Prepared(
      Preprocessing preprocessing,
      Counts counts,
      List<String> warnings,
      Tensor[] validation,
      Training training) {}

  /** Trains a network on the prepared training rows. */
  @FunctionalInterface
  interface Training {
    History fit(Sequential model, FitOptions options);
  }

  /**
   * Sizes for the report: {@code source} names the data, {@code rows} were read of which {@code
   * unlabelled} had no target, with {@code columns} columns.
   */
  record Counts(
      String source,
      long rows,
      long unlabelled,
      int columns,
      long trainingRows,
      long validationRows) {}
}
