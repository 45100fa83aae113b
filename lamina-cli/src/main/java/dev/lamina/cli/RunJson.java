package dev.lamina.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lamina.report.ConsoleTable;
import java.util.Map;

/** The end of {@code lamina train}'s output: one JSON object, or a few lines for people. */
final class RunJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RunJson() {}

  /** Keys: best_epoch (1-based), epochs_run, val_loss (best), metrics, params, seconds, … */
  static String of(TrainingRun.Result result) {
    ObjectNode json = JSON.createObjectNode();
    json.put("best_epoch", result.bestEpoch() + 1);
    json.put("epochs_run", result.epochsRun());
    Double valLoss = result.bestLogs().get("val_loss");
    if (valLoss == null) {
      json.putNull("val_loss");
    } else {
      json.put("val_loss", valLoss);
    }
    ObjectNode metrics = json.putObject("metrics");
    result.bestLogs().forEach((key, value) -> putNumber(metrics, key, value));
    json.put("params", result.params());
    json.put("seconds", result.seconds());
    json.put("task", result.task().cliName());
    json.put("target", result.target());
    json.put("out", result.out().toString());
    json.put("model", result.out().resolve(TrainingRun.MODEL_FILE).toString());
    return json.toString();
  }

  static String text(TrainingRun.Result result) {
    return "\nBest epoch "
        + (result.bestEpoch() + 1)
        + " of "
        + result.epochsRun()
        + ":\n"
        + ConsoleTable.metrics(result.bestLogs())
        + "Wrote "
        + result.out()
        + "/{"
        + TrainingRun.MODEL_FILE
        + ", history.csv, learning-curves.png, report.html}\n";
  }

  /** JSON has no NaN: a missing value is null. */
  static void putNumber(ObjectNode json, String key, double value) {
    if (Double.isFinite(value)) {
      json.put(key, value);
    } else {
      json.putNull(key);
    }
  }

  static String metricsJson(Map<String, Double> metrics, int rows) {
    ObjectNode json = JSON.createObjectNode();
    metrics.forEach((key, value) -> putNumber(json, key, value));
    json.put("rows", rows);
    return json.toString();
  }
}
