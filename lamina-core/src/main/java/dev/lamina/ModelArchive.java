package dev.lamina;

import dev.lamina.io.ModelContents;
import dev.lamina.io.ModelFile;
import dev.lamina.io.ModelFormat;
import dev.lamina.io.NamedArray;
import dev.lamina.keras.KerasModel;
import dev.lamina.keras.KerasModelReader;
import dev.lamina.keras.KerasModelWriter;
import dev.lamina.layers.Layer;
import dev.lamina.layers.Layers;
import dev.lamina.losses.Losses;
import dev.lamina.optimizers.Optimizers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a Sequential model into model-file contents and back (docs/model-format.md). */
final class ModelArchive {
  private ModelArchive() {}

  static void save(Sequential model, Path file, Map<String, String> extras) {
    model.requireBuiltFor("save");
    if (file.getFileName().toString().endsWith(".keras")) {
      KerasModelWriter.write(file, toKeras(model));
      return;
    }
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("class_name", "Sequential");
    config.put("name", model.name());
    config.put("seed", model.seedValue());
    config.put("input_shape", model.inputShape());
    List<Object> layers = new ArrayList<>();
    List<NamedArray> weights = new ArrayList<>();
    for (Layer layer : model.layers()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("class_name", layer.className());
      entry.put("config", layer.config());
      layers.add(entry);
      for (Parameter p : layer.weights()) {
        weights.add(
            new NamedArray(layer.name() + "/" + p.name(), p.shape(), p.value().toFloatArray()));
      }
    }
    config.put("layers", layers);
    Compiled compiled = model.compiledOrNull();
    if (compiled != null) {
      Map<String, Object> training = new LinkedHashMap<>();
      training.put("optimizer", named(compiled.optimizer().name(), compiled.optimizer().config()));
      training.put("loss", named(compiled.loss().name(), compiled.loss().config()));
      training.put("metrics", compiled.metricNames());
      config.put("compile", training);
    }
    ModelFile.write(file, new ModelContents(config, weights, extras));
  }

  private static Map<String, Object> named(String name, Map<String, Object> options) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("config", options);
    return m;
  }

  /** The model as Keras files describe it. */
  static KerasModel toKeras(Sequential model) {
    Compiled compiled = model.compiledOrNull();
    return new KerasModel(
        model.name(),
        model.inputShape(),
        model.layers(),
        compiled == null ? null : compiled.optimizer(),
        compiled == null ? null : compiled.loss(),
        compiled == null ? null : compiled.metricNames());
  }

  /** A Sequential of the Keras model's (built) layers, compiled as the file was. */
  static Sequential fromKeras(KerasModel keras) {
    Sequential model = new Sequential().name(keras.name());
    keras.layers().forEach(model::add);
    model.build(keras.inputShape());
    if (keras.isCompiled()) {
      model.compile(keras.optimizer(), keras.loss(), keras.metrics().toArray(String[]::new));
    }
    return model;
  }

  static Sequential load(Path file) {
    if (ModelFormat.of(file) != ModelFormat.LAMINA) {
      return fromKeras(KerasModelReader.read(file));
    }
    ModelContents contents = ModelFile.read(file);
    try {
      return rebuild(contents);
    } catch (ModelFileException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ModelFileException(file, "inconsistent contents: " + e.getMessage(), e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Sequential rebuild(ModelContents contents) {
    Map<String, Object> config = contents.config();
    if (!"Sequential".equals(config.get("class_name"))) {
      throw new IllegalArgumentException(
          "model class " + config.get("class_name") + " is not Sequential");
    }
    Sequential model = new Sequential();
    model.name(String.valueOf(config.get("name")));
    model.seed(((Number) config.get("seed")).longValue());
    for (Object item : (List<Object>) config.get("layers")) {
      Map<String, Object> entry = (Map<String, Object>) item;
      model.add(
          Layers.fromConfig(
              (String) entry.get("class_name"), (Map<String, Object>) entry.get("config")));
    }
    List<Object> dims = (List<Object>) config.get("input_shape");
    int[] inputShape = new int[dims.size()];
    for (int i = 0; i < inputShape.length; i++) {
      inputShape[i] = ((Number) dims.get(i)).intValue();
    }
    model.build(inputShape);
    List<Tensor> weights = new ArrayList<>();
    for (NamedArray w : contents.weights()) {
      weights.add(Tensor.of(w.values(), w.shape()));
    }
    model.setWeights(weights);
    if (config.get("compile") instanceof Map<?, ?> training) {
      Map<String, Object> optimizer = (Map<String, Object>) training.get("optimizer");
      Map<String, Object> loss = (Map<String, Object>) training.get("loss");
      List<Object> metrics = (List<Object>) training.get("metrics");
      model.compile(
          Optimizers.fromConfig(
              (String) optimizer.get("name"), (Map<String, Object>) optimizer.get("config")),
          Losses.fromConfig((String) loss.get("name"), (Map<String, Object>) loss.get("config")),
          metrics.stream().map(String::valueOf).toArray(String[]::new));
    }
    return model;
  }
}
