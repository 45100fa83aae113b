package dev.lamina.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lamina.cli.Lamina;
import dev.lamina.cli.TrainingData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lamina train --spark}: the rows read as a DataFrame from a CSV file, a Parquet folder or a
 * table of the catalog, and the preprocessing fitted by Spark equal to {@code lamina train}'s on
 * the same rows (every fitted number within 1e-9, every choice the same).
 */
class SparkTrainingDataTest {
  static final Path DATA = Path.of("..", "..", "shared", "data");
  static SparkSession spark;
  @TempDir Path dir;

  @BeforeAll
  static void start() {
    spark = LocalSpark.start("training-data");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void aCsvWithMissingCellsAndTextGetsThePreprocessingOfLaminaTrain() throws IOException {
    Path csv = head(DATA.resolve("hotel.csv"), 600);
    String[] args = {
      "--data",
      csv.toString(),
      "--target",
      "is_canceled",
      "--drop",
      "reservation_status,reservation_status_date"
    };
    Object local = preprocessing(train(TrainingData.LOCAL, "local", args));
    Object onSpark = preprocessing(train(sparkData(), "spark", args));
    ScoringTest.assertSame(local, onSpark, "$");
    // the hotel columns that make the choices: text one-hot encoded, NULL cells missing, an
    // identifier-like column skipped
    Map<?, ?> types = (Map<?, ?>) ((Map<?, ?>) local).get("column_types");
    assertEquals("string", types.get("hotel"), local.toString());
    assertEquals("numeric", types.get("agent"), local.toString());
  }

  @Test
  void aParquetFolderOrATableTrainsLikeItsCsv() throws IOException {
    Path csv = DATA.resolve("red-wine.csv");
    Object local =
        preprocessing(
            train(TrainingData.LOCAL, "local", "--data", csv.toString(), "--target", "quality"));
    Path parquet = dir.resolve("wine.parquet");
    spark
        .read()
        .option("header", "true")
        .option("inferSchema", "true")
        .csv(csv.toString())
        .write()
        .parquet(parquet.toString());
    Object fromParquet =
        preprocessing(
            train(sparkData(), "parquet", "--data", parquet.toString(), "--target", "quality"));
    ScoringTest.assertSame(local, fromParquet, "$");

    spark.read().parquet(parquet.toString()).createOrReplaceTempView("wine");
    Path run = dir.resolve("table");
    assertEquals(
        0,
        Lamina.run(
            sparkData(),
            "train",
            "--data",
            "wine",
            "--target",
            "quality",
            "--validation-split",
            "0.2",
            "--epochs",
            "2",
            "--layers",
            "8",
            "--out",
            run.toString(),
            "--json"));
    for (String file :
        List.of("model.lamina", "history.csv", "learning-curves.png", "report.html")) {
      assertTrue(Files.size(run.resolve(file)) > 0, file);
    }
    assertTrue(Files.readAllLines(run.resolve("history.csv")).get(0).contains("val_loss"));
  }

  @Test
  void noSuchFileOrTableIsAnInputError() {
    assertEquals(
        2,
        Lamina.run(
            sparkData(),
            "train",
            "--data",
            "no_such_table",
            "--target",
            "y",
            "--out",
            dir.resolve("none").toString()));
  }

  private static SparkTrainingData sparkData() {
    return new SparkTrainingData(spark, new SparkTrainer(spark).partitions(2));
  }

  /** Trains on every row (no validation split, so both sides fit on the same rows). */
  private Path train(TrainingData data, String name, String... args) {
    Path run = dir.resolve(name);
    List<String> all =
        new ArrayList<>(
            List.of(
                "train",
                "--validation-split",
                "0",
                "--epochs",
                "1",
                "--layers",
                "8",
                "--out",
                run.toString(),
                "--json"));
    all.addAll(List.of(args));
    assertEquals(0, Lamina.run(data, all.toArray(String[]::new)), name);
    return run;
  }

  private static Object preprocessing(Path run) throws IOException {
    try (ZipFile zip = new ZipFile(run.resolve("model.lamina").toFile())) {
      return new ObjectMapper()
          .readValue(zip.getInputStream(zip.getEntry("preprocessing.json")), Object.class);
    }
  }

  private Path head(Path csv, int rows) throws IOException {
    Path part = dir.resolve(csv.getFileName());
    Files.write(part, Files.readAllLines(csv).subList(0, rows + 1));
    return part;
  }
}
