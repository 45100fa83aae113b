package dev.lamina.cli;

import dev.lamina.data.Table;
import dev.lamina.kernels.Kernels;
import dev.lamina.report.ConsoleTable;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lamina evaluate}: the loss and metrics of a trained model on labelled rows. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "Evaluates a trained model on a CSV file that has the target column.")
final class EvaluateCommand implements Callable<Integer> {
  @Mixin ModelFileOption modelFile;

  @Option(
      names = "--data",
      required = true,
      paramLabel = "FILE.csv",
      description = "Rows with the input columns and the target column.")
  Path data;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Mixin DataOptions dataOptions;

  @Mixin VerboseOption verboseOption;

  @Override
  public Integer call() {
    Kernels.warmUpInBackground(); // while the model and the data are read
    SavedModel saved = modelFile.load();
    Table table = saved.readData(data, true, dataOptions);
    if (table.rowCount() == 0) {
      throw new BadInputException("--data " + data + ": no rows to evaluate on");
    }
    Map<String, Double> metrics =
        saved
            .network()
            .evaluate(saved.preprocessing().inputs(table), saved.preprocessing().targets(table));
    metrics.forEach(
        (name, value) -> {
          if (value == null || !Double.isFinite(value)) {
            throw new BadInputException(
                "--model "
                    + modelFile.model
                    + ": the "
                    + name
                    + " on "
                    + data
                    + " is "
                    + value
                    + "; the model's weights are not usable");
          }
        });
    System.out.print(
        json
            ? RunJson.metricsJson(metrics, table.rowCount()) + "\n"
            : table.rowCount() + " rows\n" + ConsoleTable.metrics(metrics));
    return 0;
  }
}
