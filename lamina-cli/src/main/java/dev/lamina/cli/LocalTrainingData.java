package dev.lamina.cli;

import dev.lamina.Tensor;
import dev.lamina.data.Table;
import dev.lamina.data.TableSplit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code lamina train}'s rows on this machine: the CSV read into a table, rows without a target
 * left out, a seeded split (stratified for classification), the preprocessing fitted on the
 * training part.
 */
final class LocalTrainingData implements TrainingData {
  @Override
  public Prepared prepare(TrainSettings settings) {
    Table table =
        settings.data() == null
            ? DataFiles.redWine()
            : DataFiles.read(settings.data(), Map.of(), settings.dataFormat());
    DataFiles.requireColumn(table, settings.target(), "--target");
    for (String column : settings.drop()) {
      DataFiles.requireColumn(table, column, "--drop");
      if (column.equals(settings.target())) {
        throw new BadInputException("--drop names the target column '" + column + "'");
      }
    }
    Table labelled = withTarget(table, settings.target());
    Task task = Task.resolve(settings.task(), labelled.column(settings.target()), table.source());
    TableSplit split = split(labelled, task, settings);
    Preprocessing.Fitted fitted =
        Preprocessing.fitTransform(split.train(), settings.target(), settings.drop(), task);
    Preprocessing preprocessing = fitted.preprocessing();
    List<String> warnings = strayTextWarnings(table, preprocessing, settings);
    Tensor x = fitted.inputs();
    Tensor y = preprocessing.targets(split.train());
    Counts counts =
        new Counts(
            settings.data() == null ? DataFiles.DEFAULT_NAME : settings.data().toString(),
            table.rowCount(),
            table.rowCount() - labelled.rowCount(),
            table.columnCount(),
            split.train().rowCount(),
            split.valid().rowCount());
    Tensor[] validation =
        split.valid().rowCount() == 0
            ? null
            : new Tensor[] {
              preprocessing.inputs(split.valid()), preprocessing.targets(split.valid())
            };
    return new Prepared(
        preprocessing, counts, warnings, validation, (model, options) -> model.fit(x, y, options));
  }

  /** Rows without a target value cannot teach anything; they are left out. */
  private static Table withTarget(Table table, String targetName) {
    var target = table.column(targetName);
    Table labelled = table.filter(row -> !target.isMissing(row));
    if (labelled.rowCount() < 2) {
      throw new BadInputException(
          table.source()
              + ": the target column '"
              + targetName
              + "' has values in "
              + labelled.rowCount()
              + " rows; training needs at least 2");
    }
    return labelled;
  }

  private static TableSplit split(Table table, Task task, TrainSettings settings) {
    if (settings.validationSplit() == 0) {
      return new TableSplit(table, table.head(0));
    }
    double trainFraction = 1 - settings.validationSplit();
    return task.isClassification()
        ? table.stratifiedSplit(settings.target(), trainFraction, settings.seed())
        : table.split(trainFraction, settings.seed());
  }

  /**
   * A warning for each column read as text only because of a few cells that are not numbers, naming
   * the first such cell as {@code predict} would.
   */
  private static List<String> strayTextWarnings(
      Table table, Preprocessing preprocessing, TrainSettings settings) {
    List<String> warnings = new ArrayList<>();
    if (settings.data() == null) {
      return warnings;
    }
    for (String column : StrayTextCells.columns(table)) {
      if (column.equals(settings.target()) || settings.drop().contains(column)) {
        continue;
      }
      String where = DataFiles.firstNonNumber(settings.data(), column, settings.dataFormat());
      String skipped = preprocessing.skippedColumns().get(column);
      warnings.add(
          where
              + "; so '"
              + column
              + "' is read as text"
              + (skipped == null ? " (one-hot encoded)" : " and skipped (" + skipped + ")")
              + ": fix or empty the cell, or --drop the column");
    }
    return warnings;
  }
}
