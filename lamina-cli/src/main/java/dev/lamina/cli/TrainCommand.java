package dev.lamina.cli;

import dev.lamina.kernels.Kernels;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lamina train}: fits a network to a CSV file and writes the run folder. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Trains a network on a CSV file (default: the bundled red-wine data, target quality) and "
          + "writes model.lamina, history.csv, learning-curves.png and report.html into --out."
    })
final class TrainCommand implements Callable<Integer> {
  @Option(
      names = "--data",
      paramLabel = "FILE.csv",
      description =
          "Training data; default: the bundled red-wine data. With --spark also a "
              + "Parquet path or the name of a table in Spark's catalog.")
  Path data;

  @Mixin DataOptions dataOptions;

  @Option(
      names = "--target",
      paramLabel = "COLUMN",
      description = "The column to predict; required with --data (red-wine: quality).")
  String target;

  @Option(
      names = "--drop",
      split = ",",
      paramLabel = "COLUMN,...",
      description =
          "Columns left out of the inputs, e.g. identifiers or columns that give the "
              + "target away (hotel: reservation_status).")
  List<String> drop = new ArrayList<>();

  @Option(
      names = "--task",
      paramLabel = "regression|binary|multiclass",
      description = "Default: inferred from the target column.")
  String task;

  @Option(
      names = "--layers",
      paramLabel = "UNITS,...",
      defaultValue = "512,512,512",
      description = "Hidden Dense layer sizes (default: ${DEFAULT-VALUE}).")
  String layers;

  @Option(
      names = "--activation",
      defaultValue = "relu",
      paramLabel = "NAME",
      description = "Hidden-layer activation (default: ${DEFAULT-VALUE}).")
  String activation;

  @Option(
      names = "--dropout",
      defaultValue = "0",
      paramLabel = "RATE",
      description = "Dropout after each hidden layer, in [0, 1) (default: ${DEFAULT-VALUE}).")
  double dropout;

  @Option(names = "--batchnorm", description = "BatchNormalization after each hidden layer.")
  boolean batchnorm;

  @Option(
      names = "--loss",
      paramLabel = "NAME",
      description =
          "Default: mae, binary_crossentropy or " + "sparse_categorical_crossentropy by task.")
  String loss;

  @Option(
      names = "--optimizer",
      defaultValue = "adam",
      paramLabel = "NAME",
      description = "sgd, adam, adamw, rmsprop or adagrad (default: ${DEFAULT-VALUE}).")
  String optimizer;

  @Option(
      names = "--lr",
      defaultValue = "0.001",
      paramLabel = "RATE",
      description = "Learning rate, > 0 (default: ${DEFAULT-VALUE}).")
  double learningRate;

  @Option(
      names = "--batch-size",
      defaultValue = "256",
      paramLabel = "N",
      description = "Default: ${DEFAULT-VALUE}.")
  int batchSize;

  @Option(
      names = "--epochs",
      defaultValue = "100",
      paramLabel = "N",
      description = "Default: ${DEFAULT-VALUE}.")
  int epochs;

  @Option(
      names = "--validation-split",
      defaultValue = "0.2",
      paramLabel = "FRACTION",
      description =
          "Random (seeded; stratified for classification) share of rows held out, "
              + "in [0, 1) (default: ${DEFAULT-VALUE}).")
  double validationSplit;

  @Option(
      names = "--patience",
      defaultValue = "20",
      paramLabel = "EPOCHS",
      description = "Early-stopping patience in epochs (default: ${DEFAULT-VALUE}).")
  int patience;

  @Option(
      names = "--min-delta",
      defaultValue = "0.001",
      paramLabel = "DELTA",
      description = "Smallest improvement early stopping counts (default: ${DEFAULT-VALUE}).")
  double minDelta;

  @Option(
      names = "--seed",
      defaultValue = "0",
      paramLabel = "N",
      description = "Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Run folder; default: runs/<timestamp>/.")
  Path out;

  @Option(
      names = "--resume",
      paramLabel = "RUN_DIR",
      description =
          "Continue a run that was killed or interrupted, with the settings it was "
              + "started with (give no other options): it ends with exactly the files of a run that "
              + "never stopped.")
  Path resume;

