package dev.lamina.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lamina.layers.Layer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * BatchNormalization's beta/gamma regularizers and constraints are read from a Keras 3 layer config
 * and written back in Keras 3's serialized form.
 */
class KerasBatchNormOptionsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** As Keras 3.15 serializes {@code BatchNormalization(beta_regularizer=L1(0.5), ...)}. */
  private static final String KERAS_CONFIG =
      """
      {"name": "batch_normalization", "trainable": true, "dtype": "float32", "axis": -1,
       "momentum": 0.9, "epsilon": 0.001, "center": true, "scale": true,
       "beta_initializer": {"module": "keras.initializers", "class_name": "Zeros", "config": {}, "registered_name": null},
       "gamma_initializer": {"module": "keras.initializers", "class_name": "Ones", "config": {}, "registered_name": null},
       "moving_mean_initializer": {"module": "keras.initializers", "class_name": "Zeros", "config": {}, "registered_name": null},
       "moving_variance_initializer": {"module": "keras.initializers", "class_name": "Ones", "config": {}, "registered_name": null},
       "beta_regularizer": {"module": "keras.regularizers", "class_name": "L1", "config": {"l1": 0.5}, "registered_name": null},
       "gamma_regularizer": {"module": "keras.regularizers", "class_name": "L2", "config": {"l2": 0.01}, "registered_name": null},
       "beta_constraint": {"module": "keras.constraints", "class_name": "MaxNorm", "config": {"max_value": 2.0, "axis": 0}, "registered_name": null},
       "gamma_constraint": {"module": "keras.constraints", "class_name": "NonNeg", "config": {}, "registered_name": null},
       "synchronized": false}
      """;

  private static final List<String> OPTIONS =
      List.of("beta_regularizer", "gamma_regularizer", "beta_constraint", "gamma_constraint");

  @Test
  void theFourOptionsAreReadAndWrittenBackAsKerasSerializesThem() throws Exception {
    Map<String, Object> keras =
        JSON.readValue(KERAS_CONFIG, new TypeReference<Map<String, Object>>() {});
    List<Layer> layers =
        new KerasLayerReader()
            .read(new KerasLayerSpec(1, "BatchNormalization", keras), new int[] {3});
    assertEquals(1, layers.size());
    Map<String, Object> lamina = layers.get(0).config();
    assertEquals(
        Map.of("class_name", "L1", "config", Map.of("l1", 0.5)), lamina.get("beta_regularizer"));
    assertEquals(
        Map.of("class_name", "L2", "config", Map.of("l2", 0.01)), lamina.get("gamma_regularizer"));
    assertEquals(
        Map.of("class_name", "MaxNorm", "config", Map.of("max_value", 2.0, "axis", 0)),
        lamina.get("beta_constraint"));
    assertEquals(
        Map.of("class_name", "NonNeg", "config", Map.of()), lamina.get("gamma_constraint"));

    JsonNode written =
        JSON.valueToTree(KerasLayerWriter.write(layers.get(0), new int[] {3}).get("config"));
    JsonNode original = JSON.readTree(KERAS_CONFIG);
    for (String option : OPTIONS) {
      assertEquals(original.get(option), written.get(option), option);
    }
    List<String> keys = new java.util.ArrayList<>();
    written.fieldNames().forEachRemaining(keys::add);
    assertEquals(OPTIONS, keys.subList(keys.size() - OPTIONS.size(), keys.size()), "Keras's order");
  }

  @Test
  void aLayerWithoutThemWritesNulls() throws Exception {
    Map<String, Object> keras =
        JSON.readValue("{\"axis\": -1}", new TypeReference<Map<String, Object>>() {});
    Layer layer =
        new KerasLayerReader()
            .read(new KerasLayerSpec(1, "BatchNormalization", keras), new int[] {3})
            .get(0);
    Map<String, Object> written = KerasLayerWriter.write(layer, new int[] {3});
    @SuppressWarnings("unchecked")
    Map<String, Object> config = (Map<String, Object>) written.get("config");
    for (String option : OPTIONS) {
      assertEquals(true, config.containsKey(option) && config.get(option) == null, option);
    }
  }
}
