package dev.lamina.keras;

import dev.lamina.KerasModelException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The architecture in a Keras config: a Sequential's layer list, or a Functional model that is a
 * single chain (each layer fed by the one before it), read as the same list. Anything else is
 * refused, naming the layer where the chain breaks.
 */
record KerasModelConfig(String name, List<KerasLayerSpec> layers, int[] inputShape) {

  static KerasModelConfig parse(Path file, Map<String, Object> model) {
    String className = String.valueOf(model.get("class_name"));
    Object inner = model.get("config");
    List<Object> entries;
    String name = "sequential";
    if (inner instanceof List<?> list) { // Keras 2.0-2.2 Sequential: the config is the layer list
      entries = new ArrayList<>(list);
    } else if (inner instanceof Map<?, ?> config && config.get("layers") instanceof List<?> list) {
      entries = new ArrayList<>(list);
      name = config.get("name") instanceof String s ? s : name;
    } else {
      throw new KerasModelException(file, "the model config has no layer list");
    }
    List<KerasLayerSpec> layers = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      if (!(entries.get(i) instanceof Map<?, ?> entry)
          || !(entry.get("class_name") instanceof String layerClass)) {
        throw new KerasModelException(file, "layer " + i + " has no class_name");
      }
      layers.add(new KerasLayerSpec(i, layerClass, KerasValues.object(entry.get("config"))));
    }
    switch (className) {
      case "Sequential" -> {}
      case "Functional", "Model" -> requireChain(file, entries, layers);
      default ->
          throw new KerasModelException(
              file,
              "model class '"
                  + className
                  + "' is not supported (Sequential, or a Functional"
                  + " model that is a single chain)");
    }
    return new KerasModelConfig(name, layers, inputShape(model, inner, layers));
  }

  /** Each layer after the first must take exactly the previous layer's output. */
  private static void requireChain(Path file, List<Object> entries, List<KerasLayerSpec> layers) {
    for (int i = 1; i < layers.size(); i++) {
      Set<String> sources = new LinkedHashSet<>();
      Map<String, Object> entry = KerasValues.object(entries.get(i));
      collectSources(entry.get("inbound_nodes"), sources, 0);
      String previous = layers.get(i - 1).name();
      if (!sources.equals(Set.of(previous == null ? "" : previous))) {
        throw new KerasModelException(
            file,
            i,
            layers.get(i).className(),
            "a branching Functional model: the layer takes inputs from "
                + sources
                + ", not just the previous layer '"
                + previous
                + "'; only single chains are read");
      }
    }
    for (int i = 0; i + 1 < layers.size(); i++) {
      String name = layers.get(i).name();
      long consumers = 0;
      for (int j = i + 1; j < layers.size(); j++) {
        Set<String> sources = new LinkedHashSet<>();
        collectSources(KerasValues.object(entries.get(j)).get("inbound_nodes"), sources, 0);
        consumers += sources.contains(name) ? 1 : 0;
      }
      if (consumers != 1) {
        throw new KerasModelException(
            file,
            i,
            layers.get(i).className(),
            "a branching Functional model: the layer feeds " + consumers + " layers");
      }
    }
  }

  /**
   * The names of the layers an inbound_nodes value refers to: Keras 2 writes {@code [name, node,
   * tensor, kwargs]} lists, Keras 3 {@code keras_history: [name, node, tensor]} inside tensors.
   */
  private static void collectSources(Object value, Set<String> sources, int depth) {
    if (depth > 32) {
      return;
    }
    if (value instanceof Map<?, ?> map) {
      if (map.get("keras_history") instanceof List<?> history && !history.isEmpty()) {
        sources.add(String.valueOf(history.get(0)));
        return;
      }
      for (Object v : map.values()) {
        collectSources(v, sources, depth + 1);
      }
    } else if (value instanceof List<?> list) {
      if (list.size() >= 3 && list.get(0) instanceof String name && list.get(1) instanceof Number) {
        sources.add(name);
        return;
      }
      for (Object v : list) {
        collectSources(v, sources, depth + 1);
      }
    }
  }

  /** The per-sample input shape from the first layer's batch shape or the build config. */
  private static int[] inputShape(
      Map<String, Object> model, Object inner, List<KerasLayerSpec> layers) {
    if (!layers.isEmpty()) {
      Map<String, Object> first = layers.get(0).config();
      for (String key : List.of("batch_shape", "batch_input_shape")) {
        int[] shape = KerasValues.batchShape(first.get(key));
        if (shape != null) {
          return shape;
        }
      }
    }
    if (inner instanceof Map<?, ?> config) {
      int[] shape = KerasValues.batchShape(config.get("build_input_shape"));
      if (shape != null) {
        return shape;
      }
    }
    if (model.get("build_config") instanceof Map<?, ?> build) {
      return KerasValues.batchShape(build.get("input_shape"));
    }
    return null;
  }
}
