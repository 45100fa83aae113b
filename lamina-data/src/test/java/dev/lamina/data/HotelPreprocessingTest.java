package dev.lamina.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lamina.Tensor;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The course's hotel preparation (lesson 6): numeric columns imputed with 0 and standardized,
 * categorical ones imputed with "NA" and one-hot encoded ignoring unknowns, target is_canceled,
 * stratified 75/25 split; compared with scikit-learn's ColumnTransformer.
 */
class HotelPreprocessingTest {
  private static final JsonNode EXPECTED = Fixtures.read("hotel-preprocessing");
  private static final Table HOTEL = Datasets.hotel();

  static ColumnTransformer coursePreprocessing() {
    return new ColumnTransformer()
        .add(
            "num",
            new Pipeline(SimpleImputer.constant(0), new StandardScaler()),
            Fixtures.strings(EXPECTED.get("numeric")))
        .add(
            "cat",
            new Pipeline(
                SimpleImputer.constant("NA"),
                new OneHotEncoder(OneHotEncoder.HandleUnknown.IGNORE)),
            Fixtures.strings(EXPECTED.get("categorical")));
  }

  @Test
  void featureNamesAndTransformedRowsMatchScikitLearn() {
    Table features = HOTEL.drop("is_canceled");
    ColumnTransformer transformer =
        coursePreprocessing().fit(Fixtures.rows(features, 0, EXPECTED.get("fitRows").asInt()));
    assertEquals(
        List.of(Fixtures.strings(EXPECTED.get("featureNames"))), transformer.featureNames());
    Table probe = transformer.transform(features.rows(Fixtures.ints(EXPECTED.get("probeRows"))));
    Fixtures.assertRowsClose(EXPECTED.get("probe"), probe, "hotel features");
  }

  @Test
  void scalerStatisticsOnAllRowsMatch() {
    Pipeline numeric = new Pipeline(SimpleImputer.constant(0), new StandardScaler());
    numeric.fit(HOTEL.select(Fixtures.strings(EXPECTED.get("numeric"))));
    StandardScaler scaler = (StandardScaler) numeric.steps().get(1);
    Fixtures.assertArrayClose(EXPECTED.get("fullFitMean"), scaler.mean(), "mean");
    Fixtures.assertArrayClose(EXPECTED.get("fullFitScale"), scaler.scale(), "scale");
  }

  @Test
  void stratifiedSplitKeepsTheCancellationRateAndFitsOnTrainingRowsOnly() {
    TableSplit split = HOTEL.stratifiedSplit("is_canceled", 0.75, 0);
    assertEquals(HOTEL.rowCount(), split.train().rowCount() + split.valid().rowCount());
    assertEquals(0.75, split.train().rowCount() / (double) HOTEL.rowCount(), 1e-4);
    double overall = canceledRate(HOTEL);
    assertEquals(overall, canceledRate(split.train()), 1e-4);
    assertEquals(overall, canceledRate(split.valid()), 1e-4);

    ColumnTransformer transformer = coursePreprocessing();
    Tensor xTrain = transformer.fitTransform(split.train().drop("is_canceled")).toTensor();
    Tensor xValid = transformer.transform(split.valid().drop("is_canceled")).toTensor();
    Tensor yTrain = split.train().select("is_canceled").toTensor();
    assertEquals(xTrain.shape()[1], xValid.shape()[1]);
    assertEquals(split.train().rowCount(), yTrain.shape()[0]);
    assertTrue(xTrain.shape()[1] > 50, "one-hot columns present: " + xTrain.shape()[1]);
    double[] mean =
        ((StandardScaler) ((Pipeline) transformer.entries().get(0).transformer()).steps().get(1))
            .mean();
    double trainLeadTime =
        Arrays.stream(split.train().numeric("lead_time").values()).average().orElseThrow();
    assertEquals(trainLeadTime, mean[0], 1e-9, "scaler fitted on training rows only");
  }

  private static double canceledRate(Table table) {
    double[] canceled = table.numeric("is_canceled").values();
    double sum = 0;
    for (double value : canceled) {
      sum += value;
    }
    return sum / canceled.length;
  }
}
