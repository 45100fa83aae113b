package dev.lamina.keras;

import dev.lamina.ModelFileException;
import dev.lamina.files.AtomicFile;
import dev.lamina.files.StoredZipEntry;
import dev.lamina.layers.Layer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipOutputStream;

/**
 * Writes a Keras v3 {@code .keras} file that Keras 3's {@code keras.models.load_model} reads: a zip
 * of stored (uncompressed) {@code metadata.json}, {@code config.json} and {@code model.weights.h5},
 * in that order, written atomically.
 */
public final class KerasModelWriter {
  /** The Keras version whose layout is written. */
  static final String KERAS_VERSION = "3.15.1";

  private KerasModelWriter() {}

  public static void write(Path file, KerasModel model) {
    byte[] config;
    byte[] weights;
    try {
      config = KerasJson.write(config(model)).getBytes(StandardCharsets.UTF_8);
      weights = KerasWeightsWriter.write(model);
    } catch (IOException | RuntimeException e) {
      throw new ModelFileException(file, "cannot write as Keras: " + e.getMessage(), e);
    }
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("keras_version", KERAS_VERSION);
    metadata.put(
        "date_saved",
        LocalDateTime.now(ZoneId.systemDefault())
            .format(DateTimeFormatter.ofPattern("yyyy-MM-dd@HH:mm:ss")));
    byte[] meta = KerasJson.write(metadata).getBytes(StandardCharsets.UTF_8);
    AtomicFile.write(
        file,
        out -> {
          ZipOutputStream zip = new ZipOutputStream(out);
          StoredZipEntry.put(zip, KerasArchive.METADATA, meta);
          StoredZipEntry.put(zip, KerasArchive.CONFIG, config);
          StoredZipEntry.put(zip, KerasArchive.WEIGHTS, weights);
          zip.finish();
        });
  }

  static Map<String, Object> config(KerasModel model) {
    List<Object> layers = new ArrayList<>();
    layers.add(KerasLayerWriter.input(model.inputShape()));
    int[] shape = model.inputShape();
    for (Layer layer : model.layers()) {
      layers.add(KerasLayerWriter.write(layer, shape));
      shape = layer.outputShape(shape);
    }
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("name", model.name());
    inner.put("trainable", true);
    inner.put("dtype", "float32");
    inner.put("layers", layers);
    inner.put("build_input_shape", KerasLayerWriter.batchShape(model.inputShape()));
    Map<String, Object> top = KerasObjects.module("keras", "Sequential", inner);
    top.put("build_config", Map.of("input_shape", KerasLayerWriter.batchShape(model.inputShape())));
    if (model.isCompiled()) {
      top.put("compile_config", KerasCompileWriter.write(model));
    }
    return top;
  }
}
