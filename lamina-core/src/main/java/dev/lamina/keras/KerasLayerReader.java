package dev.lamina.keras;

import dev.lamina.layers.Layer;
import dev.lamina.layers.Layers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns one Keras layer config into the Lamina layers that compute the same function: usually one
 * layer of the same class, built through Lamina's own registry ({@link Layers#fromConfig}) from a
 * config with Keras's option names. A Dense whose activation is a layer object becomes the Dense
 * followed by that layer. Options Lamina cannot honour are refused, never dropped.
 */
final class KerasLayerReader {
  /** Options every class may carry that change nothing Lamina computes. */
  private static final Set<String> COMMON =
      Set.of(
          "name",
          "trainable",
          "dtype",
          "batch_input_shape",
          "batch_shape",
          "input_shape",
          "sparse",
          "ragged",
          "optional",
          "data_format",
          "autocast");

  /** The options Keras's Conv1D and Conv2D share. */
  private static final Set<String> CONVOLUTION =
      Set.of(
          "filters",
          "kernel_size",
          "strides",
          "padding",
          "dilation_rate",
          "groups",
          "activation",
          "use_bias",
          "kernel_initializer",
          "bias_initializer",
          "kernel_regularizer",
          "bias_regularizer");

  /** The options Keras's RandomTranslation and RandomZoom share. */
  private static final Set<String> AUGMENTATION =
      Set.of("height_factor", "width_factor", "fill_mode", "interpolation", "seed", "fill_value");

  /** The classes read and the options each honours (the rest must be null or false). */
  static final Map<String, Set<String>> OPTIONS =
      Map.ofEntries(
          Map.entry("InputLayer", Set.of()),
          Map.entry(
              "Dense",
              Set.of(
                  "units",
                  "activation",
                  "use_bias",
                  "kernel_initializer",
                  "bias_initializer",
                  "kernel_regularizer",
                  "bias_regularizer",
                  "kernel_constraint",
                  "bias_constraint")),
          Map.entry(
              "BatchNormalization",
              Set.of(
                  "axis",
                  "momentum",
                  "epsilon",
                  "center",
                  "scale",
                  "beta_initializer",
                  "gamma_initializer",
                  "moving_mean_initializer",
                  "moving_variance_initializer",
                  "renorm_momentum",
                  "fused",
                  "beta_regularizer",
                  "gamma_regularizer",
                  "beta_constraint",
                  "gamma_constraint")),
          Map.entry("Normalization", Set.of("axis", "invert", "mean", "variance")),
          Map.entry("Dropout", Set.of("rate", "seed")),
          Map.entry("Activation", Set.of("activation")),
          Map.entry("LeakyReLU", Set.of("negative_slope", "alpha")),
          Map.entry("ReLU", Set.of("max_value", "negative_slope", "threshold")),
          Map.entry("ELU", Set.of("alpha")),
          Map.entry("Softmax", Set.of("axis")),
          Map.entry("Flatten", Set.of()),
          Map.entry("Reshape", Set.of("target_shape")),
          Map.entry("Conv1D", CONVOLUTION),
          Map.entry("Conv2D", CONVOLUTION),
          Map.entry("MaxPooling2D", Set.of("pool_size", "strides", "padding")),
          Map.entry("AveragePooling2D", Set.of("pool_size", "strides", "padding")),
          Map.entry("GlobalAveragePooling1D", Set.of("keepdims")),
          Map.entry("GlobalMaxPooling1D", Set.of("keepdims")),
          Map.entry("GlobalAveragePooling2D", Set.of("keepdims")),
          Map.entry("GlobalMaxPooling2D", Set.of("keepdims")),
          Map.entry("RandomFlip", Set.of("mode", "seed")),
          Map.entry("RandomTranslation", AUGMENTATION),
          Map.entry("RandomZoom", AUGMENTATION));

  private final KerasActivation activations = new KerasActivation();

