package dev.lamina.data;

import static dev.lamina.data.FeatureFixtures.assertArrayClose;
import static dev.lamina.data.FeatureFixtures.assertMatrixClose;
import static dev.lamina.data.FeatureFixtures.assertRowsClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lamina.data.preprocessing.FunctionTransformer;
import dev.lamina.data.preprocessing.OutlierClipper;
import dev.lamina.data.preprocessing.PowerTransformer;
import dev.lamina.data.preprocessing.QuantileTransformer;
import dev.lamina.data.preprocessing.RobustScaler;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RobustScaler, OutlierClipper, the named functions, PowerTransformer and QuantileTransformer. */
class SklearnOutliersAndNonlinearTest {
  private static final JsonNode ALL = FeatureFixtures.ALL;

  @Test
  void robustScalerMatchesMediansRangesAndOutputForBothQuantileRanges() {
    JsonNode expected = ALL.get("robust");
    Table wine = Datasets.redWine();
    RobustScaler scaler = new RobustScaler().fit(FeatureFixtures.fitRows(wine));
    assertArrayClose(expected.get("center"), scaler.center(), "medians");
    assertArrayClose(expected.get("scale"), scaler.scale(), "interquartile ranges");
    assertRowsClose(
        expected.get("probe"), scaler.transform(FeatureFixtures.probeRows(wine)), "robust scaled");
    RobustScaler wide = new RobustScaler(false, true, 10, 90).fit(FeatureFixtures.fitRows(wine));
    assertArrayClose(expected.get("range10to90Scale"), wide.scale(), "10-90 ranges");
    assertRowsClose(
        expected.get("range10to90Probe"),
        wide.transform(FeatureFixtures.probeRows(wine)),
        "10-90 scaled without centering");
  }

  @Test
  void percentileClipperLearnsNumpyPercentilesAndClipsLaterRows() {
    JsonNode expected = ALL.get("clipper");
    Table concrete = Datasets.concrete();
    OutlierClipper clipper =
        OutlierClipper.percentiles(5, 95).fit(FeatureFixtures.fitRows(concrete));
    assertArrayClose(expected.get("low"), clipper.lower(), "5th percentiles");
    assertArrayClose(expected.get("high"), clipper.upper(), "95th percentiles");
    assertRowsClose(
        expected.get("probe"), clipper.transform(FeatureFixtures.probeRows(concrete)), "clipped");
  }

  @Test
  void fixedClipperKeepsMissingValuesAndClipsBothEnds() {
    Table table = Table.of(NumericColumn.of("x", -5, 0.5, Double.NaN, 9));
    Table clipped = OutlierClipper.fixed(0, 1).fitTransform(table);
    assertEquals(
        List.of(0.0, 0.5, Double.NaN, 1.0),
        List.of(
            clipped.numeric("x").get(0),
            clipped.numeric("x").get(1),
            clipped.numeric("x").get(2),
            clipped.numeric("x").get(3)));
  }

  @Test
  void namedFunctionsMatchNumpy() {
    JsonNode expected = ALL.get("functions");
    Table probe = FeatureFixtures.probeRows(Datasets.concrete());
    assertRowsClose(
        expected.get("log1p"), FunctionTransformer.log1p().fitTransform(probe), "log1p");
    assertRowsClose(expected.get("sqrt"), FunctionTransformer.sqrt().fitTransform(probe), "sqrt");
    assertRowsClose(
        expected.get("power1_5"), FunctionTransformer.power(1.5).fitTransform(probe), "power 1.5");
  }

  @Test
  void powerTransformerFindsScipyBrentLambdasAndStandardizes() {
    for (String name : List.of("wine", "concrete")) {
      JsonNode expected = ALL.get("power").get(name);
      Table data = name.equals("wine") ? Datasets.redWine() : Datasets.concrete();
      PowerTransformer transformer = new PowerTransformer().fit(FeatureFixtures.fitRows(data));
      assertLambdasClose(expected, transformer.lambdas(), name);
      assertOutputsClose(
          expected,
          expected.get("probe"),
          transformer.transform(FeatureFixtures.probeRows(data)),
          name + " standardized");
      assertOutputsClose(
          expected,
          expected.get("probeUnstandardized"),
          new PowerTransformer(false)
              .fit(FeatureFixtures.fitRows(data))
              .transform(FeatureFixtures.probeRows(data)),
          name + " Yeo-Johnson only");
    }
  }

