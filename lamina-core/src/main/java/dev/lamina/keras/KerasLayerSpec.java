package dev.lamina.keras;

import java.util.Map;

/**
 * One entry of a Keras model's layer list: its position in the file's list (0-based, counting the
 * InputLayer when the file lists one), its class and its config.
 */
record KerasLayerSpec(int position, String className, Map<String, Object> config) {

  String name() {
    return config.get("name") instanceof String name ? name : null;
  }
}