  /**
   * The Lamina layers for {@code spec} (none for an InputLayer), given the per-sample shape of its
   * input; raises IllegalArgumentException naming the option when it cannot be honoured.
   */
  List<Layer> read(KerasLayerSpec spec, int[] inputShape) {
    Map<String, Object> keras = spec.config();
    Map<String, Object> lamina = new LinkedHashMap<>();
    if (spec.name() != null) {
      lamina.put("name", spec.name());
    }
    if (Boolean.FALSE.equals(keras.get("trainable"))) {
      lamina.put("trainable", false);
    }
    if (!OPTIONS.containsKey(spec.className())) {
      throw new IllegalArgumentException(
          "class '"
              + spec.className()
              + "' is not supported (a custom object, a Lambda or a layer"
              + " Lamina lacks); Lamina reads "
              + String.join(", ", new java.util.TreeSet<>(OPTIONS.keySet())));
    }
    requireKnownOptions(spec, keras);
    List<Layer> extra = new ArrayList<>();
    switch (spec.className()) {
      case "InputLayer" -> {
        return List.of();
      }
      case "Dense" -> dense(keras, lamina, extra);
      case "BatchNormalization" -> {
        requireLastAxis(keras, inputShape);
        copy(keras, lamina, "momentum", "epsilon", "center", "scale");
        KerasObjects.convertRegularizersAndConstraints(
            keras, lamina, KerasObjects::regularizer, KerasObjects::constraint, "beta", "gamma");
      }
      case "Normalization" -> {
        requireLastAxis(keras, inputShape);
        copy(keras, lamina, "invert", "mean", "variance");
      }
      case "Dropout" -> {
        copy(keras, lamina, "rate", "seed");
      }
      case "Activation" -> lamina.put("activation", activationName(keras.get("activation")));
      case "LeakyReLU" -> {
        // Keras 2 calls the slope alpha; both default to 0.3 for the layer
        Object slope =
            keras.containsKey("negative_slope") ? keras.get("negative_slope") : keras.get("alpha");
        lamina.put("negative_slope", slope == null ? 0.3 : slope);
      }
      case "ReLU" -> copy(keras, lamina, "max_value", "negative_slope", "threshold");
      case "ELU" -> copy(keras, lamina, "alpha");
      case "Softmax" -> lamina.put("axis", KerasValues.axis(keras.getOrDefault("axis", -1)));
      case "Flatten" -> {}
      case "Reshape" -> copy(keras, lamina, "target_shape");
      case "Conv1D", "Conv2D" -> {
        requireChannelsLast(keras);
        // a convolution's activation, initializers and regularizers are read as Dense's
        dense(keras, lamina, extra);
        copy(
            keras,
            lamina,
            "filters",
            "kernel_size",
            "strides",
            "padding",
            "dilation_rate",
            "groups");
      }
      case "MaxPooling2D", "AveragePooling2D" -> {
        requireChannelsLast(keras);
        copy(keras, lamina, "pool_size", "strides", "padding");
      }
      case "GlobalAveragePooling1D",
          "GlobalMaxPooling1D",
          "GlobalAveragePooling2D",
          "GlobalMaxPooling2D" -> {
        requireChannelsLast(keras);
        copy(keras, lamina, "keepdims");
      }
      case "RandomFlip", "RandomTranslation", "RandomZoom" -> {
        requireChannelsLast(keras);
        copy(keras, lamina, OPTIONS.get(spec.className()).toArray(String[]::new));
      }
      default -> throw new IllegalStateException("unhandled class " + spec.className());
    }
    List<Layer> layers = new ArrayList<>();
    layers.add(Layers.fromConfig(spec.className(), lamina));
    layers.addAll(extra);
    return layers;
  }

  private void dense(Map<String, Object> keras, Map<String, Object> lamina, List<Layer> extra) {
    copy(keras, lamina, "units", "use_bias");
    Object activation = keras.get("activation");
    String function = activations.functionName(activation);
    if (function != null) {
      lamina.put("activation", function);
    } else {
      lamina.put("activation", "linear");
      Map<String, Object> object = activations.layerObject(activation);
      String className = String.valueOf(object.get("class_name"));
      KerasLayerSpec inner =
          new KerasLayerSpec(-1, className, KerasValues.object(object.get("config")));
      if (!Set.of("LeakyReLU", "ReLU", "ELU", "Softmax", "Activation").contains(className)) {
        throw new IllegalArgumentException(
            "activation object of class '" + className + "' is not supported");
      }
      Map<String, Object> unnamed = new LinkedHashMap<>(inner.config());
      unnamed.remove("name"); // the model names it, so it cannot clash with the Dense's name
      extra.addAll(read(new KerasLayerSpec(-1, className, unnamed), null));
    }
    lamina.put("kernel_initializer", KerasObjects.initializer(keras.get("kernel_initializer")));
    lamina.put("bias_initializer", KerasObjects.initializer(keras.get("bias_initializer")));
    KerasObjects.convertRegularizersAndConstraints(
        keras, lamina, KerasObjects::regularizer, KerasObjects::constraint, "kernel", "bias");
  }

  private String activationName(Object value) {
    String name = activations.functionName(value);
    if (name == null) {
      throw new IllegalArgumentException("activation " + value + " is not a function name");
    }
    return name;
  }

  /** Keras's axis -1, or the last axis counted from the batch axis (tf.keras wrote [1]). */
  private static void requireLastAxis(Map<String, Object> keras, int[] inputShape) {
    Integer axis = KerasValues.axis(keras.getOrDefault("axis", -1));
    boolean last =
        axis != null && (axis == -1 || (inputShape != null && axis == inputShape.length));
    if (!last) {
      throw new IllegalArgumentException(
          "option 'axis' is " + keras.get("axis") + "; only the last axis is supported");
    }
  }

  /**
   * Images with channels first would be read with their axes mixed up, so only Keras's default
   * {@code channels_last} (or no data format at all) is read.
   */
  private static void requireChannelsLast(Map<String, Object> keras) {
    Object format = keras.get("data_format");
    if (format != null && !"channels_last".equals(format)) {
      throw new IllegalArgumentException(
          "option 'data_format' is " + format + "; only 'channels_last' is supported");
    }
  }

  private static void copy(Map<String, Object> keras, Map<String, Object> lamina, String... keys) {
    for (String key : keys) {
      if (keras.containsKey(key)) {
        lamina.put(key, keras.get(key));
      }
    }
  }

  /**
   * Every option must be one this reader honours, one that changes nothing, or unset (null or
   * false): an activity regularizer or renormalization is refused.
   */
  private static void requireKnownOptions(KerasLayerSpec spec, Map<String, Object> keras) {
    Set<String> honoured = OPTIONS.get(spec.className());
    keras.forEach(
        (key, value) -> {
          boolean unset = value == null || Boolean.FALSE.equals(value);
          if (!unset && !honoured.contains(key) && !COMMON.contains(key)) {
            throw new IllegalArgumentException(
                "option '" + key + "' = " + value + " is not supported");
          }
        });
  }
}
