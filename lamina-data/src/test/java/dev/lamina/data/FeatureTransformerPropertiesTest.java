package dev.lamina.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.data.decomposition.PCA;
import dev.lamina.data.preprocessing.FunctionTransformer;
import dev.lamina.data.preprocessing.OutlierClipper;
import dev.lamina.data.preprocessing.PowerTransformer;
import dev.lamina.data.preprocessing.QuantileTransformer;
import dev.lamina.data.preprocessing.RobustScaler;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Laws the feature transformers keep on any data, and missing values passing through. */
class FeatureTransformerPropertiesTest {

  @Provide
  Arbitrary<double[]> columns() {
    return Arbitraries.doubles()
        .between(-1e3, 1e3)
        .array(double[].class)
        .ofMinSize(3)
        .ofMaxSize(60);
  }

  /** Yeo-Johnson and the quantile map are non-decreasing, so sorted input stays sorted. */
  @Property(tries = 150)
  void powerAndQuantileTransformsKeepTheOrder(@ForAll("columns") double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    Table table = Table.of(NumericColumn.of("x", sorted));
    for (Transformer transformer :
        List.of(
            new PowerTransformer(false),
            new QuantileTransformer(10, QuantileTransformer.Output.NORMAL))) {
      double[] out = transformer.fitTransform(table).numeric("x").toArray();
      for (int i = 1; i < out.length; i++) {
        assertTrue(out[i - 1] <= out[i], transformer.toJson() + " at " + i);
      }
    }
  }

  /** With every component kept, the inverse of the projection gives the data back. */
  @Property(tries = 60)
  void pcaWithAllComponentsInvertsExactly(
      @ForAll("columns") double[] a, @ForAll("columns") double[] b) {
    int rows = Math.min(a.length, b.length);
    double[] second = new double[rows];
    for (int i = 0; i < rows; i++) {
      second[i] = b[i] - 0.5 * a[i];
    }
    Table table =
        Table.of(NumericColumn.of("a", Arrays.copyOf(a, rows)), NumericColumn.of("b", second));
    PCA pca = new PCA(Math.min(2, rows)).fit(table);
    Table back = pca.inverseTransform(pca.transform(table));
    for (String name : table.columnNames()) {
      double[] expected = table.numeric(name).toArray();
      double[] actual = back.numeric(name).toArray();
      for (int i = 0; i < rows; i++) {
        assertEquals(expected[i], actual[i], 1e-9 * (1 + Math.abs(expected[i])), name + i);
      }
    }
  }

  @Test
  void missingValuesStayMissing() {
    Table table = Table.of(NumericColumn.of("x", 1, Double.NaN, 4, 9, 2));
    for (Transformer transformer :
        List.of(
            new RobustScaler(),
            OutlierClipper.percentiles(5, 95),
            FunctionTransformer.sqrt(),
            new PowerTransformer(),
            new QuantileTransformer())) {
      double[] out = transformer.fitTransform(table).numeric("x").toArray();
      assertTrue(Double.isNaN(out[1]), transformer.toJson().toString());
      assertTrue(!Double.isNaN(out[0]) && !Double.isNaN(out[4]), transformer.toJson() + "");
    }
  }

  @Test
  void whiteningAComponentWithoutVarianceIsRefused() {
    Table dependent =
        Table.of(NumericColumn.of("a", 1, 2, 3, 4), NumericColumn.of("b", 2, 4, 6, 8));
    IllegalArgumentException error =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class, () -> new PCA(2).withWhiten(true).fit(dependent));
    assertTrue(error.getMessage().contains("component 1"), error.getMessage());
  }
}
