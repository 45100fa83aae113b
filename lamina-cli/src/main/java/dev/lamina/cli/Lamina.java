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
    return run(TrainingData.LOCAL, args);
  }

  /** Runs the command line with {@code train} reading and training through {@code data}. */
  public static int run(TrainingData data, String... args) {
    ErrorReporter errors = new ErrorReporter(Arrays.asList(args).contains("--verbose"));
    CommandLine.IFactory defaults = CommandLine.defaultFactory();
    CommandLine.IFactory factory =
        new CommandLine.IFactory() {
          @Override
          public <K> K create(Class<K> type) throws Exception {
            return type == TrainCommand.class
                ? type.cast(new TrainCommand(data))
                : defaults.create(type);
          }
        };
    try {
      return commandLine(factory)
          .setParameterExceptionHandler(errors)
          .setExecutionExceptionHandler(errors)
          .execute(args);
    } catch (OutOfMemoryError e) {
      // the estimate before training missed: one line instead of a stack trace
      System.err.println(
          "lamina: out of memory ("
              + e.getMessage()
              + "); use smaller --layers"
              + " or --batch-size, or a larger heap (LAMINA_JAVA_OPTS=-Xmx...)");
      return ErrorReporter.FAILURE;
    }
  }

  /**
   * The command line as {@code lamina} parses it. Picocli's argument files are off: with them an
   * argument such as {@code @/} (a value that happens to start with @) was read as a file and
   * failed with a stack trace instead of one line (found by ArgumentsFuzzTest).
   */
  static CommandLine commandLine(CommandLine.IFactory factory) {
    return new CommandLine(new Lamina(), factory).setExpandAtFiles(false);
  }

  @Override
  public Integer call() {
    CommandLine.usage(this, System.err);
    return ErrorReporter.BAD_INPUT;
  }
}
