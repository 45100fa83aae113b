package dev.lamina.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a training report shows.
 *
 * @param title the heading, e.g. the data file's name
 * @param modelSummary the model's summary table (shown monospaced)
 * @param data facts about the data (rows, columns, target, task…), in order
 * @param settings the training settings, in order
 * @param bestEpoch the 0-based epoch whose weights were kept
 * @param epochsRun epochs completed
 * @param bestMetrics the logs of the best epoch
 * @param finalMetrics the logs of the last epoch
 * @param seconds training time
 * @param curvesPng the learning curves as PNG bytes
 */
public record TrainingReport(
    String title,
    String modelSummary,
    Map<String, String> data,
    Map<String, String> settings,
    int bestEpoch,
    int epochsRun,
    Map<String, Double> bestMetrics,
    Map<String, Double> finalMetrics,
    double seconds,
    byte[] curvesPng) {

  public TrainingReport {
    data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    bestMetrics = Collections.unmodifiableMap(new LinkedHashMap<>(bestMetrics));
    finalMetrics = Collections.unmodifiableMap(new LinkedHashMap<>(finalMetrics));
    curvesPng = curvesPng.clone();
  }

  @Override
  public byte[] curvesPng() {
    return curvesPng.clone();
  }
}
