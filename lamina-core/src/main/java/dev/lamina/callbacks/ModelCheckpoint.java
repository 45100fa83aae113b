package dev.lamina.callbacks;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Saves the model at the end of every epoch, or only when the monitored value improves ({@code
 * saveBestOnly}). Saves are atomic (a temporary file renamed over the target), so a crash never
 * leaves a half-written model. The path may hold Keras-style fields: {@code {epoch}} (1-based),
 * {@code {epoch:02d}}, or any log key with a format such as {@code {val_loss:.4f}}.
 */
public final class ModelCheckpoint implements Callback {
  private static final Pattern FIELD = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)(?::([^}]*))?}");
  private final String pathTemplate;
  private String monitorKey = "val_loss";
  private String mode = "auto";
  private boolean saveBestOnly;

  private Monitor monitor;
  private TrainingControl control;
  private Double best;

  public ModelCheckpoint(Path file) {
    this.pathTemplate = file.toString();
    if (!pathTemplate.endsWith(".lamina")) {
      throw new IllegalArgumentException(
          "ModelCheckpoint: the file name must end in .lamina, got '" + pathTemplate + "'");
    }
  }

  public ModelCheckpoint monitor(String key) {
    this.monitorKey = key;
    return this;
  }

  public ModelCheckpoint mode(String mode) {
    new Monitor(monitorKey, mode, 0); // validates
    this.mode = mode;
    return this;
  }

  public ModelCheckpoint saveBestOnly(boolean saveBestOnly) {
    this.saveBestOnly = saveBestOnly;
    return this;
  }

  @Override
  public void onTrainBegin(TrainingControl control) {
    this.control = control;
    this.monitor = new Monitor(monitorKey, mode, 0);
    this.best = null;
  }

  @Override
  public void saveState(CallbackState state) {
    state.putIfPresent("best", best);
  }

  @Override
  public void restoreState(CallbackState state) {
    best = state.number("best");
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    if (saveBestOnly) {
      Double current = logs.get(monitorKey);
      if (current != null) {
        monitor.resolve(control);
        // as in Keras, where NaN < inf is false: a diverged epoch is never the best one
        if (!Double.isFinite(current) || !monitor.isImprovement(current, best)) {
          return;
        }
        best = current;
      }
    }
    control.save(Path.of(fill(pathTemplate, epoch, logs)));
  }

  static String fill(String template, int epoch, Map<String, Double> logs) {
    Matcher m = FIELD.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String key = m.group(1);
      String format = m.group(2);
      Object value;
      if (key.equals("epoch")) {
        value = epoch + 1;
      } else if (logs.containsKey(key)) {
        value = logs.get(key);
      } else {
        throw new IllegalArgumentException(
            "ModelCheckpoint: the path names '{"
                + key
                + "}' but the logs hold only "
                + logs.keySet());
      }
      String text =
          format == null ? String.valueOf(value) : String.format(Locale.ROOT, "%" + format, value);
      m.appendReplacement(out, Matcher.quoteReplacement(text));
    }
    m.appendTail(out);
    return out.toString();
  }
}