  @Option(names = "--json", description = "Print one JSON object at the end (progress on stderr).")
  boolean json;

  @Mixin VerboseOption verboseOption;

  @Spec CommandSpec spec;

  private final TrainingData trainingData;

  TrainCommand() {
    this(TrainingData.LOCAL);
  }

  TrainCommand(TrainingData trainingData) {
    this.trainingData = trainingData;
  }

  @Override
  public Integer call() {
    Kernels.warmUpInBackground(); // while the data is read and prepared
    if (resume == null) {
      run(false);
      return 0;
    }
    if (spec.commandLine().getParseResult().matchedOptions().size() != 1) {
      throw new BadInputException(
          "--resume takes no other options: the run continues with the "
              + "settings in "
              + resume.resolve(RunArguments.FILE)
              + ", got "
              + argumentsAfterTrain());
    }
    TrainCommand original = new TrainCommand(trainingData);
    List<String> saved = new ArrayList<>(RunArguments.read(resume));
    saved.addAll(List.of("--out", resume.toString()));
    new CommandLine(original).parseArgs(saved.toArray(String[]::new));
    original.run(true);
    return 0;
  }

  /** The arguments after {@code train}, as given. */
  private List<String> argumentsAfterTrain() {
    List<String> all = spec.commandLine().getParseResult().originalArgs();
    return all.subList(all.indexOf("train") + 1, all.size());
  }

  private void run(boolean resuming) {
    TrainSettings settings = settings();
    if (!resuming) {
      RunArguments.write(settings.out(), argumentsAfterTrain());
    }
    TrainingRun.Result result = new TrainingRun(settings, trainingData, resuming).run();
    if (json) {
      System.out.println(RunJson.of(result));
    } else {
      System.out.print(RunJson.text(result));
    }
  }

  TrainSettings settings() {
    if (data != null && target == null) {
      throw new BadInputException("--target is required with --data (the column to predict)");
    }
    if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
      throw new BadInputException("--lr must be > 0, got " + number(learningRate));
    }
    requireFraction("--dropout", dropout);
    requireFraction("--validation-split", validationSplit);
    requireAtLeast("--epochs", epochs, 1);
    requireAtLeast("--batch-size", batchSize, 1);
    requireAtLeast("--patience", patience, 0);
    dataOptions.csvOptions(null);
    if (!(minDelta >= 0) || Double.isInfinite(minDelta)) {
      throw new BadInputException("--min-delta must be >= 0, got " + number(minDelta));
    }
    return new TrainSettings(
        data,
        dataOptions,
        target == null ? DataFiles.DEFAULT_TARGET : target,
        drop,
        task == null ? null : Task.parse(task),
        units(layers),
        activation,
        dropout,
        batchnorm,
        loss,
        optimizer,
        learningRate,
        batchSize,
        epochs,
        validationSplit,
        patience,
        minDelta,
        seed,
        out == null ? defaultOut() : out,
        json);
  }

  private static List<Integer> units(String text) {
    List<Integer> units = new ArrayList<>();
    for (String part : text.split(",", -1)) {
      long value;
      try {
        value = Long.parseLong(part.strip());
      } catch (NumberFormatException e) {
        throw new BadInputException(
            "--layers must be comma-separated positive integers such as 512,512,512, got '"
                + text
                + "'");
      }
      if (value < 1 || value > NetworkSpec.MAX_UNITS) {
        throw new BadInputException(
            "--layers sizes must be in [1, "
                + NetworkSpec.MAX_UNITS
                + "], got "
                + value
                + " in '"
                + text
                + "'");
      }
      units.add((int) value);
    }
    return units;
  }

  private static void requireFraction(String option, double value) {
    if (!(value >= 0 && value < 1)) {
      throw new BadInputException(option + " must be in [0, 1), got " + number(value));
    }
  }

  private static void requireAtLeast(String option, long value, long min) {
    if (value < min) {
      throw new BadInputException(option + " must be >= " + min + ", got " + value);
    }
  }

  private static String number(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString((long) value)
        : Double.toString(value);
  }

  private static Path defaultOut() {
    return Path.of(
        "runs",
        LocalDateTime.now(ZoneId.systemDefault())
            .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss", Locale.ROOT)));
  }
}
