package dev.lamina.cli;

import dev.lamina.FitOptions;
import dev.lamina.History;
import dev.lamina.Sequential;
import dev.lamina.Tensor;
import dev.lamina.callbacks.BackupAndRestore;
import dev.lamina.callbacks.Callback;
import dev.lamina.callbacks.EarlyStopping;
import dev.lamina.callbacks.ModelCheckpoint;
import dev.lamina.callbacks.TerminateOnNaN;
import dev.lamina.data.Table;
import dev.lamina.data.TableSplit;
import dev.lamina.files.AtomicFile;
import dev.lamina.report.HtmlReport;
import dev.lamina.report.LearningCurves;
import dev.lamina.report.TrainingReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code lamina train}: read, split, fit the preprocessing on the training part, train with
 * early stopping (restoring the best weights) and a best-only checkpoint, then write the run
 * folder. The checkpoint holds the network alone; the final model.lamina adds the preprocessing.
 */
final class TrainingRun {
  static final String MODEL_FILE = "model.lamina";

  static final String HISTORY_FILE = "history.csv";
  static final String CURVES_FILE = "learning-curves.png";
  static final String REPORT_FILE = "report.html";

  /** The files a run writes into its folder. */
  static final List<String> RUN_FILES = List.of(MODEL_FILE, HISTORY_FILE, CURVES_FILE, REPORT_FILE);

  /** What the run achieved; {@code bestEpoch} is 0-based. */
  record Result(
      Path out,
      String target,
      Task task,
      int bestEpoch,
      int epochsRun,
      Map<String, Double> bestLogs,
      long params,
      double seconds) {}

  /** Where the state for {@code --resume} is kept between epochs, until the run completes. */
  static final String BACKUP_DIR = "backup";

  private final TrainSettings settings;
  private final Fitter fitter;
  private final boolean resuming;

  /** @param resuming whether to continue from the backup an interrupted run left in the folder */
  TrainingRun(TrainSettings settings, Fitter fitter, boolean resuming) {
    this.settings = settings;
    this.fitter = fitter;
    this.resuming = resuming;
  }

  Result run() {
    Table table = settings.data() == null ? DataFiles.redWine()
        : DataFiles.read(settings.data(), Map.of(), settings.dataFormat());
    DataFiles.requireColumn(table, settings.target(), "--target");
    for (String column : settings.drop()) {
      DataFiles.requireColumn(table, column, "--drop");
      if (column.equals(settings.target())) {
        throw new BadInputException("--drop names the target column '" + column + "'");
      }
    }
    Table labelled = withTarget(table);
    Task task = settings.task() != null ? settings.task()
        : Task.infer(labelled.column(settings.target()));
    if (task.isClassification()) {
      TargetCodes.requireClasses(labelled.column(settings.target()), task, table.source());
    }
    TableSplit split = split(labelled, task);
    Preprocessing preprocessing = Preprocessing.fit(split.train(), settings.target(), settings.drop(), task);
    List<String> warnings = strayTextWarnings(table, preprocessing);
    warnings.forEach(warning -> System.err.println("lamina train: warning: " + warning));
    Tensor x = preprocessing.inputs(split.train());
    Tensor y = preprocessing.targets(split.train());

    NetworkSpec network = NetworkSpec.of(settings, task, preprocessing);
    Sequential model = network.build();
    Path out = settings.out();
    // a run killed mid-write into this folder may have left hidden temporary files
    RUN_FILES.forEach(name -> AtomicFile.deleteLeftovers(out.resolve(name)));
    Path modelFile = out.resolve(MODEL_FILE);
    boolean validated = split.valid().rowCount() > 0;
    String monitor = validated ? "val_loss" : "loss";
    EarlyStopping stopping = new EarlyStopping().monitor(monitor).patience(settings.patience())
        .minDelta(settings.minDelta()).restoreBestWeights(true);
    ModelCheckpoint checkpoint = new ModelCheckpoint(modelFile).monitor(monitor).saveBestOnly(true);
    TerminateOnNaN nanGuard = new TerminateOnNaN();
    BackupAndRestore backup = backup(out);
    Callback[] callbacks = backup == null ? new Callback[] {nanGuard, stopping, checkpoint}
        : new Callback[] {nanGuard, stopping, checkpoint, backup};
    FitOptions options = new FitOptions().batchSize(settings.batchSize()).epochs(settings.epochs())
        .callbacks(callbacks).verbose(1)
        .out(settings.json() ? System.err : System.out);
    if (validated) {
      options.validationData(preprocessing.inputs(split.valid()),
          preprocessing.targets(split.valid()));
    }
    long start = System.nanoTime();
    // a resumed run's model file is a checkpoint of this same run
    FileTime earlierModel = resuming ? null : lastModified(modelFile);
    History history = fitter.fit(model, x, y, options);
    double seconds = (System.nanoTime() - start) / 1e9;
    if (nanGuard.terminatedAt() != null) {
      restoreCheckpoint(model, modelFile, earlierModel, nanGuard.terminatedAt());
    }

    model.save(modelFile, Map.of(Preprocessing.EXTRA_NAME, preprocessing.toJson()));
    history.writeCsv(out.resolve(HISTORY_FILE));
    int best = stopping.bestEpoch();
    byte[] png = LearningCurves.png(history, best);
    LearningCurves.write(png, out.resolve(CURVES_FILE));
    Map<String, Double> bestLogs = logsAt(history, best);
    HtmlReport.write(new TrainingReport(
        "Lamina training run: " + sourceName(), model.summary(),
        dataFacts(table, labelled, split, task, preprocessing, warnings),
        settings.describe(task, network.loss()), best, history.epochs(), bestLogs,
        logsAt(history, history.epochs() - 1), seconds, png), out.resolve(REPORT_FILE));
    if (nanGuard.terminatedAt() != null) {
      throw new BadInputException("the loss became NaN or infinite at "
          + nanGuard.terminatedAt() + " and training stopped (TerminateOnNaN); " + out
          + " holds the run up to then, and its model.lamina the weights of the last good "
          + "checkpoint (a lower --lr may help)");
    }
    if (backup != null) {
      delete(backup.file());
    }
    return new Result(out, settings.target(), task, best, history.epochs(), bestLogs,
        model.countParams(), seconds);
  }

