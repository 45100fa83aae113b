package dev.lamina.data.decomposition;

import static dev.lamina.data.FeatureFixtures.assertArrayClose;
import static dev.lamina.data.FeatureFixtures.assertMatrixClose;
import static dev.lamina.data.FeatureFixtures.assertRowsClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lamina.data.Datasets;
import dev.lamina.data.FeatureFixtures;
import dev.lamina.data.Fixtures;
import dev.lamina.data.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PCA against scikit-learn's full-SVD PCA, signs included (svd_flip). */
class SklearnPcaTest {
  private static final JsonNode PCA_FIXTURES = FeatureFixtures.ALL.get("pca");

  private static Table wineFeatures() {
    return Datasets.redWine().drop("quality");
  }

  @Test
  void countWhitenShareAndAllMatchComponentsVariancesScoresAndInverse() {
    Table fit = FeatureFixtures.fitRows(wineFeatures());
    Table probe = FeatureFixtures.probeRows(wineFeatures());
    for (String name : List.of("count5", "whiten5", "share95", "all")) {
      JsonNode expected = PCA_FIXTURES.get(name);
      PCA pca =
          switch (name) {
            case "count5" -> new PCA(5);
            case "whiten5" -> new PCA(5).withWhiten(true);
            case "share95" -> PCA.ofVarianceShare(0.95);
            default -> new PCA();
          };
      pca.fit(fit);
      assertEquals(expected.get("nComponents").asInt(), pca.nComponents(), name);
      assertArrayClose(expected.get("mean"), pca.mean(), name + " mean");
      assertArrayClose(
          expected.get("explainedVariance"), pca.explainedVariance(), name + " explained variance");
      assertArrayClose(
          expected.get("explainedVarianceRatio"),
          pca.explainedVarianceRatio(),
          name + " explained variance ratio");
      assertArrayClose(expected.get("singularValues"), pca.singularValues(), name + " singular");
      FeatureFixtures.assertClose(
          expected.get("noiseVariance"), pca.noiseVariance(), name + " noise variance");
      assertMatrixClose(expected.get("components"), pca.components(), name + " components");
      Table scores = pca.transform(probe);
      assertRowsClose(expected.get("probe"), scores, name + " scores");
      assertRowsClose(expected.get("inverse"), pca.inverseTransform(scores), name + " inverse");
    }
  }

  @Test
  void ionosphereShareKeepsEighteenComponentsDespiteTheConstantColumn() {
    JsonNode expected = PCA_FIXTURES.get("ion90");
    Table features = Datasets.ionosphere().drop("Class");
    PCA pca = PCA.ofVarianceShare(0.9).fit(features);
    assertEquals(expected.get("nComponents").asInt(), pca.nComponents());
    assertArrayClose(expected.get("explainedVarianceRatio"), pca.explainedVarianceRatio(), "ratio");
    assertMatrixClose(expected.get("components"), pca.components(), "components");
    assertRowsClose(expected.get("probe"), pca.transform(Fixtures.rows(features, 0, 8)), "scores");
  }

  /** Randomized and full agree on well-separated leading components of the ion data. */
  @Test
  void randomizedSolverFindsTheLeadingComponentsOfTheFullOne() {
    JsonNode expected = PCA_FIXTURES.get("ion90");
    Table features = Datasets.ionosphere().drop("Class");
    PCA randomized = new PCA(3).withRandomizedSolver(7).fit(features);
    double[][] components = randomized.components();
    for (int i = 0; i < 3; i++) {
      assertArrayClose(expected.get("components").get(i), components[i], "component " + i);
      FeatureFixtures.assertClose(
          expected.get("explainedVarianceRatio").get(i),
          randomized.explainedVarianceRatio()[i],
          "ratio " + i);
    }
  }
}
