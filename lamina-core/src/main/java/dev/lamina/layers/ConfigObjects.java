package dev.lamina.layers;

import dev.lamina.constraints.Constraint;
import dev.lamina.initializers.Initializer;
import dev.lamina.initializers.Initializers;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Initializers, regularizers and constraints inside a layer config, in Keras's nested form {@code
 * {"class_name": ..., "config": {...}}}; an absent one is null, as in Keras.
 */
final class ConfigObjects {
  private static final String CLASS_NAME = "class_name";
  private static final String CONFIG = "config";

  private ConfigObjects() {}

  static Map<String, Object> of(Initializer initializer) {
    return nested(initializer.name(), initializer.config());
  }

  static Map<String, Object> of(Regularizer regularizer) {
    return regularizer == null ? null : nested(regularizer.className(), regularizer.config());
  }

  static Map<String, Object> of(Constraint constraint) {
    return constraint == null ? null : nested(constraint.className(), constraint.config());
  }

  static Initializer initializer(LayerConfig config, String key) {
    Map<String, Object> nested = config.objectOrNull(key);
    return nested == null
        ? null
        : Initializers.fromConfig(className(config, key, nested), inner(nested));
  }

  static Regularizer regularizer(LayerConfig config, String key) {
    Map<String, Object> nested = config.objectOrNull(key);
    return nested == null
        ? null
        : Regularizer.fromConfig(className(config, key, nested), inner(nested));
  }

  /**
   * The constraint under {@code key}, or null; a bad one is refused naming the layer and option.
   */
  static Constraint constraint(LayerConfig config, String key) {
    Map<String, Object> nested = config.objectOrNull(key);
    if (nested == null) {
      return null;
    }
    try {
      return Constraint.fromConfig(className(config, key, nested), inner(nested));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          config.className() + " config: option '" + key + "': " + e.getMessage(), e);
    }
  }

  private static Map<String, Object> nested(String className, Map<String, Object> options) {
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put(CLASS_NAME, className);
    nested.put(CONFIG, new LinkedHashMap<>(options));
    return nested;
  }

  private static String className(LayerConfig config, String key, Map<String, Object> nested) {
    return new LayerConfig(config.className() + "." + key, nested).string(CLASS_NAME, null);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> inner(Map<String, Object> nested) {
    Object options = nested.get(CONFIG);
    return options instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }
}
