package dev.lamina.keras;

import dev.lamina.losses.Loss;
import dev.lamina.losses.Losses;
import dev.lamina.metrics.Metrics;
import dev.lamina.optimizers.Optimizer;
import dev.lamina.optimizers.Optimizers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Keras compile config ({@code compile_config} in v3 files, {@code training_config} in legacy
 * ones) as Lamina's optimizer, loss and metrics — or null when any part is one Lamina does not
 * know, in which case the model loads uncompiled, as Keras itself does when asked not to compile.
 */
record KerasCompile(Optimizer optimizer, Loss loss, List<String> metrics) {
  /** Keras optimizer options that Lamina cannot honour unless unset. */
  private static final Set<String> UNSUPPORTED_OPTIONS =
      Set.of("use_ema", "loss_scale_factor", "gradient_accumulation_steps", "decay");

  static KerasCompile parse(Map<String, Object> config) {
    if (config == null || config.isEmpty()) {
      return null;
    }
    Object optimizerValue =
        config.containsKey("optimizer") ? config.get("optimizer") : config.get("optimizer_config");
    try {
      Optimizer optimizer = optimizer(optimizerValue);
      Loss loss = loss(config.get("loss"));
      List<String> metrics = new ArrayList<>();
      collectMetrics(config.get("metrics"), metrics);
      for (String metric : metrics) {
        Metrics.get(metric, 1, 2); // rejects a name Lamina does not know
      }
      return optimizer == null || loss == null ? null : new KerasCompile(optimizer, loss, metrics);
    } catch (IllegalArgumentException | ClassCastException unknown) {
      return null;
    }
  }

  private static Optimizer optimizer(Object value) {
    if (value instanceof String name) {
      return Optimizers.get(name);
    }
    Map<String, Object> object = KerasValues.object(value);
    if (!(object.get("class_name") instanceof String className)) {
      return null;
    }
    Map<String, Object> options = new LinkedHashMap<>(KerasValues.object(object.get("config")));
    if (options.containsKey("lr") && !options.containsKey("learning_rate")) {
      options.put("learning_rate", options.get("lr")); // Keras 2.0-2.3
    }
    if (!(options.get("learning_rate") instanceof Number) && options.get("learning_rate") != null) {
      return null; // a schedule
    }
    for (String key : UNSUPPORTED_OPTIONS) {
      Object v = options.get(key);
      if (v != null
          && !Boolean.FALSE.equals(v)
          && !(v instanceof Number n && n.doubleValue() == 0)) {
        return null;
      }
    }
    options.values().removeIf(java.util.Objects::isNull);
    return Optimizers.fromConfig(className, options);
  }

  private static Loss loss(Object value) {
    if (value instanceof String name) {
      return Losses.get(name);
    }
    Map<String, Object> object = KerasValues.object(value);
    if ("function".equals(object.get("class_name"))
        && object.get("config") instanceof String name) {
      return Losses.get(name);
    }
    if (!(object.get("class_name") instanceof String className)) {
      return null;
    }
    return Losses.fromConfig(
        KerasObjects.snakeCase(className), KerasValues.object(object.get("config")));
  }

  /** Metric names from a string, a list (possibly nested) or metric objects. */
  private static void collectMetrics(Object value, List<String> out) {
    if (value == null) {
      return;
    }
    if (value instanceof String name) {
      out.add(name);
    } else if (value instanceof List<?> list) {
      for (Object item : list) {
        collectMetrics(item, out);
      }
    } else if (KerasValues.object(value).get("class_name") instanceof String className) {
      Map<String, Object> object = KerasValues.object(value);
      out.add(
          "function".equals(className) && object.get("config") instanceof String name
              ? name
              : KerasObjects.snakeCase(className));
    }
  }
}
