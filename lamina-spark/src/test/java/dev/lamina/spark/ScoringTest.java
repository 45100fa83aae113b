package dev.lamina.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.cli.Lamina;
import dev.lamina.data.ColumnTransformer;
import dev.lamina.data.NumericColumn;
import dev.lamina.data.OneHotEncoder;
import dev.lamina.data.Pipeline;
import dev.lamina.data.SimpleImputer;
import dev.lamina.data.StandardScaler;
import dev.lamina.data.StringColumn;
import dev.lamina.data.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ScoringTest {
  static final Path DATA = Path.of("..", "..", "shared", "data");
  static SparkSession spark;
  @TempDir Path dir;

  @BeforeAll
  static void start() {
    spark = LocalSpark.start("scoring");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void sparkFittedPreprocessingEqualsLaminaData() {
    java.util.Random random = new java.util.Random(3);
    int n = 300;
    double[] a = new double[n];
    double[] b = new double[n];
    String[] s = new String[n];
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      a[i] = i % 7 == 0 ? Double.NaN : 1e3 + random.nextGaussian() * 5;
      b[i] = random.nextDouble() - 0.5;
      s[i] = i % 11 == 0 ? null : List.of("red", "green", "blue, dark").get(random.nextInt(3));
      rows.add(RowFactory.create(Double.isNaN(a[i]) ? null : a[i], b[i], s[i]));
    }
    StructType schema =
        new StructType()
            .add("a", DataTypes.DoubleType)
            .add("b", DataTypes.DoubleType)
            .add("s", DataTypes.StringType);
    Dataset<Row> frame = spark.createDataFrame(rows, schema).repartition(3);

    ColumnTransformer fromSpark = SparkPreprocessing.fit(frame, List.of("a", "b"), List.of("s"));
    ColumnTransformer local =
        new ColumnTransformer()
            .add(
                "num",
                new Pipeline(new SimpleImputer(SimpleImputer.Strategy.MEAN), new StandardScaler()),
                "a",
                "b")
            .add(
                "cat",
                new Pipeline(
                    SimpleImputer.constant("NA"),
                    new OneHotEncoder(OneHotEncoder.HandleUnknown.IGNORE)),
                "s");
    local.fit(
        Table.of(NumericColumn.of("a", a), NumericColumn.of("b", b), StringColumn.of("s", s)));
    assertSame(local.toJson(), fromSpark.toJson(), "$");
  }

  /** Equal JSON, numbers within 1e-9 relative. */
  static void assertSame(Object want, Object got, String path) {
    if (want instanceof Number w) {
      assertTrue(got instanceof Number, path);
      double expected = w.doubleValue();
      assertEquals(expected, ((Number) got).doubleValue(), 1e-9 * Math.abs(expected), path);
    } else if (want instanceof Map<?, ?> wantMap) {
      assertTrue(got instanceof Map<?, ?>, path);
      Map<?, ?> gotMap = (Map<?, ?>) got;
      assertEquals(wantMap.size(), gotMap.size(), path + " size");
      for (Map.Entry<?, ?> e : wantMap.entrySet()) {
        assertTrue(gotMap.containsKey(e.getKey()), path + "." + e.getKey() + " missing");
        assertSame(e.getValue(), gotMap.get(e.getKey()), path + "." + e.getKey());
      }
    } else if (want instanceof List<?> wantList) {
      assertTrue(got instanceof List<?>, path);
      List<?> gotList = (List<?>) got;
      assertEquals(wantList.size(), gotList.size(), path + " size");
      for (int i = 0; i < wantList.size(); i++) {
        assertSame(wantList.get(i), gotList.get(i), path + "[" + i + "]");
      }
    } else {
      assertEquals(want, got, path);
    }
  }

  @Test
  void scoringARegressionGivesTheValuesOfLaminaPredict() throws IOException {
    Path csv = head(DATA.resolve("red-wine.csv"), 400);
    assertScoresLikePredict(csv, "--target", "quality");
  }

  @Test
  void scoringAClassifierGivesTheLabelsAndProbabilitiesOfLaminaPredict() throws IOException {
    Path csv = head(DATA.resolve("hotel.csv"), 400);
    assertScoresLikePredict(
        csv, "--target", "is_canceled", "--drop", "reservation_status,reservation_status_date");
  }

  private void assertScoresLikePredict(Path csv, String... target) throws IOException {
    Path run = dir.resolve("run");
    List<String> train =
        new ArrayList<>(
            List.of(
                "train",
                "--data",
                csv.toString(),
                "--epochs",
                "2",
                "--layers",
                "16",
                "--out",
                run.toString(),
                "--json"));
    train.addAll(List.of(target));
    assertEquals(0, new CommandLine(new Lamina()).execute(train.toArray(String[]::new)));
    Path model = run.resolve("model.lamina");
    Path predictions = dir.resolve("predictions.csv");
    assertEquals(
        0,
        new CommandLine(new Lamina())
            .execute(
                "predict",
                "--model",
                model.toString(),
                "--data",
                csv.toString(),
                "--out",
                predictions.toString()));
    List<String> want = Files.readAllLines(predictions);

    // small file splits: several partitions, in file order, whose batches start mid-file
    spark.conf().set("spark.sql.files.maxPartitionBytes", "16384");
    Dataset<Row> frame = spark.read().option("header", "true").csv(csv.toString());
    assertTrue(frame.rdd().getNumPartitions() > 1, "partitions " + frame.rdd().getNumPartitions());
    Dataset<Row> scored = CliModelScoring.score(spark, model, frame);
    List<String> got = new ArrayList<>();
    got.add(
        String.join(
            ",",
            List.of(scored.columns()).subList(frame.columns().length, scored.columns().length)));
    for (Row row : scored.collectAsList()) {
      StringBuilder line = new StringBuilder();
      for (int c = frame.columns().length; c < row.length(); c++) {
        line.append(c > frame.columns().length ? "," : "").append(row.get(c));
      }
      got.add(line.toString());
    }
    assertEquals(want, got);
  }

  private Path head(Path csv, int rows) throws IOException {
    Path part = dir.resolve(csv.getFileName());
    Files.write(part, Files.readAllLines(csv).subList(0, rows + 1));
    return part;
  }
}
