package dev.lamina.keras;

import dev.lamina.layers.ActivationFunctions;
import java.util.HashMap;
import java.util.Map;

/**
 * A layer's {@code activation} option as Keras serializes it: a function name ({@code "relu"}), a
 * function object ({@code {"class_name": "function", "config": "relu"}}), or a whole activation
 * layer object (tf.keras 2.x), possibly shared between layers through {@code shared_object_id},
 * where later uses may carry only the id.
 */
final class KerasActivation {
  private final Map<Object, Map<String, Object>> shared = new HashMap<>();

  /** A function name Lamina knows, or null when the value is a layer object. */
  String functionName(Object value) {
    if (value == null) {
      return "linear";
    }
    if (value instanceof String name) {
      return known(name);
    }
    Map<String, Object> object = resolve(value);
    if ("function".equals(object.get("class_name"))
        && object.get("config") instanceof String name) {
      return known(name);
    }
    return null;
  }

  /** The layer object ({@code class_name}, {@code config}) an activation value stands for. */
  Map<String, Object> layerObject(Object value) {
    return resolve(value);
  }

  private Map<String, Object> resolve(Object value) {
    Map<String, Object> object = KerasValues.object(value);
    Object id = object.get("shared_object_id");
    if (id != null) {
      if (object.containsKey("config")) {
        shared.putIfAbsent(id, object);
      } else if (shared.containsKey(id)) {
        return shared.get(id);
      }
    }
    return object;
  }

  private static String known(String name) {
    if (!ActivationFunctions.names().contains(name)) {
      throw new IllegalArgumentException(
          "activation '"
              + name
              + "' is not one Lamina knows ("
              + String.join(", ", ActivationFunctions.names())
              + ")");
    }
    return name;
  }
}
