package dev.lamina.keras;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lamina.io.Json;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * JSON as Keras writes it (config.json, metadata.json, HDF5 attributes): read through Lamina's
 * bounded {@link Json} reader, since model files are untrusted input; written with Jackson's
 * defaults, as Keras files have always been written.
 */
final class KerasJson {
  private static final ObjectMapper WRITER = new ObjectMapper();

  private KerasJson() {}

  /** A JSON object; anything else (or malformed text) raises IllegalArgumentException. */
  @SuppressWarnings("unchecked") // Json.parse makes every object a Map<String, Object>
  static Map<String, Object> parseObject(String text, String what) {
    Object value;
    try {
      value = Json.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          what + " is not a valid JSON object: " + e.getMessage(), e);
    }
    if (value == null) {
      throw new IllegalArgumentException(what + " is null, expected a JSON object");
    }
    if (!(value instanceof Map<?, ?>)) {
      throw new IllegalArgumentException(
          what + " is not a valid JSON object: it is a " + value.getClass().getSimpleName());
    }
    return (Map<String, Object>) value;
  }

  static Map<String, Object> parseObject(byte[] utf8, String what) {
    return parseObject(new String(utf8, StandardCharsets.UTF_8), what);
  }

  static String write(Object value) {
    try {
      return WRITER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
    }
  }
}
