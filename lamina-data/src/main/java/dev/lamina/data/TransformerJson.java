package dev.lamina.data;

import dev.lamina.data.decomposition.PCA;
import dev.lamina.data.fitting.JsonFields;
import dev.lamina.data.preprocessing.FunctionTransformer;
import dev.lamina.data.preprocessing.KBinsDiscretizer;
import dev.lamina.data.preprocessing.OrdinalEncoder;
import dev.lamina.data.preprocessing.OutlierClipper;
import dev.lamina.data.preprocessing.PolynomialFeatures;
import dev.lamina.data.preprocessing.PowerTransformer;
import dev.lamina.data.preprocessing.QuantileTransformer;
import dev.lamina.data.preprocessing.RobustScaler;
import dev.lamina.data.selection.SelectKBest;
import dev.lamina.data.selection.VarianceThreshold;
import dev.lamina.io.Json;
import java.util.Map;

/**
 * Reads and writes transformers as JSON. A transformer's JSON form is a plain map ({@link
 * Transformer#toJson()}: strings, numbers, booleans, lists and maps), written with all the digits
 * of a double, so a round trip gives bit-identical learnt values. Reading goes through the same
 * bounded reader as model files, and a field of the wrong kind is an error naming the transformer
 * and the field.
 */
public final class TransformerJson {
  private TransformerJson() {}

  /** The transformer as a JSON text. */
  public static String toJsonString(Transformer transformer) {
    return Json.write(transformer.toJson());
  }

  /** Rebuilds a transformer from {@link #toJsonString}'s output. */
  public static Transformer fromJson(String json) {
    Object value;
    try {
      value = Json.parse(json);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("TransformerJson: not valid JSON: " + e.getMessage(), e);
    }
    return fromJson(JsonFields.object(value, "the transformer"));
  }

  /** Rebuilds a transformer from {@link Transformer#toJson()}'s output. */
  public static Transformer fromJson(Map<?, ?> object) {
    Map<String, ?> json = JsonFields.object(object, "the transformer");
    String type = json.get("type") instanceof String name ? name : "";
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
      default ->
          throw new IllegalArgumentException(
              "TransformerJson: unknown transformer type '"
                  + type
                  + "'; expected one of "
                  + "StandardScaler, MinMaxScaler, SimpleImputer, OneHotEncoder, OrdinalEncoder, "
                  + "LabelEncoder, Pipeline, ColumnTransformer, RobustScaler, OutlierClipper, "
                  + "FunctionTransformer, PowerTransformer, QuantileTransformer, PolynomialFeatures, "
                  + "KBinsDiscretizer, VarianceThreshold, SelectKBest, PCA");
    };
  }
}
