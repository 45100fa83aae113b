package dev.lamina.keras;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lamina.FitOptions;
import dev.lamina.Sequential;
import dev.lamina.Tensor;
import dev.lamina.constraints.MaxNorm;
import dev.lamina.constraints.NonNeg;
import dev.lamina.layers.Activation;
import dev.lamina.layers.BatchNormalization;
import dev.lamina.layers.Dense;
import dev.lamina.layers.Dropout;
import dev.lamina.layers.ELU;
import dev.lamina.layers.Flatten;
import dev.lamina.layers.L1L2;
import dev.lamina.layers.LeakyReLU;
import dev.lamina.layers.Normalization;
import dev.lamina.layers.ReLU;
import dev.lamina.layers.Reshape;
import dev.lamina.layers.Softmax;
import dev.lamina.optimizers.Adam;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Weights survive .keras → Lamina → .keras and .lamina → .keras → .lamina bit for bit, and so do
 * the options Keras keeps in the config (constraints, a Normalization's given statistics).
 */
class KerasRoundTripTest {
  @TempDir Path dir;

  @Test
  void kerasFileThroughLaminaKeepsEveryBit() {
    Sequential original = Sequential.load(KerasFixtures.golden("every_layer.keras"));
    Path copy = dir.resolve("copy.keras");
    original.save(copy);
    Sequential reloaded = Sequential.load(copy);
    assertBitsEqual(original.getWeights(), reloaded.getWeights());
    assertEquals(original.summary(), reloaded.summary());
  }

  @Test
  void laminaFileThroughKerasKeepsEveryBit() {
    Sequential model = everyLayerModel();
    Path lamina = dir.resolve("model.lamina");
    model.save(lamina);
    Sequential first = Sequential.load(lamina);
    Path keras = dir.resolve("model.keras");
    first.save(keras);
    Path back = dir.resolve("back.lamina");
    Sequential.load(keras).save(back);
    Sequential last = Sequential.load(back);
    assertBitsEqual(model.getWeights(), last.getWeights());
    Tensor x = inputs(5, 3);
    assertBitsEqual(List.of(model.predict(x)), List.of(last.predict(x)));
  }

  @Test
  void constraintsAndGivenStatisticsSurviveTheKerasFile() throws IOException {
    Sequential original = Sequential.load(KerasFixtures.golden("constraints.keras"));
    Path copy = dir.resolve("copy.keras");
    original.save(copy);
    JsonNode layers = config(copy).get("config").get("layers");
    JsonNode dense = layers.get(3).get("config");
    assertEquals(
        "{\"module\":\"keras.constraints\",\"class_name\":\"MaxNorm\",\"config\":{\"max_value\":0.8,"
            + "\"axis\":0},\"registered_name\":null}",
        dense.get("kernel_constraint").toString());
    assertEquals("NonNeg", dense.get("bias_constraint").get("class_name").asText());
    assertEquals("keras.constraints", dense.get("bias_constraint").get("module").asText());
    assertEquals("[0.5]", layers.get(1).get("config").get("mean").toString());
    assertEquals("[4.0]", layers.get(1).get("config").get("variance").toString());
    Sequential reloaded = Sequential.load(copy);
    for (int i = 0; i < original.layers().size(); i++) {
      assertEquals(
          original.layers().get(i).config(), reloaded.layers().get(i).config(), "layer " + i);
    }
    assertBitsEqual(original.getWeights(), reloaded.getWeights());
  }

  private static JsonNode config(Path kerasFile) throws IOException {
    try (ZipFile zip = new ZipFile(kerasFile.toFile())) {
      return new ObjectMapper().readTree(zip.getInputStream(zip.getEntry("config.json")));
    }
  }

  /**
   * Leaves a Lamina-trained model with every layer, saved as .keras, and its predictions in
   * target/keras-export for tools/keras/check_keras_loads_lamina.py to load in Keras 3.
   */
  @Test
  void laminaTrainedModelExportsForKeras() throws java.io.IOException {
    Sequential model = everyLayerModel();
    Path out = Path.of("target/keras-export");
    java.nio.file.Files.createDirectories(out);
    Path file = out.resolve("every_layer_lamina.keras");
    model.save(file);
    Tensor x = inputs(8, 7);
    Tensor predictions = model.predict(x);
    assertBitsEqual(List.of(predictions), List.of(Sequential.load(file).predict(x)));
    String json =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .writeValueAsString(
                java.util.Map.of("input", x.toArray2d(), "output", predictions.toArray2d()));
    java.nio.file.Files.writeString(out.resolve("every_layer_lamina.json"), json);
  }

  /**
   * Every layer Lamina writes as Keras, trained a little so that no weight is at its initial value.
   */
  static Sequential everyLayerModel() {
    Tensor x = inputs(32, 1);
    Normalization norm = new Normalization();
    norm.adapt(x);
    Sequential model =
        new Sequential(
                norm,
                new Normalization(new double[] {0.5}, new double[] {2}),
                new Dense(16, "relu").kernelRegularizer(new L1L2(1e-4, 1e-3)),
                new BatchNormalization(),
                new Dropout(0.25),
                new Dense(12).kernelConstraint(new MaxNorm(1.0)).biasConstraint(new NonNeg()),
                new LeakyReLU(0.1),
                new Dense(10, "gelu"),
                new ReLU().maxValue(6),
                new Dense(8, "tanh").trainable(false),
                new ELU(0.5),
                new Activation("leaky_relu"),
                new Reshape(2, 4),
                new Flatten(),
                new Dense(3),
                new Softmax())
            .seed(15);
    model.compile(
        new Adam(1e-2), dev.lamina.losses.Losses.get("categorical_crossentropy"), "accuracy");
    float[] labels = new float[32 * 3];
    for (int i = 0; i < 32; i++) {
      labels[i * 3 + i % 3] = 1;
    }
    model.fit(x, Tensor.of(labels, 32, 3), new FitOptions().batchSize(8).epochs(2).verbose(0));
    return model;
  }

  static Tensor inputs(int rows, long seed) {
    java.util.Random random = new java.util.Random(seed);
    float[] values = new float[rows * 6];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) (random.nextGaussian() * 2 + 1);
    }
    return Tensor.of(values, rows, 6);
  }

  static void assertBitsEqual(List<Tensor> expected, List<Tensor> actual) {
    assertEquals(expected.size(), actual.size(), "weight count");
    for (int i = 0; i < expected.size(); i++) {
      assertArrayEquals(expected.get(i).shape(), actual.get(i).shape(), "shape of weight " + i);
      float[] e = expected.get(i).toFloatArray();
      float[] a = actual.get(i).toFloatArray();
      for (int j = 0; j < e.length; j++) {
        assertEquals(
            Float.floatToRawIntBits(e[j]),
            Float.floatToRawIntBits(a[j]),
            "weight " + i + "[" + j + "]");
      }
    }
  }
}
