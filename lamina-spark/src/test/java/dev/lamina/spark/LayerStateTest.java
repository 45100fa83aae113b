package dev.lamina.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.FitOptions;
import dev.lamina.Sequential;
import dev.lamina.Tensor;
import dev.lamina.layers.Activation;
import dev.lamina.layers.BatchNormalization;
import dev.lamina.layers.Dense;
import dev.lamina.layers.Dropout;
import dev.lamina.optimizers.Adam;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The state a layer keeps or draws besides its trainable weights: moving statistics, masks. */
class LayerStateTest {
  static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = LocalSpark.start("layer-state");
    SparkTrainerTest.spark = spark;
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  /** Inputs far from the initial moving statistics (mean 0, variance 1), so stale ones show. */
  static float[][] shiftedData() {
    float[][] rows = SparkTrainerTest.data(3);
    for (float[] row : rows) {
      for (int c = 0; c < SparkTrainerTest.FEATURES; c++) {
        row[c] = 3 * row[c] + 5;
      }
    }
    return rows;
  }

  static Sequential batchNormModel() {
    Sequential model =
        new Sequential(
                new Dense(16).inputShape(SparkTrainerTest.FEATURES),
                new BatchNormalization().momentum(0.9),
                new Activation("relu"),
                new Dense(1))
            .seed(13);
    model.compile(new Adam(0.01), dev.lamina.losses.Losses.get("mse"), "mae");
    return model;
  }

  static Sequential dropoutModel() {
    Sequential model =
        new Sequential(
                new Dense(16, "relu").inputShape(SparkTrainerTest.FEATURES),
                new Dropout(0.3),
                new Dense(1))
            .seed(17);
    model.compile(new Adam(0.01), dev.lamina.losses.Losses.get("mse"));
    return model;
  }

  static FitOptions options() {
    return new FitOptions().batchSize(64).epochs(4).shuffle(false).verbose(0);
  }

  @Test
  void batchNormalizationMovingStatisticsFollowTheTrainingOfOneMachine() {
    float[][] rows = shiftedData();
    Tensor x = SparkTrainerTest.column(rows, 0, SparkTrainerTest.FEATURES);
    Tensor y =
        SparkTrainerTest.column(rows, SparkTrainerTest.FEATURES, SparkTrainerTest.FEATURES + 1);
    Sequential single = batchNormModel();
    single.fit(x, y, options());
    double singleLoss = single.evaluate(x, y).get("loss");
    float[] singleMean = movingMean(single);

    Sequential gradients = batchNormModel();
    new SparkTrainer(spark)
        .gradientAveraging()
        .partitions(4)
        .fit(gradients, SparkTrainerTest.frame(rows), SparkTrainerTest.NAMES, "target", options());
    Sequential averaged = batchNormModel();
    new SparkTrainer(spark)
        .parameterAveraging(2)
        .partitions(4)
        .fit(averaged, SparkTrainerTest.frame(rows), SparkTrainerTest.NAMES, "target", options());

    for (Sequential trained : List.of(gradients, averaged)) {
      float[] mean = movingMean(trained);
      double scale = 0;
      double worst = 0;
      for (int i = 0; i < mean.length; i++) {
        scale = Math.max(scale, Math.abs(singleMean[i]));
        worst = Math.max(worst, Math.abs(mean[i] - singleMean[i]));
      }
      assertTrue(
          worst <= 0.2 * scale,
          "moving mean differs from one machine's by " + worst + " (scale " + scale + ")");
      double loss = trained.evaluate(x, y).get("loss");
      assertEquals(
          singleLoss,
          loss,
          0.25 * singleLoss + 0.02,
          "inference loss " + loss + " against one machine's " + singleLoss);
    }
  }

  private static float[] movingMean(Sequential model) {
    // Keras order: dense kernel, bias; gamma, beta, moving_mean, moving_variance; dense ...
    return model.getWeights().get(4).toFloatArray();
  }

  @Test
  void aReusedReplicaDrawsTheMasksOfTheStepNotOfItsHistory() {
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Sequential model = dropoutModel();
    Broadcast<byte[]> bytes = context.broadcast(ModelBytes.of(model));
    float[][] rows = SparkTrainerTest.data(4);
    float[] x = new float[rows.length * SparkTrainerTest.FEATURES];
    float[] y = new float[rows.length];
    for (int r = 0; r < rows.length; r++) {
      System.arraycopy(rows[r], 0, x, r * SparkTrainerTest.FEATURES, SparkTrainerTest.FEATURES);
      y[r] = rows[r][SparkTrainerTest.FEATURES];
    }
    RowBlock block = new RowBlock(0, rows.length, SparkTrainerTest.FEATURES, x, y);
    FitPlan plan = new FitPlan("masks", bytes, rows.length, 1, rows.length, false, 17, 0);
    float[] weights =
        FlatArrays.concat(dev.lamina.DistributedTraining.trainableArrays(model), new float[0]);
    RoundInput step0 = new RoundInput(weights, new float[0], new float[0], 0, 0.01, 0, 0);
    RoundInput step1 = new RoundInput(weights, new float[0], new float[0], 0, 0.01, 0, 1);
    // the pool hands the same replica back each time: its stream has advanced in between
    float[] first = PartitionWork.gradientSum(plan, step0, block).values;
    float[] again = PartitionWork.gradientSum(plan, step0, block).values;
    float[] otherStep = PartitionWork.gradientSum(plan, step1, block).values;
    assertArrayEquals(first, again);
    assertFalse(java.util.Arrays.equals(first, otherStep), "another step draws other masks");
    bytes.destroy();
  }

  @Test
  void dropoutRunsRepeatThemselvesInBothModes() {
    float[][] rows = SparkTrainerTest.data(6);
    for (int mode = 0; mode < 2; mode++) {
      List<List<Tensor>> runs = new ArrayList<>();
      for (int run = 0; run < 2; run++) {
        Sequential model = dropoutModel();
        SparkTrainer trainer = new SparkTrainer(spark).partitions(4);
        (mode == 0 ? trainer.gradientAveraging() : trainer.parameterAveraging(2))
            .fit(
                model,
                SparkTrainerTest.frame(rows),
                SparkTrainerTest.NAMES,
                "target",
                options().shuffle(true));
        runs.add(model.getWeights());
      }
      for (int i = 0; i < runs.get(0).size(); i++) {
        assertArrayEquals(
            runs.get(0).get(i).toFloatArray(),
            runs.get(1).get(i).toFloatArray(),
            "mode " + mode + " weight " + i);
      }
    }
  }
}
