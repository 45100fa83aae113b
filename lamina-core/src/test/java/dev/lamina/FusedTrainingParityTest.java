package dev.lamina;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.lamina.initializers.SeededRandom;
import dev.lamina.layers.Activation;
import dev.lamina.layers.BatchNormalization;
import dev.lamina.layers.Dense;
import dev.lamina.layers.Dropout;
import dev.lamina.layers.L2;
import dev.lamina.layers.Layer;
import dev.lamina.losses.BinaryCrossentropy;
import dev.lamina.losses.CategoricalCrossentropy;
import dev.lamina.losses.Loss;
import dev.lamina.losses.MeanAbsoluteError;
import dev.lamina.losses.MeanSquaredError;
import dev.lamina.optimizers.Adam;
import dev.lamina.optimizers.Optimizer;
import dev.lamina.optimizers.RMSprop;
import dev.lamina.optimizers.SGD;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fused training path gives the autograd path's results: the same model, seed and data trained
 * both ways end with the same weights (moving statistics included) and the same loss history. The
 * autograd twin is forced by a zero L2 penalty on its first kernel, which adds nothing to the loss
 * or the gradients but keeps the model off the fused path.
 */
class FusedTrainingParityTest {
  private static final int ROWS = 45;
  private static final int FEATURES = 5;

  /** A model's layers; {@code autograd} adds the zero penalty to the first Dense. */
  private interface Model {
    Layer[] layers(boolean autograd);
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("relu MLP, MAE, Adam", mlp("relu", "linear", 1), target(1, false),
            (Supplier<Loss>) MeanAbsoluteError::new, (Supplier<Optimizer>) () -> new Adam(0.01)),
        Arguments.of("tanh and sigmoid, MSE, SGD momentum, weighted", twoActivations("tanh", "sigmoid"),
            target(2, false), (Supplier<Loss>) MeanSquaredError::new,
            (Supplier<Optimizer>) () -> new SGD(0.05).momentum(0.9)),
        Arguments.of("softmax, categorical cross-entropy, RMSprop", mlp("relu", "softmax", 3),
            target(3, true), (Supplier<Loss>) CategoricalCrossentropy::new,
            (Supplier<Optimizer>) () -> new RMSprop(0.01)),
        Arguments.of("logits, smoothed categorical cross-entropy", mlp("tanh", "linear", 3),
            target(3, true),
            (Supplier<Loss>) () -> new CategoricalCrossentropy().fromLogits(true).labelSmoothing(0.1),
            (Supplier<Optimizer>) () -> new Adam(0.01)),
        Arguments.of("sigmoid, binary cross-entropy, weighted", mlp("relu", "sigmoid", 2), target(2, true),
            (Supplier<Loss>) BinaryCrossentropy::new, (Supplier<Optimizer>) () -> new Adam(0.01)),
        Arguments.of("logits, smoothed binary cross-entropy", mlp("relu", "linear", 1),
            target(1, true),
            (Supplier<Loss>) () -> new BinaryCrossentropy().fromLogits(true).labelSmoothing(0.2),
            (Supplier<Optimizer>) () -> new Adam(0.01)),
        Arguments.of("BatchNormalization, Activation and Dropout, MAE",
            (Model) autograd -> new Layer[] {
              first(8, "linear", autograd), new BatchNormalization(), new Activation("relu"),
              new Dropout(0.3), new Dense(8), new BatchNormalization().momentum(0.9),
              new Activation("tanh"), new Dropout(0.5), new Dense(1)},
            target(1, false), (Supplier<Loss>) MeanAbsoluteError::new,
            // SGD: the first bias's gradient is rounding noise under BatchNormalization, which
            // Adam's normalized step would amplify into different weights on either path
            (Supplier<Optimizer>) () -> new SGD(0.05)));
  }

  private static Model mlp(String hidden, String output, int units) {
    return autograd -> new Layer[] {
      first(16, hidden, autograd), new Dense(12, hidden), new Dense(units, output)
    };
  }

  private static Model twoActivations(String a, String b) {
    return autograd -> new Layer[] {first(10, a, autograd), new Dense(2, b)};
  }

  private static Dense first(int units, String activation, boolean autograd) {
    Dense dense = new Dense(units, activation).inputShape(FEATURES);
    return autograd ? dense.kernelRegularizer(new L2(0)) : dense;
  }

  /** Targets: one-hot rows (probabilities) or real values, cols wide. */
  private static Tensor target(int cols, boolean oneHot) {
    SeededRandom random = new SeededRandom(99 + cols);
    float[] y = new float[ROWS * cols];
    for (int r = 0; r < ROWS; r++) {
      if (oneHot && cols > 1) {
        y[r * cols + random.nextInt(cols)] = 1;
      } else {
        for (int c = 0; c < cols; c++) {
          y[r * cols + c] = oneHot ? (random.nextDouble() < 0.5 ? 0 : 1) : (float) random.nextGaussian();
        }
      }
    }
    return Tensor.of(y, ROWS, cols);
  }

  private static Tensor features() {
    SeededRandom random = new SeededRandom(7);
    float[] x = new float[ROWS * FEATURES];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) random.nextGaussian();
    }
    return Tensor.of(x, ROWS, FEATURES);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void fusedAndAutogradEndWithTheSameWeights(
      String name, Model model, Tensor y, Supplier<Loss> loss, Supplier<Optimizer> optimizer) {
    Sequential fused = new Sequential(model.layers(false)).seed(5);
    Sequential autograd = new Sequential(model.layers(true)).seed(5);
    fused.compile(optimizer.get(), loss.get());
    autograd.compile(optimizer.get(), loss.get());
    float[] rowWeights = new float[ROWS];
    for (int r = 0; r < ROWS; r++) {
      rowWeights[r] = 0.5f + (r % 3);
    }
    FitOptions options = new FitOptions().epochs(4).batchSize(16).shuffle(true).verbose(0);
    if (name.contains("weighted")) {
      options.sampleWeight(Tensor.of(rowWeights, ROWS));
    }
    History fusedHistory = fused.fit(features(), y, options);
    History autogradHistory = autograd.fit(features(), y, options);

    assertNotNull(TrainingPlan.compile(fused, fused.compiledOrNull(), 16), name);
    assertNull(TrainingPlan.compile(autograd, autograd.compiledOrNull(), 16), name);
    assertClose(autogradHistory.get("loss"), fusedHistory.get("loss"), name + " loss");
    List<Tensor> expected = autograd.getWeights();
    List<Tensor> actual = fused.getWeights();
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      float[] e = expected.get(i).toFloatArray();
      float[] a = actual.get(i).toFloatArray();
      for (int j = 0; j < e.length; j++) {
        assertEquals(e[j], a[j], 2e-4 * Math.max(1, Math.abs(e[j])), name + " weight " + i + "[" + j + "]");
      }
    }
  }

  private static void assertClose(double[] expected, double[] actual, String what) {
    assertEquals(expected.length, actual.length, what);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], actual[i], 1e-4 * Math.max(1, Math.abs(expected[i])), what + " " + i);
    }
  }
}
