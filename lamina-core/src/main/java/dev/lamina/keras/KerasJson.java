package dev.lamina.keras;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * JSON as Keras writes it (config.json, metadata.json, HDF5 attributes), read with Jackson under
 * limits on nesting, string and number sizes, since model files are untrusted input.
 */
final class KerasJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper(
          JsonFactory.builder()
              .streamReadConstraints(
                  StreamReadConstraints.builder()
                      .maxNestingDepth(64)
                      .maxStringLength(16 << 20)
                      .maxNumberLength(64)
                      .maxDocumentLength(64L << 20)
                      .build())
              .build());
  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

  private KerasJson() {}

  /** A JSON object; anything else (or malformed text) raises IllegalArgumentException. */
  static Map<String, Object> parseObject(String text, String what) {
    try {
      Map<String, Object> value = MAPPER.readValue(text, OBJECT);
      if (value == null) {
        throw new IllegalArgumentException(what + " is null, expected a JSON object");
      }
      return value;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          what + " is not a valid JSON object: " + e.getOriginalMessage(), e);
    }
  }

  static Map<String, Object> parseObject(byte[] utf8, String what) {
    return parseObject(new String(utf8, StandardCharsets.UTF_8), what);
  }

  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
    }
  }
}
