package dev.lamina.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lamina.Sequential;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Convolutional models written by real Keras 3 (tools/fixtures/make_keras_cnn_fixtures.py), as
 * {@code .keras} and legacy {@code .h5}, between them holding every image layer Lamina reads: they
 * load with Keras's exact weights and parameter count and predict what Keras predicts from the same
 * file.
 */
class KerasCnnFilesTest {

  @ParameterizedTest
  @CsvSource({
    "cnn_2d.keras, output", "cnn_2d.h5, output_from_h5",
    "cnn_1d.keras, output", "cnn_1d.h5, output_from_h5",
    "cnn_global.keras, output", "cnn_global.h5, output_from_h5"
  })
  void kerasCnnFileLoadsWithKerasWeightsAndPredictions(String name, String output) {
    Path file = KerasFixtures.golden(name);
    String stem = name.substring(0, name.lastIndexOf('.'));
    JsonNode reference = KerasFixtures.json(file.resolveSibling(stem + ".json"));
    Sequential model = Sequential.load(file);
    KerasGoldenFilesTest.assertWeightsEqual(reference.get("weights"), model.getWeights(), 0, name);
    assertEquals(reference.get("params").asLong(), model.countParams(), name + ": parameters");
    KerasFixtures.assertClose(
        reference.get(output),
        model.predict(KerasFixtures.tensor(reference.get("input"))),
        1e-5,
        name);
  }
}
