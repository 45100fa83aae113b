package dev.lamina.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.FitOptions;
import dev.lamina.History;
import dev.lamina.Sequential;
import dev.lamina.Tensor;
import dev.lamina.constraints.MaxNorm;
import dev.lamina.constraints.NonNeg;
import dev.lamina.layers.Dense;
import dev.lamina.optimizers.Adam;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SparkTrainerTest {
  static final int ROWS = 256;
  static final int FEATURES = 5;
  static final double MAX_NORM = 0.8;
  static final List<String> NAMES = List.of("f0", "f1", "f2", "f3", "f4");
  static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = LocalSpark.start("parity");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  static float[][] data(long seed) {
    float[][] rows = new float[ROWS][FEATURES + 1];
    java.util.Random random = new java.util.Random(seed);
    for (float[] row : rows) {
      double t = 0;
      for (int c = 0; c < FEATURES; c++) {
        row[c] = (float) random.nextGaussian();
        t += (c + 1) * row[c] * (c % 2 == 0 ? 1 : -0.5);
      }
      row[FEATURES] = (float) (Math.tanh(t) + 0.1 * random.nextGaussian());
    }
    return rows;
  }

  static Dataset<Row> frame(float[][] rows) {
    List<String> names = new ArrayList<>(NAMES);
    names.add("target");
    return frame(spark, column(rows, 0, FEATURES + 1), names);
  }

  /** A DataFrame of double columns with these names from a (rows, columns) tensor. */
  static Dataset<Row> frame(SparkSession spark, Tensor table, List<String> names) {
    StructType schema = new StructType();
    for (String name : names) {
      schema = schema.add(name, DataTypes.DoubleType);
    }
    float[] values = table.toFloatArray();
    List<Row> list = new ArrayList<>();
    for (int r = 0; r < table.shape()[0]; r++) {
      Object[] cells = new Object[names.size()];
      for (int c = 0; c < cells.length; c++) {
        cells[c] = (double) values[r * cells.length + c];
      }
      list.add(RowFactory.create(cells));
    }
    return spark.createDataFrame(list, schema);
  }

  static Sequential model() {
    // constraints that bind, so that the distributed update must project as one machine does
    Sequential model =
        new Sequential(
                new Dense(16, "relu").kernelConstraint(new MaxNorm(MAX_NORM)).inputShape(FEATURES),
                new Dense(8, "relu").biasConstraint(new NonNeg()),
                new Dense(1))
            .seed(11);
    model.compile(new Adam(0.01), dev.lamina.losses.Losses.get("mse"), "mae");
    return model;
  }

  static double largestColumnNorm(Tensor kernel) {
    float[] k = kernel.toFloatArray();
    int units = kernel.shape()[1];
    double largest = 0;
    for (int u = 0; u < units; u++) {
      double squares = 0;
      for (int i = u; i < k.length; i += units) {
        squares += k[i] * k[i];
      }
      largest = Math.max(largest, Math.sqrt(squares));
    }
    return largest;
  }

  static Tensor column(float[][] rows, int from, int to) {
    float[] values = new float[rows.length * (to - from)];
    for (int r = 0; r < rows.length; r++) {
      for (int c = from; c < to; c++) {
        values[r * (to - from) + c - from] = rows[r][c];
      }
    }
    return Tensor.of(values, rows.length, to - from);
  }

  @Test
  void gradientAveragingGivesTheWeightsOfOneMachine() {
    float[][] rows = data(5);
    Sequential single = model();
    History expected =
        single.fit(
            column(rows, 0, FEATURES),
            column(rows, FEATURES, FEATURES + 1),
            new FitOptions().batchSize(64).epochs(3).shuffle(false).verbose(0));

    Sequential distributed = model();
    Dataset<Row> frame = frame(rows);
    History actual =
        new SparkTrainer(spark)
            .gradientAveraging()
            .partitions(4)
            .fit(
                distributed,
                frame,
                NAMES,
                "target",
                new FitOptions().batchSize(64).epochs(3).shuffle(false).verbose(0));

    List<Tensor> want = single.getWeights();
    List<Tensor> got = distributed.getWeights();
    double worst = 0;
    for (int i = 0; i < want.size(); i++) {
      float[] w = want.get(i).toFloatArray();
      float[] g = got.get(i).toFloatArray();
      double scale = 0;
      for (float v : w) {
        scale = Math.max(scale, Math.abs(v));
      }
      for (int j = 0; j < w.length; j++) {
        worst = Math.max(worst, Math.abs(w[j] - g[j]) / scale);
      }
    }
    assertTrue(worst <= 1e-4, "largest difference relative to the tensor's scale: " + worst);
    assertEquals(MAX_NORM, largestColumnNorm(got.get(0)), 1e-6, "the max-norm constraint binds");
    // the same History keys and, up to float rounding, values
    assertEquals(expected.keys(), actual.keys());
    for (String key : expected.keys()) {
      for (int e = 0; e < 3; e++) {
        assertEquals(
            expected.get(key)[e],
            actual.get(key)[e],
            1e-4 * Math.abs(expected.get(key)[e]),
            key + " at epoch " + e);
      }
    }
  }

  @Test
  void parameterAveragingLearnsAndRepeatsItself() {
    float[][] rows = data(7);
    Tensor x = column(rows, 0, FEATURES);
    Tensor y = column(rows, FEATURES, FEATURES + 1);
    double before = model().evaluate(x, y).get("loss");
    List<List<Tensor>> runs = new ArrayList<>();
    for (int run = 0; run < 2; run++) {
      Sequential model = model();
      new SparkTrainer(spark)
          .parameterAveraging(2)
          .partitions(2)
          .fit(
              model,
              frame(rows),
              NAMES,
              "target",
              new FitOptions().batchSize(32).epochs(3).verbose(0));
      assertTrue(
          model.evaluate(x, y).get("loss") < 0.6 * before,
          "loss " + model.evaluate(x, y).get("loss") + " after training, " + before + " before");
      assertTrue(largestColumnNorm(model.getWeights().get(0)) <= MAX_NORM + 1e-6);
      runs.add(model.getWeights());
    }
    for (int i = 0; i < runs.get(0).size(); i++) {
      assertArrayEquals(runs.get(0).get(i).toFloatArray(), runs.get(1).get(i).toFloatArray());
    }
  }

  @Test
  void predictAddsTheOutputsOfTheModelToEveryRow() {
    float[][] rows = data(9);
    Sequential model = model();
    Dataset<Row> scored =
        new SparkTrainer(spark).predict(model, frame(rows).repartition(3), NAMES, "prediction");
    assertEquals(
        List.of("f0", "f1", "f2", "f3", "f4", "target", "prediction"), List.of(scored.columns()));
    float[] want = model.predict(column(rows, 0, FEATURES), 256).toFloatArray();
    java.util.Map<Double, Double> byTarget = new java.util.HashMap<>();
    for (Row row : scored.collectAsList()) {
      byTarget.put(row.getDouble(5), row.getDouble(6));
    }
    for (int r = 0; r < ROWS; r++) {
      assertEquals(want[r], byTarget.get((double) rows[r][FEATURES]).floatValue(), 0.0, "row " + r);
    }
  }

  @Test
  void aMissingColumnIsNamed() {
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class,
            () ->
                new SparkTrainer(spark)
                    .fit(
                        model(),
                        frame(data(1)),
                        List.of("f0", "nope"),
                        "target",
                        new FitOptions().verbose(0)));
    assertTrue(e.getMessage().contains("'nope'"), e.getMessage());
  }
}
