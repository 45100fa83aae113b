package dev.lamina;

import dev.lamina.callbacks.LogValues;
import dev.lamina.files.AtomicFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every value logged per epoch by {@code fit}: {@code loss}, each metric, their {@code val_} twins,
 * and what callbacks add. Keys are kept sorted, as Keras 3 sorts them.
 */
public final class History {
  private final Map<String, List<Double>> values = new TreeMap<>();
  private int epochs;

  /** Appends one completed epoch; a key first seen now is NaN-filled for earlier epochs. */
  public void record(Map<String, Double> logs) {
    for (Map.Entry<String, Double> entry : logs.entrySet()) {
      List<Double> series =
          values.computeIfAbsent(
              entry.getKey(), k -> new ArrayList<>(Collections.nCopies(epochs, Double.NaN)));
      series.add(entry.getValue());
    }
    epochs++;
    for (List<Double> series : values.values()) {
      while (series.size() < epochs) {
        series.add(Double.NaN);
      }
    }
  }

  /** The per-epoch values of {@code key}, e.g. {@code "loss"} or {@code "val_accuracy"}. */
  public double[] get(String key) {
    List<Double> series = values.get(key);
    if (series == null) {
      throw new IllegalArgumentException(
          "History has no key '" + key + "'; keys: " + values.keySet());
    }
    return series.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** The logged keys, sorted. */
  public Set<String> keys() {
    return Collections.unmodifiableSet(values.keySet());
  }

  /** The number of completed epochs. */
  public int epochs() {
    return epochs;
  }

  /** The 0-based epoch with the lowest (or, for {@code higherIsBetter}, highest) value of key. */
  public int bestEpoch(String key, boolean higherIsBetter) {
    double[] series = get(key);
    int best = -1;
    for (int i = 0; i < series.length; i++) {
      if (Double.isNaN(series[i])) {
        continue;
      }
      if (best < 0 || (higherIsBetter ? series[i] > series[best] : series[i] < series[best])) {
        best = i;
      }
    }
    return best;
  }

  /** Writes {@code epoch} (0-based) and every key as CSV, atomically. */
  public void writeCsv(Path file) {
    StringBuilder csv = new StringBuilder("epoch");
    values.keySet().forEach(k -> csv.append(',').append(k));
    csv.append('\n');
    for (int e = 0; e < epochs; e++) {
      csv.append(e);
      for (List<Double> series : values.values()) {
        csv.append(',').append(LogValues.format(series.get(e)));
      }
      csv.append('\n');
    }
    AtomicFile.write(file, csv.toString().getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("History(" + epochs + " epochs)");
    values.forEach(
        (k, v) -> s.append("\n  ").append(k).append(": ").append(Arrays.toString(get(k))));
    return s.toString();
  }
}
