package dev.lamina.losses;

import dev.lamina.Tensor;
import dev.lamina.autograd.GradCheck;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Finite-difference checks (float64) of every loss with respect to the predictions. */
class LossGradientsTest {

  static Stream<Arguments> losses() {
    Tensor regressionY = Tensor.ofDouble(new double[] {0.3, -1.2, 2.0, 0.7, 0.1, -0.4}, 3, 2);
    Tensor regressionP = Tensor.ofDouble(new double[] {0.1, -0.2, 3.5, 0.65, -0.3, 0.4}, 3, 2);
    Tensor binaryY = Tensor.ofDouble(new double[] {0, 1, 1, 0, 1, 0}, 3, 2);
    Tensor probs = Tensor.ofDouble(new double[] {0.2, 0.7, 0.9, 0.4, 0.55, 0.1}, 3, 2);
    Tensor oneHot = Tensor.ofDouble(new double[] {0, 1, 0, 1, 0, 0}, 2, 3);
    Tensor classProbs = Tensor.ofDouble(new double[] {0.2, 0.5, 0.3, 0.6, 0.1, 0.3}, 2, 3);
    Tensor logits = Tensor.ofDouble(new double[] {0.2, -1.5, 0.3, 2.6, 0.1, -0.3}, 2, 3);
    Tensor labels = Tensor.ofDouble(new double[] {1, 0}, 2);
    return Stream.of(
        Arguments.of("mae", (Supplier<Loss>) MeanAbsoluteError::new, regressionY, regressionP),
        Arguments.of("mse", (Supplier<Loss>) MeanSquaredError::new, regressionY, regressionP),
        Arguments.of("huber", (Supplier<Loss>) Huber::new, regressionY, regressionP),
        Arguments.of("bce", (Supplier<Loss>) BinaryCrossentropy::new, binaryY, probs),
        Arguments.of(
            "bce logits",
            (Supplier<Loss>) () -> new BinaryCrossentropy().fromLogits(true),
            binaryY,
            regressionP),
        Arguments.of(
            "bce smoothing",
            (Supplier<Loss>) () -> new BinaryCrossentropy().labelSmoothing(0.1),
            binaryY,
            probs),
        Arguments.of("cce", (Supplier<Loss>) CategoricalCrossentropy::new, oneHot, classProbs),
        Arguments.of(
            "cce logits",
            (Supplier<Loss>) () -> new CategoricalCrossentropy().fromLogits(true),
            oneHot,
            logits),
        Arguments.of(
            "scce logits",
            (Supplier<Loss>) () -> new SparseCategoricalCrossentropy().fromLogits(true),
            labels,
            logits),
        Arguments.of(
            "scce", (Supplier<Loss>) SparseCategoricalCrossentropy::new, labels, classProbs));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("losses")
  void gradientMatchesCentralDifferences(String name, Supplier<Loss> loss, Tensor y, Tensor p) {
    Tensor weights = Tensor.ofDouble(linear(p.shape()[0]), p.shape()[0]);
    new GradCheck().check(in -> loss.get().compute(y, in.get(0), weights), List.of(p));
  }

  private static double[] linear(int n) {
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      w[i] = 0.5 + i;
    }
    return w;
  }
}
