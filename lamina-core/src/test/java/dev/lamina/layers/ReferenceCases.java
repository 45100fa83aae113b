package dev.lamina.layers;

import dev.lamina.Json;
import dev.lamina.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The PyTorch reference cases that tools/fixtures/make_layer_fixtures.py and (convolution and
 * pooling) make_conv_fixtures.py write.
 */
final class ReferenceCases {
  private ReferenceCases() {}

  private static final List<String> FILES =
      List.of("/fixtures/layers.json", "/fixtures/conv_layers.json");

  static List<Map<String, Object>> all() {
    return FILES.stream().flatMap(file -> read(file).stream()).toList();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> read(String file) {
    try (InputStream in = ReferenceCases.class.getResourceAsStream(file)) {
      Map<String, Object> root =
          (Map<String, Object>) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      return ((List<Object>) root.get("cases")).stream().map(c -> (Map<String, Object>) c).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A float32 tensor from {@code {"shape": [...], "data": [...]}}. */
  @SuppressWarnings("unchecked")
  static Tensor tensor(Object encoded) {
    Map<String, Object> map = (Map<String, Object>) encoded;
    List<Object> shape = (List<Object>) map.get("shape");
    List<Object> data = (List<Object>) map.get("data");
    float[] values = new float[data.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = ((Number) data.get(i)).floatValue();
    }
    return Tensor.of(values, shape.stream().mapToInt(d -> ((Number) d).intValue()).toArray());
  }

  /** The reference values in float64, as written. */
  @SuppressWarnings("unchecked")
  static double[] values(Object encoded) {
    List<Object> data = (List<Object>) ((Map<String, Object>) encoded).get("data");
    return data.stream().mapToDouble(d -> ((Number) d).doubleValue()).toArray();
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Map<String, Object> fixture, String key) {
    return (List<Object>) fixture.get(key);
  }
}
