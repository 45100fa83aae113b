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
import dev.lamina.files.AtomicFile;
import dev.lamina.report.HtmlReport;
import dev.lamina.report.LearningCurves;
import dev.lamina.report.TrainingReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
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

  /**
   * The least time between two backups: the bundled example's epochs take about 50 ms and its
   * backup 30–50 ms more, so a backup before every epoch nearly doubled the run, while a kill now
   * loses at most a second and the epoch that was running.
   */
  static final Duration BACKUP_INTERVAL = Duration.ofSeconds(1);

  private final TrainSettings settings;
  private final TrainingData data;
  private final boolean resuming;

  /**
   * @param resuming whether to continue from the backup an interrupted run left in the folder
   */
  TrainingRun(TrainSettings settings, TrainingData data, boolean resuming) {
    this.settings = settings;
    this.data = data;
    this.resuming = resuming;
  }

  Result run() {
    TrainingData.Prepared prepared = data.prepare(settings);
    Preprocessing preprocessing = prepared.preprocessing();
    Task task = preprocessing.task();
    prepared.warnings().forEach(warning -> System.err.println("lamina train: warning: " + warning));

    NetworkSpec network = NetworkSpec.of(settings, task, preprocessing);
    Sequential model = network.build();
    Path out = settings.out();
    // a run killed mid-write into this folder may have left hidden temporary files
    RUN_FILES.forEach(name -> AtomicFile.deleteLeftovers(out.resolve(name)));
    Path modelFile = out.resolve(MODEL_FILE);
    Tensor[] validation = prepared.validation();
    boolean validated = validation != null;
    String monitor = validated ? "val_loss" : "loss";
    EarlyStopping stopping =
        new EarlyStopping()
            .monitor(monitor)
            .patience(settings.patience())
            .minDelta(settings.minDelta())
            .restoreBestWeights(true);
    ModelCheckpoint checkpoint = new ModelCheckpoint(modelFile).monitor(monitor).saveBestOnly(true);
    TerminateOnNaN nanGuard = new TerminateOnNaN();
    BackupAndRestore backup = backup(out);
    Callback[] callbacks =
        backup == null
            ? new Callback[] {nanGuard, stopping, checkpoint}
            : new Callback[] {nanGuard, stopping, checkpoint, backup};
    FitOptions options =
        new FitOptions()
            .batchSize(settings.batchSize())
            .epochs(settings.epochs())
            .callbacks(callbacks)
            .verbose(1)
            .out(settings.json() ? System.err : System.out);
    if (validated) {
      options.validationData(validation[0], validation[1]);
    }
    long start = System.nanoTime();
    // a resumed run's model file is a checkpoint of this same run
    FileTime earlierModel = resuming ? null : lastModified(modelFile);
    History history = prepared.training().fit(model, options);
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
    HtmlReport.write(
        new TrainingReport(
            "Lamina training run: " + sourceName(),
            model.summary(),
            dataFacts(prepared.counts(), preprocessing, prepared.warnings()),
            settings.describe(task, network.loss()),
            best,
            history.epochs(),
            bestLogs,
            logsAt(history, history.epochs() - 1),
            seconds,
            png),
        out.resolve(REPORT_FILE));
    if (nanGuard.terminatedAt() != null) {
      throw new BadInputException(
          "the loss became NaN or infinite at "
              + nanGuard.terminatedAt()
              + " and training stopped (TerminateOnNaN); "
              + out
              + " holds the run up to then, and its model.lamina the weights of the last good "
              + "checkpoint (a lower --lr may help)");
    }
    if (backup != null) {
      delete(backup.file());
    }
    return new Result(
        out,
        settings.target(),
        task,
        best,
        history.epochs(),
        bestLogs,
        model.countParams(),
        seconds);
  }

  /**
   * The backup that {@code --resume} continues from, kept until the run folder is complete (so that
   * a kill while the report is written resumes after the last epoch, not from scratch). A new run
   * into a folder drops the backup of an earlier one there. Null for training data other than the
   * local (a Spark cluster's loop keeps no such state).
   */
  private BackupAndRestore backup(Path out) {
    if (data != TrainingData.LOCAL) {
      if (resuming) {
        throw new BadInputException("--resume works with local training only");
      }
      return null;
    }
    BackupAndRestore backup =
        new BackupAndRestore(out.resolve(BACKUP_DIR))
            .deleteCheckpoint(false)
            .minInterval(BACKUP_INTERVAL);
    if (!resuming) {
      delete(backup.file());
    } else if (!Files.exists(backup.file()) && Files.exists(out.resolve(REPORT_FILE))) {
      throw new BadInputException(
          "--resume "
              + out
              + ": the run there has finished (its "
              + REPORT_FILE
              + " is written); nothing to resume");
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
   * After a non-finite loss the weights are damaged: the best checkpoint written before it takes
   * their place, or, when none was written yet, the run fails.
   */
  private static void restoreCheckpoint(
      Sequential model, Path modelFile, FileTime earlierModel, String where) {
    // a model file left by an earlier run in the same folder is no checkpoint of this one
    if (!Files.isRegularFile(modelFile) || lastModified(modelFile).equals(earlierModel)) {
      throw new BadInputException(
          "the loss became NaN or infinite at "
              + where
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

  private String sourceName() {
    return settings.data() == null
        ? DataFiles.DEFAULT_NAME
        : String.valueOf(settings.data().getFileName());
  }

  private Map<String, String> dataFacts(
      TrainingData.Counts counts, Preprocessing preprocessing, List<String> warnings) {
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("file", counts.source());
    facts.put("rows", counts.rows() + " (" + counts.unlabelled() + " without a target left out)");
    facts.put("columns", Integer.toString(counts.columns()));
    facts.put("target", settings.target());
    facts.put("task", preprocessing.task().cliName());
    if (preprocessing.task().isClassification()) {
      facts.put("classes", preprocessing.classes().toString());
    }
    facts.put("training rows", Long.toString(counts.trainingRows()));
    facts.put("validation rows", Long.toString(counts.validationRows()));
    facts.put("network inputs", Integer.toString(preprocessing.inputWidth()));
    facts.put(
        "skipped columns",
        preprocessing.skippedColumns().isEmpty()
            ? "none"
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
