package dev.lamina.data;

import static dev.lamina.data.FeatureFixtures.assertMatrixClose;
import static dev.lamina.data.FeatureFixtures.assertRowsClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lamina.data.preprocessing.KBinsDiscretizer;
import dev.lamina.data.preprocessing.PolynomialFeatures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PolynomialFeatures and KBinsDiscretizer against scikit-learn on the course data. */
class SklearnFeatureShapesTest {
  private static final JsonNode ALL = FeatureFixtures.ALL;

  @Test
  void polynomialFeaturesMatchNamesOrderAndValues() {
    JsonNode expected = ALL.get("polynomial");
    Table concrete = Datasets.concrete().select(List.of(Fixtures.strings(expected.get("columns"))));
    Table fit = FeatureFixtures.fitRows(concrete);
    Table probe = FeatureFixtures.probeRows(concrete);
    PolynomialFeatures squares = new PolynomialFeatures().fit(fit);
    assertEquals(
        List.of(Fixtures.strings(expected.get("degree2").get("names"))), squares.featureNames());
    Table out = squares.transform(probe);
    assertEquals(squares.featureNames(), out.columnNames());
    assertRowsClose(expected.get("degree2").get("probe"), out, "degree 2");
    PolynomialFeatures interactions = new PolynomialFeatures(3, true, false).fit(fit);
    JsonNode cubic = expected.get("degree3InteractionNoBias");
    assertEquals(List.of(Fixtures.strings(cubic.get("names"))), interactions.featureNames());
    assertRowsClose(cubic.get("probe"), interactions.transform(probe), "interactions");
  }

  @Test
  void kBinsMatchScikitLearnEdgesIncludingCollapsedQuantileBins() {
    JsonNode expected = ALL.get("kbins");
    Table wine = Datasets.redWine().select(List.of(Fixtures.strings(expected.get("columns"))));
    Table fit = FeatureFixtures.fitRows(wine);
    Table probe = FeatureFixtures.probeRows(wine);
    for (KBinsDiscretizer.Strategy strategy : KBinsDiscretizer.Strategy.values()) {
      JsonNode wanted = expected.get(strategy.name().toLowerCase(java.util.Locale.ROOT));
      KBinsDiscretizer ordinal =
          new KBinsDiscretizer(5, strategy, KBinsDiscretizer.Encoding.ORDINAL).fit(fit);
      assertMatrixClose(wanted.get("binEdges"), ordinal.binEdges(), strategy + " edges");
      assertRowsClose(wanted.get("ordinalProbe"), ordinal.transform(probe), strategy + " bins");
      KBinsDiscretizer onehot =
          new KBinsDiscretizer(5, strategy, KBinsDiscretizer.Encoding.ONEHOT_DENSE).fit(fit);
      Table encoded = onehot.transform(probe);
      assertEquals(List.of(Fixtures.strings(wanted.get("onehotNames"))), encoded.columnNames());
      assertRowsClose(wanted.get("onehotProbe"), encoded, strategy + " one-hot");
    }
  }

  @Test
  void valuesBeyondTheFittedRangeFallIntoTheOuterBins() {
    Table fit = Table.of(NumericColumn.of("x", 0, 1, 2, 3, 4));
    KBinsDiscretizer bins =
        new KBinsDiscretizer(
                4, KBinsDiscretizer.Strategy.UNIFORM, KBinsDiscretizer.Encoding.ORDINAL)
            .fit(fit);
    Table out = bins.transform(Table.of(NumericColumn.of("x", -10, 4, 99)));
    assertEquals(
        List.of(0.0, 3.0, 3.0),
        List.of(out.numeric("x").get(0), out.numeric("x").get(1), out.numeric("x").get(2)));
  }
}
