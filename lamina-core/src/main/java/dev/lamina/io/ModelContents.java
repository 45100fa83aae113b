package dev.lamina.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a model file holds: the configuration (architecture and training settings) as a JSON
 * object, the weights in order, and extra JSON documents by name (such as the fitted preprocessing
 * the command line stores).
 */
public record ModelContents(
    Map<String, Object> config, List<NamedArray> weights, Map<String, String> extras) {

  public ModelContents {
    config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
    weights = List.copyOf(weights);
    extras = Collections.unmodifiableMap(new LinkedHashMap<>(extras));
  }
}
