package dev.lamina.examples;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The lesson programs on small budgets: each result in the range its lesson expects. */
class LessonProgramsTest {

  @Test
  void singleNeuronLearnsTheLeastSquaresWeightsThatNumpyFinds() throws IOException {
    JsonNode expected;
    try (InputStream in = getClass().getResourceAsStream("cereal-least-squares.json")) {
      expected = new ObjectMapper().readTree(in);
    }
    Lesson1SingleNeuron.Result r = Lesson1SingleNeuron.run(3000, false);
    double[] kernel = r.after().kernel();
    assertAll(
        () -> assertEquals(expected.get("rows").asInt(), r.rows()),
        () -> assertEquals(expected.get("kernel").get(0).asDouble(), kernel[0], 0.01, "sugars"),
        () -> assertEquals(expected.get("kernel").get(1).asDouble(), kernel[1], 0.01, "fiber"),
        () -> assertEquals(expected.get("kernel").get(2).asDouble(), kernel[2], 0.01, "protein"),
        () -> assertEquals(expected.get("bias").asDouble(), r.after().bias(), 0.05, "bias"),
        () -> assertEquals(expected.get("mse").asDouble(), r.finalLoss(), 0.01, "mse"));
  }

  @Test
  void deepNetworkOnConcreteReachesAFewMegapascals() {
    Lesson2DeepNetwork.Result r = Lesson2DeepNetwork.run(100, 0);
    assertTrue(r.bestValMae() >= 3 && r.bestValMae() <= 6, "best validation MAE " + r.bestValMae());
    assertTrue(r.meanGuessMae() > 10, "mean-guess MAE " + r.meanGuessMae());
  }

  @Test
  void adamOnRedWineWithTheCourseSettingsBeatsTheMeanGuessInTenEpochs() {
    // Guessing the training mean of the [0, 1]-scaled quality gives a validation MAE of ≈ 0.13.
    Lesson3Sgd.Row row =
        Lesson3Sgd.run(new Lesson3Sgd.Experiment("red-wine", "Adam", 0.001, 256, 10));
    assertTrue(row.bestValLoss() < 0.12, "best validation loss " + row.bestValLoss());
  }

  @Test
  void smallBatchesOnConcreteReachAFewMegapascalsInTwentyEpochs() {
    Lesson3Sgd.Row row =
        Lesson3Sgd.run(new Lesson3Sgd.Experiment("concrete", "Adam", 0.001, 32, 20));
    assertTrue(row.bestValLoss() < 6, "best validation loss " + row.bestValLoss());
  }

  @Test
  void convnetLearnsFashionMnistFromAFewThousandImages() {
    // two epochs on 3,000 images; guessing gives 0.10 on the ten balanced classes
    Lesson7Convnet.Result r = Lesson7Convnet.run(2, 3_000, 1_000, 0);
    assertTrue(r.testAccuracy() > 0.6, "test accuracy " + r.testAccuracy());
  }

  @Test
  void batchNormalizationFirstLetsSgdTrainOnUnscaledConcrete() {
    Lesson5DropoutBatchNorm.Result r = Lesson5DropoutBatchNorm.concrete(true, 40, 0);
    assertTrue(
        r.bestValMae() < r.meanGuessMae() / 2,
        "best validation MAE " + r.bestValMae() + " against mean guess " + r.meanGuessMae());
  }

  @Test
  void dropoutAndBatchNormalizationNetworkLearnsTheScaleOfUnscaledRedWine() {
    // Quality averages 5.6, so an output near 0 has an MAE near 5.6; the mean guess has 0.66,
    // which this network passes after about 35 epochs (0.59 after 100): it must pass it.
    Lesson5DropoutBatchNorm.Result r = Lesson5DropoutBatchNorm.redWine(50, 0);
    assertTrue(
        r.bestValMae() < r.meanGuessMae(),
        "best validation MAE " + r.bestValMae() + " against mean guess " + r.meanGuessMae());
  }

  @Test
  void hotelClassifierBeatsTheMajorityClassAfterTwoEpochs() {
    Lesson6BinaryClassification.HotelResult r = Lesson6BinaryClassification.hotel(2, 0);
    assertEquals(2, r.result().epochsRun());
    assertTrue(
        r.result().bestValAccuracy() > r.majorityClassAccuracy() + 0.05,
        "best validation accuracy "
            + r.result().bestValAccuracy()
            + " against the majority class "
            + r.majorityClassAccuracy());
  }
}
