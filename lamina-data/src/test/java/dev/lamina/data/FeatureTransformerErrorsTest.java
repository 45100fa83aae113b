package dev.lamina.data;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Bad input to the feature transformers: errors that name the transformer, column and value. */
class FeatureTransformerErrorsTest {
  private static final Table ALL_MISSING =
      Table.of(
          NumericColumn.of("ok", 1, 2, 3),
          NumericColumn.of("empty", Double.NaN, Double.NaN, Double.NaN));

  private static void assertMessage(Runnable action, String... parts) {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, action::run);
    for (String part : parts) {
      assertTrue(error.getMessage().contains(part), error.getMessage() + " lacks " + part);
    }
  }

  @Test
  void fittingOnAColumnWithOnlyMissingValuesNamesTransformerAndColumn() {
    List<Supplier<Transformer>> transformers =
        List.of(
            RobustScaler::new,
            () -> OutlierClipper.percentiles(1, 99),
            PowerTransformer::new,
            QuantileTransformer::new,
            () ->
                new KBinsDiscretizer(
                    3, KBinsDiscretizer.Strategy.QUANTILE, KBinsDiscretizer.Encoding.ORDINAL),
            VarianceThreshold::new,
            () -> new PCA(1));
    for (Supplier<Transformer> transformer : transformers) {
      Transformer step = transformer.get();
      String name = step.getClass().getSimpleName();
      assertMessage(() -> step.fit(ALL_MISSING), name, "'empty'", "only missing values");
    }
  }

  @Test
  void moreComponentsThanColumnsIsRefusedWithTheNumbers() {
    assertMessage(
        () -> new PCA(3).fit(ALL_MISSING.select("ok").with(NumericColumn.of("b", 3, 1, 2))),
        "PCA",
        "nComponents = 3",
        "2 columns");
    assertMessage(
        () -> new PCA(40).fit(Datasets.ionosphere().drop("Class")),
        "PCA",
        "nComponents = 40",
        "34 columns");
    assertMessage(() -> PCA.ofVarianceShare(1.5), "PCA", "1.5");
    assertMessage(() -> PCA.ofVarianceShare(0.9).withRandomizedSolver(1), "randomized", "0.9");
  }

  @Test
  void functionsOutsideTheirDomainNameColumnValueAndRow() {
    Table table = Table.of(NumericColumn.of("price", 3, -2, 5));
    assertMessage(
        () -> FunctionTransformer.log().fitTransform(table),
        "FunctionTransformer(log)",
        "'price'",
        "-2.0",
        "row 1",
        "log1p");
    assertMessage(
        () -> FunctionTransformer.sqrt().fitTransform(table), "sqrt", "'price'", "-2.0", "row 1");
    assertMessage(
        () -> FunctionTransformer.log1p().fitTransform(Table.of(NumericColumn.of("d", 0, -1))),
        "log1p",
        "'d'",
        "-1.0",
        "row 1");
    assertMessage(
        () -> FunctionTransformer.power(0.5).fitTransform(table), "power 0.5", "'price'", "-2.0");
  }

  @Test
  void unknownScoreFunctionListsTheValidNames() {
    assertMessage(
        () -> new SelectKBest("chi2", 3, "quality"),
        "SelectKBest",
        "'chi2'",
        "f_regression",
        "f_classif",
        "mutual_info_regression",
        "mutual_info_classif");
  }

  @Test
  void selectionChecksKTargetAndTheTargetsType() {
    Table wine = Datasets.redWine();
    assertMessage(
        () -> new SelectKBest("f_regression", 12, "quality").fit(wine),
        "k = 12",
        "11 feature columns");
    assertThrows(
        UnknownColumnException.class, () -> new SelectKBest("f_regression", 2, "qualty").fit(wine));
    assertMessage(
        () -> new SelectKBest("f_regression", 2, "Class").fit(Datasets.ionosphere()),
        "f_regression",
        "'Class'",
        "text");
    assertMessage(() -> new VarianceThreshold(1e30).fit(wine), "VarianceThreshold", "1.0E30");
  }

  @Test
  void missingValuesWhereScikitLearnRefusesThemNameTheRow() {
    Table gap = Table.of(NumericColumn.of("a", 1, Double.NaN, 3), NumericColumn.of("b", 1, 2, 4));
    assertMessage(() -> new PCA(1).fit(gap), "PCA.fit", "'a'", "row 1");
    assertMessage(
        () ->
            new KBinsDiscretizer(
                    2, KBinsDiscretizer.Strategy.UNIFORM, KBinsDiscretizer.Encoding.ORDINAL)
                .fit(gap),
        "KBinsDiscretizer.fit",
        "'a'",
        "row 1");
    assertMessage(
        () -> new SelectKBest("f_regression", 1, "b").fit(gap), "SelectKBest", "'a'", "row 1");
  }

  @Test
  void badOptionsNameTheirRange() {
    assertMessage(() -> new RobustScaler(true, true, 75, 25), "RobustScaler", "75.0", "25.0");
    assertMessage(() -> OutlierClipper.percentiles(5, 120), "OutlierClipper", "120.0");
    assertMessage(
        () -> new QuantileTransformer(0, QuantileTransformer.Output.UNIFORM), "nQuantiles", "0");
    assertMessage(
        () ->
            new KBinsDiscretizer(
                1, KBinsDiscretizer.Strategy.UNIFORM, KBinsDiscretizer.Encoding.ORDINAL),
        "nBins",
        "1");
    assertMessage(() -> new PolynomialFeatures(-1, false, true), "degree", "-1");
  }
}