  /**
   * The backup that {@code --resume} continues from, kept until the run folder is complete (so
   * that a kill while the report is written resumes after the last epoch, not from scratch). A
   * new run into a folder drops the backup of an earlier one there. Null for a fitter other
   * than the local one (a Spark cluster's loop keeps no such state).
   */
  private BackupAndRestore backup(Path out) {
    if (fitter != Fitter.LOCAL) {
      if (resuming) {
        throw new BadInputException("--resume works with local training only");
      }
      return null;
    }
    BackupAndRestore backup =
        new BackupAndRestore(out.resolve(BACKUP_DIR)).deleteCheckpoint(false);
    if (!resuming) {
      delete(backup.file());
    } else if (!Files.exists(backup.file()) && Files.exists(out.resolve(REPORT_FILE))) {
      throw new BadInputException("--resume " + out + ": the run there has finished (its "
          + REPORT_FILE + " is written); nothing to resume");
    }
    return backup;
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * After a non-finite loss the weights are damaged: the best checkpoint written before it
   * takes their place, or, when none was written yet, the run fails.
   */
  private static void restoreCheckpoint(
      Sequential model, Path modelFile, FileTime earlierModel, String where) {
    // a model file left by an earlier run in the same folder is no checkpoint of this one
    if (!Files.isRegularFile(modelFile) || lastModified(modelFile).equals(earlierModel)) {
      throw new BadInputException("the loss became NaN or infinite at " + where
          + ", before any checkpoint was written, and training stopped (TerminateOnNaN); no "
          + "model was saved (a lower --lr may help)");
    }
    model.setWeights(Sequential.load(modelFile).getWeights());
  }

  private static FileTime lastModified(Path file) {
    try {
      return Files.isRegularFile(file) ? Files.getLastModifiedTime(file) : null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Rows without a target value cannot teach anything; they are left out. */
  private Table withTarget(Table table) {
    var target = table.column(settings.target());
    Table labelled = table.filter(row -> !target.isMissing(row));
    if (labelled.rowCount() < 2) {
      throw new BadInputException(table.source() + ": the target column '" + settings.target()
          + "' has values in " + labelled.rowCount() + " rows; training needs at least 2");
    }
    return labelled;
  }

  private TableSplit split(Table table, Task task) {
    if (settings.validationSplit() == 0) {
      return new TableSplit(table, table.head(0));
    }
    double trainFraction = 1 - settings.validationSplit();
    return task.isClassification()
        ? table.stratifiedSplit(settings.target(), trainFraction, settings.seed())
        : table.split(trainFraction, settings.seed());
  }

  private String sourceName() {
    return settings.data() == null ? DataFiles.DEFAULT_NAME
        : String.valueOf(settings.data().getFileName());
  }

  /**
   * A warning for each column read as text only because of a few cells that are not numbers,
   * naming the first such cell as {@code predict} would.
   */
  private List<String> strayTextWarnings(Table table, Preprocessing preprocessing) {
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
      warnings.add(where + "; so '" + column + "' is read as text"
          + (skipped == null ? " (one-hot encoded)" : " and skipped (" + skipped + ")")
          + ": fix or empty the cell, or --drop the column");
    }
    return warnings;
  }

  private Map<String, String> dataFacts(Table table, Table labelled, TableSplit split, Task task,
      Preprocessing preprocessing, List<String> warnings) {
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("file", settings.data() == null ? DataFiles.DEFAULT_NAME
        : settings.data().toString());
    facts.put("rows", table.rowCount() + " (" + (table.rowCount() - labelled.rowCount())
        + " without a target left out)");
    facts.put("columns", Integer.toString(table.columnCount()));
    facts.put("target", settings.target());
    facts.put("task", task.cliName());
    if (task.isClassification()) {
      facts.put("classes", preprocessing.classes().toString());
    }
    facts.put("training rows", Integer.toString(split.train().rowCount()));
    facts.put("validation rows", Integer.toString(split.valid().rowCount()));
    facts.put("network inputs", Integer.toString(preprocessing.inputWidth()));
    facts.put("skipped columns", preprocessing.skippedColumns().isEmpty() ? "none"
        : preprocessing.skippedColumns().toString());
    if (!warnings.isEmpty()) {
      facts.put("warnings", String.join("\n", warnings));
    }
    return facts;
  }

  private static Map<String, Double> logsAt(History history, int epoch) {
    Map<String, Double> logs = new LinkedHashMap<>();
    for (String key : history.keys()) {
      logs.put(key, history.get(key)[epoch]);
    }
    return logs;
  }
}
