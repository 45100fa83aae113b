package dev.lamina.keras;

import dev.lamina.layers.Layer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a Lamina layer as Keras 3 serializes it ({@code module}, {@code class_name}, {@code
 * config}, {@code registered_name}, {@code build_config}), from the layer's own config, which uses
 * Keras's option names. Layers Keras has no class for (custom layers) are refused.
 */
final class KerasLayerWriter {
  private static final List<String> CONVOLUTION =
      List.of(
          "filters",
          "kernel_size",
          "strides",
          "padding",
          "data_format",
          "dilation_rate",
          "groups",
          "activation",
          "use_bias");
  private static final List<String> POOLING =
      List.of("pool_size", "padding", "strides", "data_format");
  private static final List<String> GLOBAL_POOLING = List.of("data_format", "keepdims");
  private static final List<String> AUGMENTATION =
      List.of("height_factor", "width_factor", "fill_mode", "interpolation", "seed", "fill_value");
  private static final Map<String, List<String>> OPTIONS =
      Map.ofEntries(
          Map.entry("Dense", List.of("units", "activation", "use_bias")),
          Map.entry(
              "BatchNormalization", List.of("axis", "momentum", "epsilon", "center", "scale")),
          Map.entry("Normalization", List.of("invert", "mean", "variance")),
          Map.entry("Dropout", List.of("rate", "seed")),
          Map.entry("Activation", List.of("activation")),
          Map.entry("LeakyReLU", List.of("negative_slope")),
          Map.entry("ReLU", List.of("max_value", "negative_slope", "threshold")),
          Map.entry("ELU", List.of("alpha")),
          Map.entry("Softmax", List.of("axis")),
          Map.entry("Flatten", List.of()),
          Map.entry("Reshape", List.of("target_shape")),
          Map.entry("Conv1D", CONVOLUTION),
          Map.entry("Conv2D", CONVOLUTION),
          Map.entry("MaxPooling2D", POOLING),
          Map.entry("AveragePooling2D", POOLING),
          Map.entry("GlobalAveragePooling1D", GLOBAL_POOLING),
          Map.entry("GlobalMaxPooling1D", GLOBAL_POOLING),
          Map.entry("GlobalAveragePooling2D", GLOBAL_POOLING),
          Map.entry("GlobalMaxPooling2D", GLOBAL_POOLING),
          Map.entry("RandomFlip", List.of("mode", "seed")),
          Map.entry("RandomTranslation", AUGMENTATION),
          Map.entry("RandomZoom", AUGMENTATION));

  private KerasLayerWriter() {}

  static Map<String, Object> write(Layer layer, int[] inputShape) {
    List<String> options = OPTIONS.get(layer.className());
    if (options == null) {
      throw new IllegalArgumentException(
          "layer '" + layer.name() + "' (" + layer.className() + ") has no Keras class to save as");
    }
    Map<String, Object> lamina = layer.config();
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("name", layer.name());
    config.put("trainable", layer.isTrainable());
    config.put("dtype", "float32");
    for (String key : options) {
      config.put(key, lamina.get(key));
    }
    switch (layer.className()) {
      case "Dense", "Conv1D", "Conv2D" -> {
        config.put(
            "kernel_initializer", KerasObjects.kerasInitializer(lamina.get("kernel_initializer")));
        config.put(
            "bias_initializer", KerasObjects.kerasInitializer(lamina.get("bias_initializer")));
        KerasObjects.convertRegularizersAndConstraints(
            lamina,
            config,
            KerasObjects::kerasRegularizer,
            KerasObjects::kerasConstraint,
            "kernel",
            "bias");
      }
      case "BatchNormalization" ->
          KerasObjects.convertRegularizersAndConstraints(
              lamina,
              config,
              KerasObjects::kerasRegularizer,
              KerasObjects::kerasConstraint,
              "beta",
              "gamma");
      case "Normalization" -> {
        config.put("axis", List.of(-1));
      }
      case "Dropout" -> config.put("noise_shape", null);
      case "Flatten" -> config.put("data_format", "channels_last");
      default -> {}
    }
    return entry(layer.className(), config, inputShape);
  }

  /** The InputLayer entry Keras 3 writes first in a Sequential. */
  static Map<String, Object> input(int[] shape) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("batch_shape", batchShape(shape));
    config.put("dtype", "float32");
    config.put("sparse", false);
    config.put("name", "input_layer");
    Map<String, Object> entry = KerasObjects.module("keras.layers", "InputLayer", config);
    return entry;
  }

  private static Map<String, Object> entry(
      String className, Map<String, Object> config, int[] inputShape) {
    Map<String, Object> entry = KerasObjects.module("keras.layers", className, config);
    entry.put("build_config", Map.of("input_shape", batchShape(inputShape)));
    return entry;
  }

  /** A per-sample shape with Keras's unknown batch axis first: {@code [null, 6]}. */
  static List<Object> batchShape(int[] shape) {
    List<Object> out = new java.util.ArrayList<>();
    out.add(null);
    for (int dim : shape) {
      out.add(dim);
    }
    return out;
  }
}
