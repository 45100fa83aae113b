package dev.lamina.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lamina.KerasModelException;
import dev.lamina.ModelFileException;
import dev.lamina.Sequential;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Damaged and hostile Keras files get typed errors naming what and where, and are refused before
 * anything is allocated past a bound.
 */
class KerasBadFilesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> CONFIG = new TypeReference<>() {};
  @TempDir Path dir;

  @Test
  void truncatedZip() throws IOException {
    byte[] whole = Files.readAllBytes(KerasFixtures.golden("every_layer.keras"));
    Path file = dir.resolve("truncated.keras");
    Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 2));
    ModelFileException e = assertThrows(ModelFileException.class, () -> Sequential.load(file));
    assertTrue(
        e.getMessage().contains("truncated") && e.getMessage().contains(file.toString()),
        e.getMessage());
  }

  @Test
  void zipBombIsRefusedBeforeInflating() throws IOException {
    Path file = dir.resolve("bomb.keras");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
      zip.putNextEntry(new ZipEntry("config.json"));
      zip.write(entry(KerasFixtures.golden("every_layer.keras"), "config.json"));
      zip.putNextEntry(new ZipEntry("model.weights.h5"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 256; i++) { // 256 MiB of zeros deflate to about 250 KiB
        zip.write(zeros);
      }
      zip.closeEntry();
    }
    KerasModelException e = assertThrows(KerasModelException.class, () -> Sequential.load(file));
    assertTrue(e.getMessage().contains("decompression bomb"), e.getMessage());
  }

  @Test
  void datasetShapeThatDisagreesWithTheConfig() throws IOException {
    Path file = edited("every_layer.keras", layers -> config(layers.get(2)).put("units", 17));
    KerasModelException e = assertThrows(KerasModelException.class, () -> Sequential.load(file));
    assertEquals(2, e.layerPosition());
    assertEquals("Dense", e.layerClass());
    assertTrue(
        e.getMessage().contains("[6, 16]") && e.getMessage().contains("[6, 17]"), e.getMessage());
  }

  @Test
  void configImplyingMoreWeightsThanTheFileHoldsIsRefusedBeforeBuilding() throws IOException {
    Path file =
        edited("every_layer.keras", layers -> config(layers.get(2)).put("units", 100_000_000));
    KerasModelException e = assertThrows(KerasModelException.class, () -> Sequential.load(file));
    assertTrue(e.getMessage().contains("before allocating"), e.getMessage());
  }

  @Test
  void pickleWithAZipAppended() throws IOException {
    Path file = dir.resolve("pickle.keras");
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(
          new byte[] {(byte) 0x80, 0x04, (byte) 0x95, 0x10, 0, 0, 0, 0, 0, 0, 0, (byte) 0x8c});
      out.write(Files.readAllBytes(KerasFixtures.golden("every_layer.keras")));
    }
    ModelFileException e = assertThrows(ModelFileException.class, () -> Sequential.load(file));
    assertTrue(
        e.getMessage().contains("not a model file") && e.getMessage().contains("800495"),
        e.getMessage());
  }

  @Test
  void lambdaLayer() throws IOException {
    Path file =
        edited(
            "every_layer.keras",
            layers ->
                layers.add(3, layer("Lambda", Map.of("name", "lambda", "function", "gASV..."))));
    KerasModelException e = assertThrows(KerasModelException.class, () -> Sequential.load(file));
    assertEquals(3, e.layerPosition());
    assertEquals("Lambda", e.layerClass());
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
  }

  @Test
  void unknownClass() throws IOException {
    Path file =
        edited(
            "every_layer.keras",
            layers -> layers.add(5, layer("MyAttention", Map.of("name", "mine"))));
    KerasModelException e = assertThrows(KerasModelException.class, () -> Sequential.load(file));
    assertEquals(5, e.layerPosition());
    assertEquals("MyAttention", e.layerClass());
  }

  @ParameterizedTest
  @CsvSource({
    "1, data_format, channels_first, option 'data_format' is channels_first; only 'channels_last' is supported",
    "2, data_format, channels_first, option 'data_format' is channels_first; only 'channels_last' is supported",
    "1, groups, 2, groups must be 1, got 2",
    "1, padding, causal, padding must be 'valid' or 'same', got 'causal'"
  })
  void imageLayerOptionsLaminaCannotHonour(
      int position, String option, String value, String message) throws IOException {
    String golden = option.equals("padding") ? "cnn_1d.keras" : "cnn_global.keras";
    Object typed = value.matches("\\d+") ? (Object) Integer.valueOf(value) : value;
    Path file = edited(golden, layers -> config(layers.get(position)).put(option, typed));
    KerasModelException e = assertThrows(KerasModelException.class, () -> Sequential.load(file));
    assertEquals(position, e.layerPosition());
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }

  @Test
  void badConstraintsAreRefusedNamingLayerAndOption() throws IOException {
    // constraints.keras: InputLayer, two Normalization layers, then Dense layers from position 3
    Path negative =
        edited(
            "constraints.keras",
            layers ->
                config(layers.get(3))
                    .put(
                        "kernel_constraint", layer("MaxNorm", Map.of("max_value", -1, "axis", 0))));
    KerasModelException e =
        assertThrows(KerasModelException.class, () -> Sequential.load(negative));
    assertEquals(3, e.layerPosition());
    assertEquals("Dense", e.layerClass());
    assertTrue(
        e.getMessage().contains("kernel_constraint")
            && e.getMessage().contains("max_value")
            && e.getMessage().contains("-1"),
        e.getMessage());
    Path unknown =
        edited(
            "constraints.keras",
            layers ->
                config(layers.get(4)).put("bias_constraint", layer("RadialConstraint", Map.of())));
    e = assertThrows(KerasModelException.class, () -> Sequential.load(unknown));
    assertEquals(4, e.layerPosition());
    assertTrue(
        e.getMessage().contains("RadialConstraint") && e.getMessage().contains("MaxNorm"),
        e.getMessage());
  }

  @Test
  void activityRegularizerAndHalfGivenStatisticsAreRefused() throws IOException {
    Path activity =
        edited(
            "constraints.keras",
            layers ->
                config(layers.get(5)).put("activity_regularizer", layer("L2", Map.of("l2", 0.01))));
    KerasModelException e =
        assertThrows(KerasModelException.class, () -> Sequential.load(activity));
    assertEquals(5, e.layerPosition());
    assertTrue(e.getMessage().contains("activity_regularizer"), e.getMessage());
    Path halfGiven =
        edited("constraints.keras", layers -> config(layers.get(2)).put("variance", null));
    e = assertThrows(KerasModelException.class, () -> Sequential.load(halfGiven));
    assertEquals(2, e.layerPosition());
    assertEquals("Normalization", e.layerClass());
    assertTrue(
        e.getMessage().contains("mean") && e.getMessage().contains("variance"), e.getMessage());
    Path negativeVariance =
        edited("constraints.keras", layers -> config(layers.get(1)).put("variance", -4.0));
    e = assertThrows(KerasModelException.class, () -> Sequential.load(negativeVariance));
    assertEquals(1, e.layerPosition());
    assertTrue(
        e.getMessage().contains("variance") && e.getMessage().contains("-4"), e.getMessage());
  }

  @Test
  void branchingFunctionalModel() throws IOException {
    Path file = functional("branching.keras", List.of(-1, 0, 0, 1));
    KerasModelException e = assertThrows(KerasModelException.class, () -> Sequential.load(file));
    assertEquals(2, e.layerPosition());
    assertTrue(e.getMessage().contains("branching"), e.getMessage());
  }

  @Test
  void singleChainFunctionalModelReadsAsSequential() throws IOException {
    Path file = functional("chain.keras", List.of(-1, 0, 1, 2));
    Sequential chain = Sequential.load(file);
    Sequential sequential = Sequential.load(KerasFixtures.golden("continue_sgd.keras"));
    KerasRoundTripTest.assertBitsEqual(sequential.getWeights(), chain.getWeights());
  }

  /**
   * continue_sgd's InputLayer and three Dense layers as a Keras 3 Functional model whose layer i
   * takes the output of layer {@code sources[i]}.
   */
  private Path functional(String name, List<Integer> sources) throws IOException {
    Path source = KerasFixtures.golden("continue_sgd.keras");
    Map<String, Object> sequential = JSON.readValue(entry(source, "config.json"), CONFIG);
    List<Map<String, Object>> layers = layers(sequential);
    List<Object> functionalLayers = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      Map<String, Object> layer = new LinkedHashMap<>(layers.get(i));
      List<Object> inbound = new ArrayList<>();
      if (i > 0) {
        Map<String, Object> tensor =
            Map.of(
                "class_name",
                "__keras_tensor__",
                "config",
                Map.of(
                    "keras_history",
                    List.of(config(layers.get(sources.get(i))).get("name"), 0, 0)));
        inbound.add(Map.of("args", List.of(tensor), "kwargs", Map.of()));
      }
      layer.put("inbound_nodes", inbound);
      functionalLayers.add(layer);
    }
    Map<String, Object> inner = new LinkedHashMap<>(config(sequential));
    inner.put("layers", functionalLayers);
    Map<String, Object> model = new LinkedHashMap<>(sequential);
    model.put("class_name", "Functional");
    model.put("config", inner);
    return rewritten(source, name, model);
  }

  private Path edited(String golden, Consumer<List<Map<String, Object>>> edit) throws IOException {
    Path source = KerasFixtures.golden(golden);
    Map<String, Object> model = JSON.readValue(entry(source, "config.json"), CONFIG);
    List<Map<String, Object>> layers = layers(model);
    edit.accept(layers);
    return rewritten(source, "edited.keras", model);
  }

  private Path rewritten(Path source, String name, Map<String, Object> config) throws IOException {
    Path file = dir.resolve(name);
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
      for (String entry : List.of("metadata.json", "config.json", "model.weights.h5")) {
        zip.putNextEntry(new ZipEntry(entry));
        zip.write(
            entry.equals("config.json") ? JSON.writeValueAsBytes(config) : entry(source, entry));
      }
    }
    return file;
  }

  private static byte[] entry(Path zipFile, String name) throws IOException {
    try (ZipFile zip = new ZipFile(zipFile.toFile())) {
      return zip.getInputStream(zip.getEntry(name)).readAllBytes();
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> layers(Map<String, Object> model) {
    return (List<Map<String, Object>>) config(model).get("layers");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> config(Map<String, Object> object) {
    return (Map<String, Object>) object.get("config");
  }

  private static Map<String, Object> layer(String className, Map<String, Object> config) {
    Map<String, Object> layer = new LinkedHashMap<>();
    layer.put("module", "keras.layers");
    layer.put("class_name", className);
    layer.put("config", new LinkedHashMap<>(config));
    layer.put("registered_name", null);
    return layer;
  }
}
