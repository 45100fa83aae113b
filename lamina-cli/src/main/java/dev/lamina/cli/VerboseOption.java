package dev.lamina.cli;

import picocli.CommandLine.Option;

/** {@code --verbose}, shared by every command: stack traces with error messages. */
final class VerboseOption {
  @Option(names = "--verbose", description = "On error, print the stack trace too.")
  boolean verbose;
}
