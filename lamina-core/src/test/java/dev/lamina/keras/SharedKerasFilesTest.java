package dev.lamina.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lamina.Sequential;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The five real Keras files in ../shared/keras (tf.keras 2.4–2.15 and Keras 3.3–3.6, Windows and
 * Linux, v3 zip and legacy HDF5) load and predict the independently computed reference outputs, and
 * the summary counts Keras's parameters.
 */
class SharedKerasFilesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Abhaypandy__ANN-classification-churn-prediction__model.keras",
        "ges0909__neuronale-netze__ann.keras",
        "rahulb-97__Auto-MPG-Regression__dnn_model.keras",
        "BrandonTrigueros__UniGradesPrediction-by-ANN__best_model.keras",
        "AndreJacobsPy__tuning-neural-networks-with-regularization-lab__best_model.h5"
      })
  void loadsAndPredictsTheReferenceOutputs(String name) {
    Path file = KerasFixtures.shared().resolve(name);
    JsonNode reference = KerasFixtures.json(file.resolveSibling(name + ".json"));
    Sequential model = Sequential.load(file);
    KerasFixtures.assertClose(
        reference.get("output"),
        model.predict(KerasFixtures.matrix(reference.get("input"))),
        1e-4,
        name);
    assertEquals(reference.get("params").asLong(), model.countParams(), name);
    String summary = model.summary();
    assertEquals(
        reference.get("params").asLong(),
        count(summary, " Trainable params: ") + count(summary, " Non-trainable params: "),
        summary);
  }

  /** The number after {@code label} in a summary, e.g. 4,865 in "Trainable params: 4,865 (…)". */
  static long count(String summary, String label) {
    Matcher m = Pattern.compile(Pattern.quote(label) + "([\\d,]+)").matcher(summary);
    assertTrue(m.find(), label + " in\n" + summary);
    return Long.parseLong(m.group(1).replace(",", ""));
  }
}