  /**
   * 1e-6 relative, or the fixture's measured uncertainty where the likelihood is so flat that
   * rounding (Java's pow against glibc's) moves the optimum further (wine's alcohol: 2.5e-5).
   */
  private static void assertLambdasClose(JsonNode expected, double[] lambdas, String name) {
    assertEquals(expected.get("lambdas").size(), lambdas.length, name + " lambda count");
    for (int i = 0; i < lambdas.length; i++) {
      double wanted = expected.get("lambdas").get(i).asDouble();
      double tolerance =
          Math.max(
              1e-6 * Math.max(1, Math.abs(wanted)),
              expected.get("lambdaUncertainty").get(i).asDouble());
      assertEquals(wanted, lambdas[i], tolerance, name + " lambda " + i);
    }
  }

  /** 1e-6 relative, 1e-4 in the columns whose lambda rounding decides (see above). */
  private static void assertOutputsClose(
      JsonNode expected, JsonNode rows, Table actual, String what) {
    for (int c = 0; c < actual.columnCount(); c++) {
      double lambda = Math.abs(expected.get("lambdas").get(c).asDouble());
      boolean flat =
          expected.get("lambdaUncertainty").get(c).asDouble() > 1e-6 * Math.max(1, lambda);
      double relative = flat ? 1e-4 : 1e-6;
      NumericColumn column = actual.numeric(actual.columnNames().get(c));
      for (int row = 0; row < actual.rowCount(); row++) {
        double wanted = rows.get(row).get(c).asDouble();
        assertEquals(
            wanted,
            column.get(row),
            relative * Math.max(1, Math.abs(wanted)),
            what + " row " + row + " column " + column.name());
      }
    }
  }

  @Test
  void quantileTransformerCapsQuantilesAtTheRowCountAndMatchesBothOutputs() {
    JsonNode expected = ALL.get("quantile");
    Table wine = Datasets.redWine();
    Table fit = Fixtures.rows(wine, 0, expected.get("fitRows").asInt());
    Table probe = FeatureFixtures.probeRows(wine);
    QuantileTransformer uniform = new QuantileTransformer().fit(fit);
    double[][] quantiles = uniform.quantiles();
    assertEquals(expected.get("nQuantiles").asInt(), quantiles[0].length);
    int[] rows = Fixtures.ints(expected.get("quantileRows"));
    double[][] sampled = new double[rows.length][quantiles.length];
    for (int r = 0; r < rows.length; r++) {
      for (int c = 0; c < quantiles.length; c++) {
        sampled[r][c] = quantiles[c][rows[r]];
      }
    }
    assertMatrixClose(expected.get("quantiles"), sampled, "quantiles");
    assertRowsClose(expected.get("uniformProbe"), uniform.transform(probe), "uniform");
    // training rows hit the quantiles exactly, where ties are averaged from both ends
    assertRowsClose(
        expected.get("uniformTrain"),
        uniform.transform(Fixtures.rows(fit, 0, 8)),
        "uniform on training rows");
    QuantileTransformer normal =
        new QuantileTransformer(100, QuantileTransformer.Output.NORMAL).fit(fit);
    assertRowsClose(expected.get("normalProbe"), normal.transform(probe), "normal");
    assertRowsClose(
        expected.get("normalExtreme"),
        normal.transform(beyondRange(fit)),
        "normal output clipped beyond the fitted range");
  }

  /** Two rows: every column's minimum - 1 and maximum + 1. */
  private static Table beyondRange(Table fit) {
    List<Column> columns = new java.util.ArrayList<>();
    for (String name : fit.columnNames()) {
      double[] values = fit.numeric(name).toArray();
      double min = java.util.Arrays.stream(values).min().orElseThrow();
      double max = java.util.Arrays.stream(values).max().orElseThrow();
      columns.add(NumericColumn.of(name, min - 1, max + 1));
    }
    return Table.of(columns);
  }
}
