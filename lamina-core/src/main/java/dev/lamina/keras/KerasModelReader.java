package dev.lamina.keras;

import dev.lamina.KerasModelException;
import dev.lamina.ModelFileException;
import dev.lamina.Parameter;
import dev.lamina.io.ModelFormat;
import dev.lamina.layers.Layer;
import dev.lamina.random.SeededRandom;
import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a Keras v3 {@code .keras} file or a legacy Keras HDF5 model into a {@link KerasModel}:
 * layers translated and built, weights checked against the config's shapes and loaded, compiled
 * when the compile config is one Lamina knows, with the optimizer's saved state.
 *
 * <p>The file is untrusted: it is never executed, unknown classes are refused, and no array is
 * allocated before its size is checked — the config may not imply more weights than the file could
 * store, and each dataset must declare exactly the shape the config implies.
 */
public final class KerasModelReader {
  /** The largest legacy HDF5 model read (a Java array's limit). */
  private static final long MAX_HDF5_BYTES = Integer.MAX_VALUE - 16L;

  private KerasModelReader() {}

  public static KerasModel read(Path file) {
    try {
      return switch (ModelFormat.of(file)) {
        case KERAS -> readV3(file);
        case KERAS_H5 -> readLegacy(file);
        case LAMINA -> throw new KerasModelException(file, "a Lamina model file, not a Keras one");
      };
    } catch (ModelFileException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new KerasModelException(file, "not a readable Keras model (" + e.getMessage() + ")", e);
    }
  }

  private static KerasModel readV3(Path file) {
    KerasArchive archive = KerasArchive.read(file);
    try (HdfFile h5 = HdfFile.fromBytes(archive.weights())) {
      KerasModelConfig model = KerasModelConfig.parse(file, archive.config());
      return assemble(
          file,
          model,
          archive.weights().length,
          layers -> new V3Weights(h5, layers),
          KerasValues.object(archive.config().get("compile_config")));
    }
  }

  /**
   * The file is read whole and handed to jHDF in memory: jHDF then slices every block a header
   * declares out of the file's real bytes, where reading from the file it would first allocate a
   * buffer of whatever size the (untrusted) header gives.
   */
  private static KerasModel readLegacy(Path file) throws IOException {
    long size = Files.size(file);
    if (size > MAX_HDF5_BYTES) {
      throw new KerasModelException(
          file, "an HDF5 file of " + size + " bytes, more than the " + MAX_HDF5_BYTES + " read");
    }
    byte[] bytes = Files.readAllBytes(file);
    try (HdfFile h5 = HdfFile.fromBytes(bytes)) {
      String modelConfig = stringAttribute(h5.getAttribute("model_config"));
      if (modelConfig == null) {
        throw new KerasModelException(
            file,
            "an HDF5 file without a 'model_config' attribute: weights only, not a whole model");
      }
      String training = stringAttribute(h5.getAttribute("training_config"));
      KerasModelConfig model =
          KerasModelConfig.parse(file, KerasJson.parseObject(modelConfig, "model_config"));
      return assemble(
          file,
          model,
          bytes.length,
          layers -> new LegacyWeights(h5),
          training == null ? null : KerasJson.parseObject(training, "training_config"));
    }
  }

  private static String stringAttribute(Attribute attribute) {
    if (attribute == null) {
      return null;
    }
    Object data = attribute.getData();
    return data instanceof byte[] bytes
        ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
        : String.valueOf(data);
  }

  private static KerasModel assemble(
      Path file,
      KerasModelConfig model,
      long fileBytes,
      java.util.function.Function<List<KerasLayerSpec>, LayerWeights> weightsFor,
      Map<String, Object> compileConfig) {
    if (model.inputShape() == null) {
      throw new KerasModelException(file, "the config gives no input shape");
    }
    KerasLayerReader reader = new KerasLayerReader();
    List<Layer> layers = new ArrayList<>();
    List<KerasLayerSpec> weighted = new ArrayList<>();
    List<Layer> weightedLayers = new ArrayList<>();
    List<int[]> inputs = new ArrayList<>();
    int[] shape = model.inputShape();
    long parameters = 0;
    for (KerasLayerSpec spec : model.layers()) {
      List<Layer> translated;
      try {
        translated = reader.read(spec, shape);
        for (Layer layer : translated) {
          inputs.add(shape);
          parameters += ParameterBudget.elements(layer, shape);
          shape = layer.outputShape(shape);
        }
      } catch (IllegalArgumentException e) {
        throw new KerasModelException(file, spec.position(), spec.className(), e.getMessage());
      }
      if (!translated.isEmpty() && ParameterBudget.holdsWeights(translated.get(0))) {
        weighted.add(spec);
        weightedLayers.add(translated.get(0));
      }
      layers.addAll(translated);
    }
    if (layers.isEmpty()) {
      throw new KerasModelException(file, "the config holds no layers that compute anything");
    }
    ParameterBudget.check(file, parameters, fileBytes);
    SeededRandom random = new SeededRandom(0);
    for (int i = 0; i < layers.size(); i++) {
      layers.get(i).build(inputs.get(i), random.split());
    }
    LayerWeights weights;
    try {
      weights = weightsFor.apply(weighted);
    } catch (IllegalArgumentException e) {
      throw new KerasModelException(file, e.getMessage(), e);
    }
    for (int i = 0; i < weighted.size(); i++) {
      load(file, weighted.get(i), weightedLayers.get(i), weights.of(weighted.get(i)));
    }
    KerasCompile compile = KerasCompile.parse(compileConfig);
    if (compile == null) {
      return new KerasModel(model.name(), model.inputShape(), layers, null, null, null);
    }
    List<Parameter> trainable = new ArrayList<>();
    layers.stream().filter(Layer::isTrainable).forEach(l -> trainable.addAll(l.trainableWeights()));
    KerasOptimizerState.restore(compile.optimizer(), weights.optimizerVariables(), trainable);
    return new KerasModel(
        model.name(),
        model.inputShape(),
        layers,
        compile.optimizer(),
        compile.loss(),
        compile.metrics());
  }

  private static void load(Path file, KerasLayerSpec spec, Layer layer, List<Dataset> datasets) {
    List<Parameter> params = layer.weights();
    if (datasets.size() != params.size()) {
      throw new KerasModelException(
          file,
          spec.position(),
          spec.className(),
          "the file holds "
              + datasets.size()
              + " weights for layer '"
              + spec.name()
              + "', its config implies "
              + params.size());
    }
    for (int i = 0; i < params.size(); i++) {
      Parameter p = params.get(i);
      try {
        p.assign(
            H5Arrays.floats(
                datasets.get(i), p.shape(), "weight " + i + " of '" + spec.name() + "'"));
      } catch (IllegalArgumentException e) {
        throw new KerasModelException(file, spec.position(), spec.className(), e.getMessage());
      }
    }
  }
}
