package dev.lamina.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code lamina summary}: the network's layers and what it predicts from which columns. */
@Command(
    name = "summary",
    mixinStandardHelpOptions = true,
    description = "Prints a model file's layers, parameter counts and preprocessing.")
final class SummaryCommand implements Callable<Integer> {
  @Mixin ModelFileOption modelFile;

  @Mixin VerboseOption verboseOption;

  @Override
  public Integer call() {
    SavedModel saved = modelFile.load();
    if (!saved.hasPreprocessing()) {
      System.out.print(
          saved.network().summary()
              + "\nNetwork only (no preprocessing): inputs of shape "
              + java.util.Arrays.toString(saved.network().inputShape())
              + "\n");
      return 0;
    }
    Preprocessing p = saved.preprocessing();
    StringBuilder text =
        new StringBuilder(saved.network().summary())
            .append('\n')
            .append("Task: ")
            .append(p.task().cliName())
            .append('\n')
            .append("Target: ")
            .append(p.target())
            .append('\n');
    if (p.task().isClassification()) {
      text.append("Classes: ").append(p.classes()).append('\n');
    }
    text.append("Input columns (")
        .append(p.columnTypes().size())
        .append("): ")
        .append(String.join(", ", p.columnTypes().keySet()))
        .append('\n')
        .append("Network inputs after preprocessing: ")
        .append(p.inputWidth())
        .append('\n');
    if (!p.skippedColumns().isEmpty()) {
      text.append("Skipped columns: ").append(p.skippedColumns()).append('\n');
    }
    System.out.print(text);
    return 0;
  }
}
