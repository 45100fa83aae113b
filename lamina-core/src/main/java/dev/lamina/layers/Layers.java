package dev.lamina.layers;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Recreates layers from their class name and {@link Layer#config()}, as a model file stores them.
 * The built-in layers are registered; a custom layer registers its own factory.
 */
public final class Layers {
  private static final Map<String, Function<Map<String, Object>, Layer>> FACTORIES =
      new LinkedHashMap<>();

  static {
    builtIn("Dense", Dense::fromConfig);
    builtIn("Activation", Activation::fromConfig);
    builtIn("LeakyReLU", LeakyReLU::fromConfig);
    builtIn("Softmax", Softmax::fromConfig);
    builtIn("Dropout", Dropout::fromConfig);
    builtIn("BatchNormalization", BatchNormalization::fromConfig);
    builtIn("InputLayer", Input::fromConfig);
    builtIn("Flatten", Flatten::fromConfig);
    builtIn("ReLU", ReLU::fromConfig);
    builtIn("ELU", ELU::fromConfig);
    builtIn("Reshape", Reshape::fromConfig);
    builtIn("Normalization", Normalization::fromConfig);
    builtIn("Conv2D", Conv2D::fromConfig);
    builtIn("Conv1D", Conv1D::fromConfig);
    builtIn("MaxPooling2D", MaxPooling2D::fromConfig);
    builtIn("AveragePooling2D", AveragePooling2D::fromConfig);
    builtIn("GlobalAveragePooling2D", GlobalAveragePooling2D::fromConfig);
    builtIn("GlobalMaxPooling2D", GlobalMaxPooling2D::fromConfig);
    builtIn("GlobalAveragePooling1D", GlobalAveragePooling1D::fromConfig);
    builtIn("GlobalMaxPooling1D", GlobalMaxPooling1D::fromConfig);
    builtIn("RandomFlip", RandomFlip::fromConfig);
    builtIn("RandomTranslation", RandomTranslation::fromConfig);
    builtIn("RandomZoom", RandomZoom::fromConfig);
  }

  private Layers() {}

  /** A new, unbuilt layer of class {@code className} with the options in {@code config}. */
  public static Layer fromConfig(String className, Map<String, Object> config) {
    Function<Map<String, Object>, Layer> factory;
    synchronized (FACTORIES) {
      factory = FACTORIES.get(className);
    }
    if (factory == null) {
      throw new IllegalArgumentException(
          "unknown layer class '"
              + className
              + "'; registered: "
              + String.join(", ", classNames()));
    }
    return factory.apply(config);
  }

  /** Makes a custom layer class loadable by {@link #fromConfig}; replaces an earlier factory. */
  public static void register(String className, Function<Map<String, Object>, Layer> factory) {
    synchronized (FACTORIES) {
      FACTORIES.put(className, factory);
    }
  }

  /** The registered class names, built-in first. */
  public static Set<String> classNames() {
    synchronized (FACTORIES) {
      return Collections.unmodifiableSet(new java.util.LinkedHashSet<>(FACTORIES.keySet()));
    }
  }

  private static void builtIn(String className, Function<LayerConfig, Layer> factory) {
    FACTORIES.put(className, config -> factory.apply(new LayerConfig(className, config)));
  }
}
