package dev.lamina;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.callbacks.Callback;
import dev.lamina.callbacks.TrainingControl;
import dev.lamina.io.Json;
import dev.lamina.layers.Dense;
import dev.lamina.losses.MeanSquaredError;
import dev.lamina.optimizers.Optimizers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Step-by-step parity with PyTorch (tools/fixtures/make_optimizer_fixtures.py): from the same
 * weights, with shuffling off, three epochs on a small MLP give the same weights after every step,
 * to 1e-5 relative error.
 */
class OptimizerParityTest {
  private static final Map<String, Object> FIXTURE = load();

  @SuppressWarnings("unchecked")
  private static Map<String, Object> load() {
    try (InputStream in =
        OptimizerParityTest.class.getResourceAsStream("/fixtures/optimizer_steps.json")) {
      return Json.parseObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static Stream<String> cases() {
    return ((Map<String, Object>) FIXTURE.get("cases")).keySet().stream();
  }

  private static float[] floats(Object list) {
    List<?> values = (List<?>) list;
    float[] out = new float[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = ((Number) values.get(i)).floatValue();
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void weightsAfterEveryStepMatchPyTorch(String name) {
    assertStepsMatch(name, DType.FLOAT32);
  }

  /**
   * A float64 model (float64 weights, gradients and optimizer slots) lands on PyTorch's float32
   * weights as closely as float32 training does.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void float64WeightsAfterEveryStepMatchPyTorch(String name) {
    assertStepsMatch(name, DType.FLOAT64);
  }

  @SuppressWarnings("unchecked")
  private static void assertStepsMatch(String name, DType dtype) {
    Map<String, Object> c =
        (Map<String, Object>) ((Map<String, Object>) FIXTURE.get("cases")).get(name);
    Map<String, Object> optimizer =
        new java.util.HashMap<>((Map<String, Object>) c.get("optimizer"));
    String optimizerName = (String) optimizer.remove("name");
    int rows = ((Number) FIXTURE.get("rows")).intValue();
    Tensor x = Tensor.of(floats(FIXTURE.get("x")), rows, 3).to(dtype);
    Tensor y = Tensor.of(floats(FIXTURE.get("y")), rows, 2).to(dtype);
    List<Object> initial = (List<Object>) FIXTURE.get("initial");
    int[][] shapes = {{3, 5}, {5}, {5, 2}, {2}};
    List<Tensor> start = new ArrayList<>();
    for (int i = 0; i < shapes.length; i++) {
      start.add(Tensor.of(floats(initial.get(i)), shapes[i]).to(dtype));
    }
    Sequential model =
        new Sequential(new Dense(5, "relu").inputShape(3).dtype(dtype), new Dense(2).dtype(dtype))
            .seed(0);
    model.setWeights(start);
    model.compile(Optimizers.fromConfig(optimizerName, optimizer), new MeanSquaredError());
    List<List<Tensor>> afterStep = new ArrayList<>();
    List<Double> losses = new ArrayList<>();
    Callback recorder =
        new Callback() {
          private TrainingControl control;

          @Override
          public void onTrainBegin(TrainingControl control) {
            this.control = control;
          }

          @Override
          public void onBatchEnd(int epoch, int batch, Map<String, Double> logs) {
            afterStep.add(control.getWeights());
            losses.add(logs.get("loss"));
          }
        };
    model.fit(
        x,
        y,
        new FitOptions()
            .batchSize(((Number) FIXTURE.get("batch")).intValue())
            .epochs(((Number) FIXTURE.get("epochs")).intValue())
            .shuffle(false)
            .verbose(0)
            .callbacks(recorder));
    List<Object> steps = (List<Object>) c.get("steps");
    assertEquals(steps.size(), afterStep.size());
    double worst = 0;
    for (int s = 0; s < steps.size(); s++) {
      List<Object> expected = (List<Object>) ((Map<String, Object>) steps.get(s)).get("weights");
      for (int w = 0; w < expected.size(); w++) {
        float[] want = floats(expected.get(w));
        Tensor weight = afterStep.get(s).get(w);
        assertEquals(dtype, weight.dtype());
        float[] got = weight.toFloatArray();
        for (int i = 0; i < want.length; i++) {
          // relative error; the scale is floored at 0.01 because a weight that an update carries
          // across zero is the difference of two larger float32 numbers, whose rounding (a few
          // ulps of ~0.05) is then large relative to the tiny result
          double error = Math.abs(got[i] - want[i]) / Math.max(Math.abs(want[i]), 1e-2);
          worst = Math.max(worst, error);
          assertTrue(
              error <= 1e-5,
              name
                  + " step "
                  + (s + 1)
                  + " weight "
                  + w
                  + "["
                  + i
                  + "]: "
                  + got[i]
                  + " vs "
                  + want[i]);
        }
      }
    }
    assertTrue(worst < 1e-5);
    assertBatchLossesMatch(name, steps, losses, rows, ((Number) FIXTURE.get("batch")).intValue());
  }

  /**
   * The loss PyTorch computed for each batch before its step equals Lamina's: the logged "loss" is
   * the epoch's running mean weighted by batch size (Keras), so each batch's own loss is the growth
   * of the running sum divided by the batch's rows.
   */
  @SuppressWarnings("unchecked")
  private static void assertBatchLossesMatch(
      String name, List<Object> steps, List<Double> means, int rows, int batch) {
    int batchesPerEpoch = (rows + batch - 1) / batch;
    double sum = 0;
    int seen = 0;
    for (int s = 0; s < steps.size(); s++) {
      int b = s % batchesPerEpoch;
      if (b == 0) {
        sum = 0;
        seen = 0;
      }
      int size = Math.min(batch, rows - b * batch);
      double total = means.get(s) * (seen + size);
      double own = (total - sum) / size;
      sum = total;
      seen += size;
      double want = ((Number) ((Map<String, Object>) steps.get(s)).get("loss")).doubleValue();
      assertEquals(
          want,
          own,
          1e-5 * Math.max(1, Math.abs(want)),
          name + " step " + (s + 1) + ": the batch's loss");
    }
  }
}
