package dev.lamina.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.Sequential;
import dev.lamina.data.decomposition.PCA;
import dev.lamina.data.preprocessing.FunctionTransformer;
import dev.lamina.data.preprocessing.KBinsDiscretizer;
import dev.lamina.data.preprocessing.OutlierClipper;
import dev.lamina.data.preprocessing.PolynomialFeatures;
import dev.lamina.data.preprocessing.PowerTransformer;
import dev.lamina.data.preprocessing.QuantileTransformer;
import dev.lamina.data.preprocessing.RobustScaler;
import dev.lamina.data.selection.SelectKBest;
import dev.lamina.data.selection.VarianceThreshold;
import dev.lamina.io.ModelFile;
import dev.lamina.layers.Dense;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every feature transformer inside a Pipeline and a ColumnTransformer, saved as JSON inside a model
 * file and read back, gives bit-identical output.
 */
class FeatureTransformerJsonTest {
  private static final Table WINE = Datasets.redWine();
  private static final List<String> FEATURES = WINE.drop("quality").columnNames();

  private static List<Supplier<Transformer>> positiveFeatureSteps() {
    return List.of(
        RobustScaler::new,
        () -> OutlierClipper.percentiles(1, 99),
        () -> OutlierClipper.fixed(0, 50),
        FunctionTransformer::log1p,
        FunctionTransformer::sqrt,
        () -> FunctionTransformer.power(2),
        PowerTransformer::new,
        () -> new QuantileTransformer(50, QuantileTransformer.Output.NORMAL),
        () -> new PolynomialFeatures(2, true, false),
        () ->
            new KBinsDiscretizer(
                4, KBinsDiscretizer.Strategy.QUANTILE, KBinsDiscretizer.Encoding.ONEHOT_DENSE),
        () -> new VarianceThreshold(0.01),
        () -> new PCA(4).withWhiten(true),
        () -> PCA.ofVarianceShare(0.99),
        () -> new PCA(3).withRandomizedSolver(5));
  }

  @Test
  void eachStepInAPipelineAndAColumnTransformerSurvivesAModelFile(@TempDir Path dir) {
    Table fit = Fixtures.rows(WINE, 0, 1200);
    Table later = Fixtures.rows(WINE, 1200, 50);
    for (Supplier<Transformer> step : positiveFeatureSteps()) {
      Transformer pipeline = new Pipeline(step.get(), new StandardScaler());
      ColumnTransformer columns =
          new ColumnTransformer()
              .add("f", step.get(), FEATURES)
              .remainder(ColumnTransformer.Remainder.PASSTHROUGH);
      for (Transformer transformer : List.of(pipeline, columns)) {
        Table input = transformer == pipeline ? fit.drop("quality") : fit;
        transformer.fit(input);
        Table probe = transformer == pipeline ? later.drop("quality") : later;
        Transformer restored = throughModelFile(transformer, dir);
        assertIdentical(
            transformer.transform(probe),
            restored.transform(probe),
            step.get().getClass().getSimpleName());
      }
    }
  }

  @Test
  void selectKBestIgnoresItsTargetAtTransformAndSurvivesJson() {
    for (String score : List.of("f_regression", "mutual_info_regression")) {
      SelectKBest selector = new SelectKBest(score, 3, "quality").fit(WINE);
      Transformer restored = TransformerJson.fromJson(TransformerJson.toJsonString(selector));
      assertTrue(restored.isFitted());
      assertIdentical(selector.transform(WINE), restored.transform(WINE.drop("quality")), score);
    }
    SelectKBest classes = new SelectKBest("f_classif", 4, "Class").fit(Datasets.ionosphere());
    SelectKBest restored =
        (SelectKBest) TransformerJson.fromJson(TransformerJson.toJsonString(classes));
    assertArrayEquals(classes.scores(), restored.scores(), "NaN score of V2 survives");
  }

  @Test
  void unfittedStepsRoundTripTheirOptions() {
    for (Supplier<Transformer> step : positiveFeatureSteps()) {
      Transformer original = step.get();
      Transformer restored = TransformerJson.fromJson(TransformerJson.toJsonString(original));
      assertFalse(restored.isFitted());
      assertEquals(original.toJson(), restored.toJson());
    }
  }

  private static Transformer throughModelFile(Transformer transformer, Path dir) {
    Sequential model = new Sequential(new Dense(1).inputShape(2));
    model.compile("sgd", "mse");
    Path file = dir.resolve("model.lamina");
    model.save(file, Map.of("preprocessing.json", TransformerJson.toJsonString(transformer)));
    return TransformerJson.fromJson(ModelFile.read(file).extras().get("preprocessing.json"));
  }

  private static void assertIdentical(Table expected, Table actual, String what) {
    assertEquals(expected.columnNames(), actual.columnNames(), what);
    for (String name : expected.columnNames()) {
      assertArrayEquals(
          expected.numeric(name).toArray(),
          actual.numeric(name).toArray(),
          what + " column " + name);
    }
  }
}
