package dev.lamina.cli;

import dev.lamina.data.CsvOptions;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The validated options of {@code lamina train}; {@code data} null means the bundled red-wine, read
 * as {@code dataFormat} says.
 */
public record TrainSettings(
    Path data,
    DataOptions dataFormat,
    String target,
    List<String> drop,
    Task task,
    List<Integer> layers,
    String activation,
    double dropout,
    boolean batchnorm,
    String loss,
    String optimizer,
    double learningRate,
    int batchSize,
    int epochs,
    double validationSplit,
    int patience,
    double minDelta,
    long seed,
    Path out,
    boolean json) {

  public TrainSettings {
    drop = List.copyOf(drop);
    layers = List.copyOf(layers);
  }

  /** How {@code data} is read as CSV: the delimiter given or found in {@code headerLine}. */
  public CsvOptions csvOptions(String headerLine) {
    return dataFormat.csvOptions(headerLine);
  }

  /** The settings as the report lists them. */
  Map<String, String> describe(Task resolvedTask, String resolvedLoss) {
    Map<String, String> shown = new LinkedHashMap<>();
    shown.put("task", resolvedTask.cliName());
    shown.put("layers", layers.toString());
    shown.put("activation", activation);
    shown.put("dropout", Double.toString(dropout));
    shown.put("batchnorm", Boolean.toString(batchnorm));
    shown.put("loss", resolvedLoss);
    shown.put("optimizer", optimizer);
    shown.put("learning rate", Double.toString(learningRate));
    shown.put("batch size", Integer.toString(batchSize));
    shown.put("epochs (max)", Integer.toString(epochs));
    shown.put("validation split", Double.toString(validationSplit));
    shown.put("patience", Integer.toString(patience));
    shown.put("min delta", Double.toString(minDelta));
    shown.put("seed", Long.toString(seed));
    return shown;
  }
}
