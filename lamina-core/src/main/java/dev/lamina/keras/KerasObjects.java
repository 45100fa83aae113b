package dev.lamina.keras;

import dev.lamina.initializers.Initializers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Initializers, regularizers and constraints inside layer configs, between Keras's form ({@code
 * {"module": "keras.initializers", "class_name": "GlorotUniform", "config": {...}}}) and Lamina's
 * ({@code {"class_name": "glorot_uniform", "config": {...}}}).
 */
final class KerasObjects {
  private static final Pattern CAMEL_WORD = Pattern.compile("(.)([A-Z][a-z]+)");
  private static final Pattern CAMEL_BOUNDARY = Pattern.compile("([a-z])([A-Z])");

  /** Lamina's initializers whose only Keras option is the seed. */
  private static final Set<String> SEEDED_BY_NAME =
      Set.of(
          "glorot_uniform",
          "glorot_normal",
          "he_uniform",
          "he_normal",
          "lecun_uniform",
          "lecun_normal");

  private static final List<String> CONSTRAINTS =
      List.of("MaxNorm", "MinMaxNorm", "NonNeg", "UnitNorm");

  private KerasObjects() {}

  /** Keras's class-name to snake-case rule: GlorotUniform → glorot_uniform. */
  static String snakeCase(String className) {
    String s = CAMEL_WORD.matcher(className).replaceAll("$1_$2");
    return CAMEL_BOUNDARY.matcher(s).replaceAll("$1_$2").toLowerCase(Locale.ROOT);
  }

  /** glorot_uniform → GlorotUniform. */
  static String camelCase(String snake) {
    StringBuilder out = new StringBuilder();
    for (String part : snake.split("_")) {
      if (!part.isEmpty()) {
        out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return out.toString();
  }

  /**
   * The Lamina form of a Keras initializer, or null (the layer's default) when the value is absent
   * or an initializer Lamina lacks: the weights are read from the file, so the initializer only
   * matters for a fresh training run.
   */
  static Map<String, Object> initializer(Object keras) {
    Map<String, Object> object = KerasValues.object(keras);
    String name = keras instanceof String s ? s : (String) object.get("class_name");
    if (name == null) {
      return null;
    }
    String lamina = snakeCase(name);
    try {
      Initializers.get(lamina);
    } catch (IllegalArgumentException unknown) {
      return null;
    }
    Map<String, Object> options = new LinkedHashMap<>(KerasValues.object(object.get("config")));
    options.remove("seed");
    return nested(lamina, options);
  }

  /** The Lamina form of a Keras L1, L2 or L1L2 regularizer, or null when absent. */
  static Map<String, Object> regularizer(Object keras) {
    if (keras == null) {
      return null;
    }
    Map<String, Object> object = KerasValues.object(keras);
    String name =
        keras instanceof String s ? s.toUpperCase(Locale.ROOT) : (String) object.get("class_name");
    if (!Set.of("L1", "L2", "L1L2").contains(name)) {
      throw new IllegalArgumentException(
          "regularizer " + keras + " is not supported (L1, L2 or L1L2)");
    }
    return nested(name, KerasValues.object(object.get("config")));
  }

  /**
   * The Lamina form of a Keras constraint (a serialized object, or a name such as {@code max_norm}
   * or {@code MaxNorm}), or null when absent; its values are checked when the layer is made.
   */
  static Map<String, Object> constraint(Object keras) {
    if (keras == null) {
      return null;
    }
    Map<String, Object> object = KerasValues.object(keras);
    String name = keras instanceof String s ? camelCase(s) : (String) object.get("class_name");
    if (!CONSTRAINTS.contains(name)) {
      throw new IllegalArgumentException(
          "constraint " + keras + " is not supported (" + String.join(", ", CONSTRAINTS) + ")");
    }
    return nested(name, KerasValues.object(object.get("config")));
  }

  /**
   * Puts each weight's converted {@code <weight>_regularizer}, then each one's {@code
   * <weight>_constraint} (Keras's order), from {@code from} into {@code to}.
   */
  static void convertRegularizersAndConstraints(
      Map<String, Object> from,
      Map<String, Object> to,
      Function<Object, Map<String, Object>> regularizer,
      Function<Object, Map<String, Object>> constraint,
      String... weights) {
    for (String weight : weights) {
      to.put(weight + "_regularizer", regularizer.apply(from.get(weight + "_regularizer")));
    }
    for (String weight : weights) {
      to.put(weight + "_constraint", constraint.apply(from.get(weight + "_constraint")));
    }
  }

  /**
   * Keras's form of an initializer in Lamina's layer config ({@code class_name}, {@code config}).
   */
  static Map<String, Object> kerasInitializer(Object lamina) {
    Map<String, Object> object = KerasValues.object(lamina);
    String name = (String) object.get("class_name");
    Map<String, Object> config = new LinkedHashMap<>();
    if (!SEEDED_BY_NAME.contains(name)) {
      config.putAll(KerasValues.object(object.get("config")));
    }
    if (!Set.of("zeros", "ones", "constant").contains(name)) {
      config.put("seed", null);
    }
    return module("keras.initializers", camelCase(name), config);
  }

  /** Keras's form of a regularizer in Lamina's layer config, or null. */
  static Map<String, Object> kerasRegularizer(Object lamina) {
    return serialized("keras.regularizers", lamina);
  }

  /** Keras's form of a constraint in Lamina's layer config, or null. */
  static Map<String, Object> kerasConstraint(Object lamina) {
    return serialized("keras.constraints", lamina);
  }

  private static Map<String, Object> serialized(String module, Object lamina) {
    if (lamina == null) {
      return null;
    }
    Map<String, Object> object = KerasValues.object(lamina);
    return module(
        module,
        (String) object.get("class_name"),
        new LinkedHashMap<>(KerasValues.object(object.get("config"))));
  }

  static Map<String, Object> module(String module, String className, Object config) {
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("module", module);
    object.put("class_name", className);
    object.put("config", config);
    object.put("registered_name", null);
    return object;
  }

  private static Map<String, Object> nested(String className, Map<String, Object> config) {
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("class_name", className);
    object.put("config", config);
    return object;
  }
}
