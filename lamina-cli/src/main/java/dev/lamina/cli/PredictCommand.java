package dev.lamina.cli;

import dev.lamina.Tensor;
import dev.lamina.data.Table;
import dev.lamina.kernels.Kernels;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lamina predict}: predictions for raw CSV rows, with or without the target column. */
@Command(
    name = "predict",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Predicts the target for each row of a CSV file and writes one row per input row: "
          + "'prediction' (the value or the class label) and, for classification, 'probability' "
          + "(of the predicted label)."
    })
final class PredictCommand implements Callable<Integer> {
  /** Rows read, predicted and written at a time: memory stays bounded whatever the file. */
  static final int CHUNK_ROWS = 1 << 16;

  @Mixin ModelFileOption modelFile;

  @Option(
      names = "--data",
      required = true,
      paramLabel = "FILE.csv",
      description = "Rows with the input columns; a target column is ignored.")
  Path data;

  @Option(
      names = "--out",
      defaultValue = "predictions.csv",
      paramLabel = "predictions.csv",
      description = "Where to write the predictions (default: ${DEFAULT-VALUE}).")
  Path out;

  @Mixin DataOptions dataOptions;

  @Option(
      names = "--columns",
      split = ",",
      paramLabel = "a,b,c",
      description =
          "For a model without preprocessing (a Keras file): the input columns, in the"
              + " network's input order (default: every numeric column, in file order).")
  List<String> columns;

  @Mixin VerboseOption verboseOption;

  @Override
  public Integer call() {
    Kernels.warmUpInBackground(); // while the model and the data are read
    SavedModel saved = modelFile.load();
    if (!saved.hasPreprocessing()) {
      Table table = DataFiles.read(data, java.util.Map.of(), dataOptions);
      Tensor outputs = NetworkInputs.predict(saved.network(), table, columns, data);
      NetworkInputs.writePredictions(outputs, out);
      System.out.println("Wrote " + table.rowCount() + " predictions to " + out);
      return 0;
    }
    if (columns != null) {
      throw new BadInputException(
          "--columns: only for a model without preprocessing; "
              + saved.file()
              + " chooses its own input columns");
    }
    long[] rowsBefore = {0};
    long rows =
        PredictionsCsv.write(
            saved.preprocessing(),
            out,
            sink ->
                saved.readData(
                    data,
                    false,
                    dataOptions,
                    CHUNK_ROWS,
                    chunk -> {
                      sink.accept(saved.predict(chunk, rowsBefore[0]));
                      rowsBefore[0] += chunk.rowCount();
                    }));
    System.out.println("Wrote " + rows + " predictions to " + out);
    return 0;
  }
}
