package dev.lamina.cli;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.lamina.fuzz.Contract;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The command line's argument handling: any argument list parses and passes the checks a command
 * makes before it reads a file (option ranges, names, the network's memory estimate), or fails with
 * picocli's {@link ParameterException} or a {@link BadInputException}, the two that exit with code
 * 2 and one line. Nothing is trained or read.
 */
class ArgumentsFuzzTest {
  private static final String[] WORDS = {
    "train",
    "evaluate",
    "predict",
    "summary",
    "--data",
    "--target",
    "--drop",
    "--task",
    "--layers",
    "--activation",
    "--dropout",
    "--batchnorm",
    "--loss",
    "--optimizer",
    "--lr",
    "--batch-size",
    "--epochs",
    "--validation-split",
    "--patience",
    "--min-delta",
    "--seed",
    "--out",
    "--json",
    "--model",
    "--delimiter",
    "--encoding",
    "--infinite",
    "--verbose",
    "--help",
    "binary",
    "multiclass",
    "regression",
    "relu",
    "adam",
    "sgd",
    "mae",
    "missing",
    "refuse",
    "0",
    "-1",
    "1e400",
    "NaN",
    "512,512",
    "30000,30000",
    "2000000000",
    "0.5",
    "tab",
    ";",
    "latin1",
    "x.csv",
    "="
  };

  @FuzzTest(maxDuration = "5s")
  void parsesOrFailsTyped(FuzzedDataProvider data) {
    fuzzerTestOneInput(data);
  }

  /** The entry point of {@code tools/fuzz} (Jazzer's standalone driver). */
  public static void fuzzerTestOneInput(FuzzedDataProvider data) {
    String[] args = new String[data.consumeInt(0, 12)];
    for (int i = 0; i < args.length; i++) {
      args[i] = data.consumeBoolean() ? data.pickValue(WORDS) : data.consumeString(24);
    }
    Contract.check(
        () -> checkArguments(args), List.of(ParameterException.class, BadInputException.class));
  }

  /** Parses as {@code lamina} does and runs the checks that come before any file is read. */
  private static void checkArguments(String[] args) {
    CommandLine lamina = Lamina.commandLine(CommandLine.defaultFactory());
    CommandLine.ParseResult parsed = lamina.parseArgs(args);
    while (parsed.hasSubcommand()) {
      parsed = parsed.subcommand();
    }
    if (parsed.isUsageHelpRequested() || parsed.isVersionHelpRequested()) {
      return;
    }
    Object command = parsed.commandSpec().userObject();
    if (command instanceof TrainCommand train) {
      TrainSettings settings = train.settings();
      Task task = settings.task() == null ? Task.REGRESSION : settings.task();
      new NetworkSpec(settings, task, 11, 1, task.defaultLoss())
          .requireMemory(Runtime.getRuntime().maxMemory());
    } else if (command instanceof PredictCommand predict) {
      predict.dataOptions.csvOptions(null);
    } else if (command instanceof EvaluateCommand evaluate) {
      evaluate.dataOptions.csvOptions(null);
    }
  }
}
