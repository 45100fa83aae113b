package dev.lamina;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.callbacks.Callback;
import dev.lamina.callbacks.EarlyStopping;
import dev.lamina.callbacks.TerminateOnNaN;
import dev.lamina.callbacks.TrainingControl;
import dev.lamina.layers.BatchNormalization;
import dev.lamina.layers.Dense;
import dev.lamina.layers.Dropout;
import dev.lamina.losses.BinaryCrossentropy;
import dev.lamina.optimizers.Adam;
import dev.lamina.optimizers.SGD;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainingTest {

  /** y = 2·x0 − x1 + 1 on a grid. */
  static Tensor[] linearData(int n) {
    float[][] x = new float[n][2];
    float[][] y = new float[n][1];
    for (int i = 0; i < n; i++) {
      x[i][0] = (i % 10) / 5f - 1;
      x[i][1] = Math.floorDiv(i, 10) / 5f - 1;
      y[i][0] = 2 * x[i][0] - x[i][1] + 1;
    }
    return new Tensor[] {Tensor.of(x), Tensor.of(y)};
  }

  @Test
  void aSingleUnitLearnsALinearFunction() {
    Tensor[] d = linearData(100);
    Sequential model = new Sequential(new Dense(1).inputShape(2)).seed(3);
    model.compile(new SGD(0.1), new dev.lamina.losses.MeanSquaredError());
    History h = model.fit(d[0], d[1], new FitOptions().epochs(60).batchSize(10).verbose(0));
    float[] kernel = model.getWeights().get(0).toFloatArray();
    float[] bias = model.getWeights().get(1).toFloatArray();
    assertEquals(2, kernel[0], 1e-2);
    assertEquals(-1, kernel[1], 1e-2);
    assertEquals(1, bias[0], 1e-2);
    double[] loss = h.get("loss");
    assertTrue(loss[loss.length - 1] < 1e-4 && loss[0] > loss[loss.length - 1]);
  }

  private static History trainSmall(long seed, Sequential[] out) {
    Tensor[] d = linearData(64);
    Sequential model =
        new Sequential(
                new Dense(8, "relu").inputShape(2),
                new Dropout(0.25),
                new BatchNormalization(),
                new Dense(1))
            .seed(seed);
    model.compile(new Adam(0.01), new dev.lamina.losses.MeanAbsoluteError(), "mse");
    History h =
        model.fit(
            d[0], d[1], new FitOptions().epochs(4).batchSize(16).validationSplit(0.25).verbose(0));
    out[0] = model;
    return h;
  }

  @Test
  void oneSeedGivesBitIdenticalWeightsAndHistory() {
    Sequential[] a = new Sequential[1];
    Sequential[] b = new Sequential[1];
    Sequential[] c = new Sequential[1];
    History ha = trainSmall(11, a);
    History hb = trainSmall(11, b);
    History hc = trainSmall(12, c);
    for (String key : ha.keys()) {
      assertArrayEquals(ha.get(key), hb.get(key), key);
    }
    for (int i = 0; i < a[0].getWeights().size(); i++) {
      assertArrayEquals(
          a[0].getWeights().get(i).toFloatArray(), b[0].getWeights().get(i).toFloatArray());
    }
    assertFalse(java.util.Arrays.equals(ha.get("loss"), hc.get("loss")));
    assertEquals(List.of("loss", "mse", "val_loss", "val_mse"), List.copyOf(ha.keys()));
  }

  @Test
  void validationSplitHoldsOutTheLastRowsAndEvaluatesThem() {
    Tensor[] d = linearData(40);
    Sequential model = new Sequential(new Dense(1).inputShape(2)).seed(5);
    model.compile(new SGD(0.0), new dev.lamina.losses.MeanAbsoluteError());
    History h = model.fit(d[0], d[1], new FitOptions().epochs(1).validationSplit(0.25).verbose(0));
    Map<String, Double> lastRows = model.evaluate(d[0].slice(0, 30, 40), d[1].slice(0, 30, 40));
    assertEquals(lastRows.get("loss"), h.get("val_loss")[0], 1e-6);
  }

  @Test
  void evaluateReturnsLossThenMetricsInCompileOrder() {
    Tensor[] d = linearData(20);
    Sequential model = new Sequential(new Dense(1).inputShape(2)).seed(5);
    model.compile("sgd", "mse", "mae", "rmse");
    Map<String, Double> result = model.evaluate(d[0], d[1]);
    assertEquals(List.of("loss", "mae", "rmse"), List.copyOf(result.keySet()));
    assertEquals(Math.sqrt(result.get("loss")), result.get("rmse"), 1e-5);
  }

  @Test
  void earlyStoppingRestoresTheBestEpochsWeightsBitForBit() {
    Tensor[] d = linearData(80);
    Sequential model = new Sequential(new Dense(16, "relu").inputShape(2), new Dense(1)).seed(9);
    model.compile(new SGD(0.3), new dev.lamina.losses.MeanSquaredError());
    List<List<Tensor>> perEpoch = new ArrayList<>();
    Callback recorder =
        new Callback() {
          private TrainingControl control;

          @Override
          public void onTrainBegin(TrainingControl control) {
            this.control = control;
          }

          @Override
          public void onEpochEnd(int epoch, Map<String, Double> logs) {
            perEpoch.add(control.getWeights());
          }
        };
    EarlyStopping stopping = new EarlyStopping().patience(2).restoreBestWeights(true);
    History h =
        model.fit(
            d[0],
            d[1],
            new FitOptions()
                .epochs(40)
                .batchSize(8)
                .validationSplit(0.2)
                .verbose(0)
                .callbacks(recorder, stopping));
    int best = h.bestEpoch("val_loss", false);
    assertEquals(best, stopping.bestEpoch());
    // it stopped early, patience epochs after the best, so restoring had something to undo
    assertTrue(h.epochs() < 40, "ran all " + h.epochs() + " epochs");
    assertEquals(best + 2 + 1, h.epochs());
    assertTrue(best < h.epochs() - 1);
    List<Tensor> restored = model.getWeights();
    for (int i = 0; i < restored.size(); i++) {
      assertArrayEquals(perEpoch.get(best).get(i).toFloatArray(), restored.get(i).toFloatArray());
    }
  }

  @Test
  void terminateOnNaNSaysWhereTrainingStopped() {
    Tensor[] d = linearData(40);
    Sequential model = new Sequential(new Dense(4).inputShape(2), new Dense(1)).seed(2);
    model.compile(new SGD(1e20), new dev.lamina.losses.MeanSquaredError());
    TerminateOnNaN guard = new TerminateOnNaN();
    History h =
        model.fit(d[0], d[1], new FitOptions().epochs(5).batchSize(4).verbose(0).callbacks(guard));
    assertNotNull(guard.terminatedAt());
    assertTrue(guard.terminatedAt().startsWith("epoch 1, batch "), guard.terminatedAt());
    assertEquals(1, h.epochs());
  }

  @Test
  void progressOutputFollowsKeras() {
    Tensor[] d = linearData(20);
    Sequential model = new Sequential(new Dense(1).inputShape(2)).seed(1);
    model.compile("sgd", "mse");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    model.fit(d[0], d[1], new FitOptions().epochs(2).batchSize(8).out(out));
    String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
    assertEquals("Epoch 1/2", lines[0]);
    assertTrue(
        lines[1].matches("3/3 ━{20} \\d+s \\d+(us|ms|s)/step - loss: \\d+\\.\\d{4}"), lines[1]);
    assertEquals("Epoch 2/2", lines[2]);
    ByteArrayOutputStream two = new ByteArrayOutputStream();
    model.fit(
        d[0],
        d[1],
        new FitOptions()
            .epochs(1)
            .batchSize(8)
            .verbose(2)
            .out(new PrintStream(two, true, StandardCharsets.UTF_8)));
    assertTrue(
        two.toString(StandardCharsets.UTF_8)
            .matches("3/3 - \\d+s - \\d+(us|ms|s)/step - loss: \\d+\\.\\d{4}\\n"));
  }

  @Test
  void badInputGetsClearErrors() {
    Tensor[] d = linearData(10);
    Sequential model = new Sequential(new Dense(1).inputShape(2));
    IllegalStateException notCompiled =
        assertThrows(IllegalStateException.class, () -> model.fit(d[0], d[1], new FitOptions()));
    assertTrue(notCompiled.getMessage().contains("compile"));
    model.compile("sgd", "mse");
    ShapeMismatchException rows =
        assertThrows(
            ShapeMismatchException.class,
            () -> model.fit(d[0], d[1].slice(0, 0, 9), new FitOptions().verbose(0)));
    assertTrue(rows.getMessage().contains("[10, 2]") && rows.getMessage().contains("[9, 1]"));
    float[][] withNan = d[0].toArray2d();
    withNan[3][1] = Float.NaN;
    IllegalArgumentException nan =
        assertThrows(
            IllegalArgumentException.class,
            () -> model.fit(Tensor.of(withNan), d[1], new FitOptions().verbose(0)));
    assertTrue(nan.getMessage().contains("row 3, column 1"), nan.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new FitOptions().batchSize(0));
    assertThrows(IllegalArgumentException.class, () -> new FitOptions().validationSplit(1.0));
    Sequential classifier = new Sequential(new Dense(1, "sigmoid").inputShape(2));
    classifier.compile(new Adam(), new BinaryCrossentropy(), "accuracy");
    IllegalArgumentException labels =
        assertThrows(
            IllegalArgumentException.class,
            () -> classifier.fit(d[0], d[1], new FitOptions().verbose(0)));
    assertTrue(labels.getMessage().contains("[0, 1]"), labels.getMessage());
  }

  @Test
  void checkpointWritesALoadableModelDuringTraining(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    Tensor[] d = linearData(40);
    Sequential model = new Sequential(new Dense(4, "relu").inputShape(2), new Dense(1)).seed(8);
    model.compile("adam", "mse");
    java.nio.file.Path file = dir.resolve("best.lamina");
    model.fit(
        d[0],
        d[1],
        new FitOptions()
            .epochs(3)
            .validationSplit(0.25)
            .verbose(0)
            .callbacks(new dev.lamina.callbacks.ModelCheckpoint(file).saveBestOnly(true)));
    Sequential loaded = Sequential.load(file);
    assertEquals(model.getWeights().size(), loaded.getWeights().size());
  }

  @Test
  void sampleWeightsScaleTheLossButNotTheMetrics() {
    Tensor x = Tensor.of(new float[][] {{1}, {1}});
    Tensor y = Tensor.of(new float[][] {{0}, {2}});
    Sequential model =
        new Sequential(new Dense(1).inputShape(1).kernelInitializer("zeros")).seed(1);
    model.compile(new SGD(0.0), new dev.lamina.losses.MeanAbsoluteError(), "mae");
    History h =
        model.fit(x, y, new FitOptions().verbose(0).sampleWeight(Tensor.of(new float[] {1, 0}, 2)));
    // prediction 0: losses 0 and 2; weighted (1·0 + 0·2) / 2 = 0, unweighted metric (0 + 2) / 2 = 1
    assertEquals(0.0, h.get("loss")[0], 1e-7);
    assertEquals(1.0, h.get("mae")[0], 1e-7);
  }

  @Test
  void classWeightsScaleTheLoss() {
    Tensor x = Tensor.of(new float[][] {{1}, {1}});
    Tensor y = Tensor.of(new float[][] {{0}, {1}});
    Sequential model =
        new Sequential(new Dense(1, "sigmoid").inputShape(1).kernelInitializer("zeros")).seed(1);
    model.compile(new SGD(0.0), new BinaryCrossentropy());
    double plain = model.fit(x, y, new FitOptions().verbose(0)).get("loss")[0];
    double weighted =
        model.fit(x, y, new FitOptions().verbose(0).classWeight(Map.of(1, 3.0))).get("loss")[0];
    // p = 0.5 everywhere: loss ln 2 per row; class 1 weighs 3 → (1 + 3)·ln2 / 2
    assertEquals(Math.log(2), plain, 1e-6);
    assertEquals(2 * Math.log(2), weighted, 1e-6);
  }
}
