package dev.lamina;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.layers.BatchNormalization;
import dev.lamina.layers.Dense;
import dev.lamina.layers.Dropout;
import dev.lamina.layers.L2;
import dev.lamina.losses.MeanAbsoluteError;
import dev.lamina.optimizers.Adam;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A float64 model trains on the one path: float64 weights, gradients and optimizer slots. */
class Float64TrainingTest {

  private static Sequential train(DType dtype, History[] history) {
    Tensor[] d = TrainingTest.linearData(96);
    Sequential model =
        new Sequential(
                new Dense(16, "relu").kernelRegularizer(new L2(1e-4)).inputShape(2).dtype(dtype),
                new Dropout(0.1).dtype(dtype),
                new BatchNormalization().dtype(dtype),
                new Dense(16, "gelu").dtype(dtype),
                new Dense(1).dtype(dtype))
            .seed(7);
    model.compile(new Adam(0.01), new MeanAbsoluteError(), "mse");
    history[0] =
        model.fit(
            d[0].to(dtype),
            d[1].to(dtype),
            new FitOptions().epochs(8).batchSize(16).validationSplit(0.25).verbose(0));
    return model;
  }

  @Test
  void trainsReproduciblyAndLikeFloat32() {
    History[] h = new History[1];
    History[] again = new History[1];
    History[] narrow = new History[1];
    Sequential wide = train(DType.FLOAT64, h);
    Sequential second = train(DType.FLOAT64, again);
    Sequential f32 = train(DType.FLOAT32, narrow);
    double[] loss = h[0].get("loss");
    assertTrue(loss[loss.length - 1] < loss[0] / 2, java.util.Arrays.toString(loss));
    assertArrayEquals(loss, again[0].get("loss"));
    List<Tensor> weights = wide.getWeights();
    for (int i = 0; i < weights.size(); i++) {
      assertEquals(DType.FLOAT64, weights.get(i).dtype(), "weight " + i);
      assertArrayEquals(
          weights.get(i).toDoubleArray(),
          second.getWeights().get(i).toDoubleArray(),
          "weight " + i);
      // the same seed draws the same initial weights and dropout masks in both types, so the runs
      // part only by rounding
      assertArrayEquals(
          f32.getWeights().get(i).toDoubleArray(),
          weights.get(i).toDoubleArray(),
          2e-3,
          "weight " + i);
    }
    assertArrayEquals(narrow[0].get("val_loss"), h[0].get("val_loss"), 2e-3);
  }

  @Test
  void aModelOfTwoTypesIsRejectedNamingBothVariables() {
    Sequential model =
        new Sequential(new Dense(4).inputShape(2).dtype(DType.FLOAT64), new Dense(1)).seed(1);
    model.compile(new Adam(), new MeanAbsoluteError());
    Tensor[] d = TrainingTest.linearData(8);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> model.fit(d[0].to(DType.FLOAT64), d[1], new FitOptions().verbose(0)));
    assertTrue(e.getMessage().contains("same dtype"), e.getMessage());
  }
}
