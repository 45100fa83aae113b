package dev.lamina.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes transformers as JSON. Numbers are written with all the digits of a double, so
 * a round trip gives bit-identical learnt values.
 */
public final class TransformerJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private TransformerJson() {}

  /** The transformer as a JSON text. */
  public static String toJsonString(Transformer transformer) {
    try {
      return MAPPER.writeValueAsString(transformer.toJson());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("TransformerJson: cannot write " + transformer, e);
    }
  }

  /** Rebuilds a transformer from {@link #toJsonString}'s output. */
  public static Transformer fromJson(String json) {
    try {
      return fromJson(MAPPER.readTree(json));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("TransformerJson: not valid JSON: " + e.getMessage(), e);
    }
  }

  /** Rebuilds a transformer from {@link Transformer#toJson()}'s output. */
  public static Transformer fromJson(JsonNode json) {
    String type = json.path("type").asText("");
    return switch (type) {
      case "StandardScaler" -> StandardScaler.fromJson(json);
      case "MinMaxScaler" -> MinMaxScaler.fromJson(json);
      case "SimpleImputer" -> SimpleImputer.fromJson(json);
      case "OneHotEncoder" -> OneHotEncoder.fromJson(json);
      case "OrdinalEncoder" -> OrdinalEncoder.fromJson(json);
      case "LabelEncoder" -> LabelEncoder.fromJson(json);
      case "Pipeline" -> Pipeline.fromJson(json);
      case "ColumnTransformer" -> ColumnTransformer.fromJson(json);
      case "RobustScaler" -> RobustScaler.fromJson(json);
      case "OutlierClipper" -> OutlierClipper.fromJson(json);
      case "FunctionTransformer" -> FunctionTransformer.fromJson(json);
      case "PowerTransformer" -> PowerTransformer.fromJson(json);
      case "QuantileTransformer" -> QuantileTransformer.fromJson(json);
      case "PolynomialFeatures" -> PolynomialFeatures.fromJson(json);
      case "KBinsDiscretizer" -> KBinsDiscretizer.fromJson(json);
      case "VarianceThreshold" -> VarianceThreshold.fromJson(json);
      case "SelectKBest" -> SelectKBest.fromJson(json);
      case "PCA" -> PCA.fromJson(json);
      default -> throw new IllegalArgumentException(
          "TransformerJson: unknown transformer type '" + type + "'; expected one of "
              + "StandardScaler, MinMaxScaler, SimpleImputer, OneHotEncoder, OrdinalEncoder, "
              + "LabelEncoder, Pipeline, ColumnTransformer, RobustScaler, OutlierClipper, "
              + "FunctionTransformer, PowerTransformer, QuantileTransformer, PolynomialFeatures, "
              + "KBinsDiscretizer, VarianceThreshold, SelectKBest, PCA");
    };
  }

  static ObjectNode object(String type) {
    return MAPPER.createObjectNode().put("type", type);
  }

  static ArrayNode doubles(double[] values) {
    ArrayNode array = MAPPER.createArrayNode();
    for (double value : values) {
      array.add(value);
    }
    return array;
  }

  static ArrayNode strings(List<String> values) {
    ArrayNode array = MAPPER.createArrayNode();
    for (String value : values) {
      array.add(value);
    }
    return array;
  }

  static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  static double[] readDoubles(JsonNode json, String field) {
    JsonNode array = required(json, field);
    double[] values = new double[array.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = array.get(i).asDouble();
    }
    return values;
  }

  /** A list of strings in which JSON null stands for a missing value. */
  static List<String> readStrings(JsonNode json, String field) {
    List<String> values = new ArrayList<>();
    for (JsonNode item : required(json, field)) {
      values.add(item.isNull() ? null : item.asText());
    }
    return values;
  }

  static JsonNode required(JsonNode json, String field) {
    JsonNode value = json.get(field);
    if (value == null) {
      throw new IllegalArgumentException("TransformerJson: " + json.path("type").asText("?")
          + " lacks the field '" + field + "'");
    }
    return value;
  }
}
