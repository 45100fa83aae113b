package dev.lamina.cli;

import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code lamina} command: train, evaluate, predict and summary. */
@Command(
    name = "lamina",
    mixinStandardHelpOptions = true,
    version = "lamina 0.1.0",
    description = "Trains and uses Keras-style neural networks on CSV files.",
    subcommands = {
      TrainCommand.class,
      EvaluateCommand.class,
      PredictCommand.class,
      ConvertCommand.class,
      SummaryCommand.class
    })
public final class Lamina implements Callable<Integer> {

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code. */
  static int run(String... args) {
    ErrorReporter errors = new ErrorReporter(Arrays.asList(args).contains("--verbose"));
    return new CommandLine(new Lamina())
        .setParameterExceptionHandler(errors)
        .setExecutionExceptionHandler(errors)
        .execute(args);
  }

  @Override
  public Integer call() {
    CommandLine.usage(this, System.err);
    return ErrorReporter.BAD_INPUT;
  }
}
