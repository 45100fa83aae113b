package dev.lamina.cli;

import dev.lamina.ModelFileException;
import dev.lamina.data.CsvFormatException;
import dev.lamina.data.UnknownColumnException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns failures into exit codes and one-line messages on standard error: 2 for bad arguments or
 * bad input (files, columns, model files), 1 for anything else. Stack traces only with {@code
 * --verbose}.
 */
final class ErrorReporter implements IParameterExceptionHandler, IExecutionExceptionHandler {
  static final int BAD_INPUT = 2;
  static final int FAILURE = 1;

  private final boolean verbose;

  ErrorReporter(boolean verbose) {
    this.verbose = verbose;
  }

  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    report(
        command,
        e,
        qualifiedName(command)
            + ": "
            + oneLine(e.getMessage())
            + " (see '"
            + qualifiedName(command)
            + " --help')");
    return BAD_INPUT;
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
    if (isBadInput(e)) {
      report(command, e, qualifiedName(command) + ": " + oneLine(e.getMessage()));
      return BAD_INPUT;
    }
    report(
        command,
        e,
        command.getCommandName()
            + ": failed: "
            + e.getClass().getSimpleName()
            + ": "
            + oneLine(String.valueOf(e.getMessage())));
    return FAILURE;
  }

  private static boolean isBadInput(Exception e) {
    return e instanceof BadInputException
        || e instanceof ModelFileException
        || e instanceof CsvFormatException
        || e instanceof UnknownColumnException;
  }

  private void report(CommandLine command, Exception e, String message) {
    PrintWriter err = command.getErr();
    err.println(message);
    if (verbose) {
      e.printStackTrace(err);
    }
    err.flush();
  }

  private static String qualifiedName(CommandLine command) {
    CommandLine parent = command.getParent();
    return parent == null
        ? command.getCommandName()
        : parent.getCommandName() + " " + command.getCommandName();
  }

  private static String oneLine(String message) {
    return message.replaceAll("\\s*\\R\\s*", " ").strip();
  }
}
