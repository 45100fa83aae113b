package dev.lamina;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.autograd.GradCheck;
import dev.lamina.autograd.GradCheckReport;
import dev.lamina.kernels.Kernels;
import dev.lamina.kernels.Window2d;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each fused operation in float64 against central differences and against the composition of Tensor
 * operations it replaces (values and gradients), on inputs away from kinks.
 */
class FusedOpGradientTest {
  private static final GradCheck CHECK = new GradCheck();
  private static final double SELU_ALPHA = 1.6732632423543772;
  private static final double SELU_SCALE = 1.0507009873554805;

  /** Every elementwise Keras activation with its composition from Tensor primitives. */
  static Stream<Arguments> activations() {
    UnaryOperator<Tensor> hardSigmoid = x -> x.div(6).add(0.5).clip(0, 1);
    return Stream.of(
        Arguments.of("linear", (UnaryOperator<Tensor>) x -> x),
        Arguments.of("relu", (UnaryOperator<Tensor>) Tensor::relu),
        Arguments.of("sigmoid", (UnaryOperator<Tensor>) Tensor::sigmoid),
        Arguments.of("tanh", (UnaryOperator<Tensor>) Tensor::tanh),
        Arguments.of("leaky_relu", (UnaryOperator<Tensor>) x -> x.leakyRelu(0.2)),
        Arguments.of("elu", (UnaryOperator<Tensor>) Tensor::elu),
        Arguments.of("selu", (UnaryOperator<Tensor>) x -> x.elu(SELU_ALPHA).mul(SELU_SCALE)),
        Arguments.of("gelu", (UnaryOperator<Tensor>) Tensor::gelu),
        Arguments.of("swish", (UnaryOperator<Tensor>) Tensor::swish),
        Arguments.of("silu", (UnaryOperator<Tensor>) Tensor::swish),
        Arguments.of("softplus", (UnaryOperator<Tensor>) Tensor::softplus),
        Arguments.of("softsign", (UnaryOperator<Tensor>) x -> x.div(x.abs().add(1))),
        Arguments.of("hard_sigmoid", hardSigmoid),
        Arguments.of("hard_silu", (UnaryOperator<Tensor>) x -> x.mul(hardSigmoid.apply(x))),
        Arguments.of("hard_swish", (UnaryOperator<Tensor>) x -> x.mul(hardSigmoid.apply(x))),
        Arguments.of("relu6", (UnaryOperator<Tensor>) x -> x.clip(0, 6)),
        Arguments.of("exponential", (UnaryOperator<Tensor>) Tensor::exp),
        Arguments.of("mish", (UnaryOperator<Tensor>) x -> x.mul(x.softplus().tanh())));
  }

  /** Values in [-7, 7] away from the kinks at 0, ±3 and 6 by at least 0.05. */
  private static Tensor awayFromKinks(long seed, int... shape) {
    SplittableRandom random = new SplittableRandom(seed);
    int size = shape[0] * shape[1];
    double[] values = new double[size];
    for (int i = 0; i < size; i++) {
      double v;
      do {
        v = -7 + 14 * random.nextDouble();
      } while (near(v, 0) || near(v, 3) || near(v, -3) || near(v, 6));
      values[i] = v;
    }
    return Tensor.ofDouble(values, shape);
  }

  private static boolean near(double v, double kink) {
    return Math.abs(v - kink) < 0.05;
  }

  private static Tensor random(long seed, double scale, int... shape) {
    SplittableRandom random = new SplittableRandom(seed);
    int size = 1;
    for (int d : shape) {
      size *= d;
    }
    double[] values = new double[size];
    for (int i = 0; i < size; i++) {
      values[i] = scale * (2 * random.nextDouble() - 1);
    }
    return Tensor.ofDouble(values, shape);
  }

  private static Tensor weightedSum(Tensor t) {
    return t.mul(random(99, 1, t.shape()).add(2)).sum();
  }

  private static void assertClose(Tensor expected, Tensor actual, String what) {
    double[] e = expected.toDoubleArray();
    double[] a = actual.toDoubleArray();
    assertArrayEquals(expected.shape(), actual.shape(), what);
    for (int i = 0; i < e.length; i++) {
      double allowed = 1e-12 + 1e-10 * Math.abs(e[i]);
      assertTrue(Math.abs(e[i] - a[i]) <= allowed, what + "[" + i + "]: " + e[i] + " vs " + a[i]);
    }
  }

  /** Values and gradients of the fused function equal the composed one's; both pass gradcheck. */
  private static void assertSameAsComposition(
      String name,
      Function<List<Tensor>, Tensor> fused,
      Function<List<Tensor>, Tensor> composed,
      List<Tensor> inputs) {
    assertClose(composed.apply(inputs), fused.apply(inputs), name + " values");
    Tensor fusedLoss = weightedSum(fused.apply(inputs));
    Tensor composedLoss = weightedSum(composed.apply(inputs));
    List<Tensor> fusedGrads = Gradients.of(fusedLoss, inputs);
    List<Tensor> composedGrads = Gradients.of(composedLoss, inputs);
    for (int i = 0; i < inputs.size(); i++) {
      assertClose(composedGrads.get(i), fusedGrads.get(i), name + " gradient " + i);
    }
    GradCheckReport report = CHECK.compare(in -> weightedSum(fused.apply(in)), inputs);
    assertTrue(report.passed(), name + ": " + report);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("activations")
  void activationOpIsItsComposition(String name, UnaryOperator<Tensor> composed) {
    assertSameAsComposition(
        name,
        in -> NeuralOps.activation(in.get(0), name),
        in -> composed.apply(in.get(0)),
        List.of(awayFromKinks(name.hashCode(), 6, 5)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("activations")
  void denseOpIsItsComposition(String name, UnaryOperator<Tensor> composed) {
    Tensor x = random(1, 1, 7, 4);
    Tensor kernel = random(2, 1, 4, 5);
    Tensor bias = random(3, 1, 5);
    assertTrue(
        NeuralOps.dense(x, kernel, bias, name).gradFn().op().equals("dense"), "one operation");
    assertSameAsComposition(
        name,
        in -> NeuralOps.dense(in.get(0), in.get(1), in.get(2), name),
        in -> composed.apply(in.get(0).matmul(in.get(1)).add(in.get(2))),
        List.of(x, kernel, bias));
  }

  /** 5×6 images of 3 channels, a 3×2 window with strides 2×1 and same padding, 4 filters. */
  private static final Window2d CONV_WINDOW = Window2d.of(5, 6, 3, 2, 2, 1, 1, 1, true);

  @ParameterizedTest(name = "{0}")
  @MethodSource("activations")
  void conv2dOpIsItsComposition(String name, UnaryOperator<Tensor> composed) {
    Tensor x = random(11, 1, 2, 5, 6, 3);
    Tensor kernel = random(12, 0.5, 3, 2, 3, 4);
    Tensor bias = random(13, 1, 4);
    assertTrue(
        Convolutions.conv2d(x, kernel, bias, CONV_WINDOW, 4, name).gradFn().op().equals("conv2d"),
        "one operation");
    assertSameAsComposition(
        "conv2d " + name,
        in -> Convolutions.conv2d(in.get(0), in.get(1), in.get(2), CONV_WINDOW, 4, name),
        in ->
            composed.apply(
                Convolutions.conv2d(in.get(0), in.get(1), null, CONV_WINDOW, 4, "linear")
                    .add(in.get(2))),
        List.of(x, kernel, bias));
  }

  @Test
  void conv2dWithSoftmaxComposesTheSoftmaxOverTheFilters() {
    Tensor x = random(14, 1, 2, 5, 6, 3);
    Tensor kernel = random(15, 0.5, 3, 2, 3, 4);
    assertSameAsComposition(
        "conv2d softmax",
        in -> Convolutions.conv2d(in.get(0), in.get(1), null, CONV_WINDOW, 4, "softmax"),
        in -> Convolutions.conv2d(in.get(0), in.get(1), null, CONV_WINDOW, 4, null).softmax(-1),
        List.of(x, kernel));
  }

  @Test
  void aRepeatedConvolutionStepInAWorkspaceReusesItsTensorsAndGivesTheSameGradients() {
    Tensor x = random(16, 1, 2, 5, 6, 3).to(DType.FLOAT32);
    Tensor kernel = random(17, 0.5, 3, 2, 3, 4).to(DType.FLOAT32);
    Tensor bias = random(18, 1, 4).to(DType.FLOAT32);
    Window2d pool = Window2d.of(3, 6, 2, 2, 2, 2, 1, 1, false);
    assertRepeatedStepReusesItsTensors(
        input ->
            Convolutions.maxPool2d(
                    Convolutions.conv2d(input, kernel, bias, CONV_WINDOW, 4, "elu"), pool)
                .square()
                .mean(),
        x,
        List.of(kernel, bias));
  }

  @Test
  void denseOpWithoutBiasIsItsComposition() {
    assertSameAsComposition(
        "dense without bias",
        in -> NeuralOps.dense(in.get(0), in.get(1), null, "tanh"),
        in -> in.get(0).matmul(in.get(1)).tanh(),
        List.of(random(4, 1, 3, 6), random(5, 1, 6, 2)));
  }

  @Test
  void dropoutOpIsItsComposition() {
    long stream = 1234;
    double keep = 0.6;
    float[] mask = new float[8 * 9];
    Kernels.get().bernoulliMask(stream, keep, mask, 0, mask.length);
    Tensor maskTensor = Tensor.of(mask, 8, 9).to(DType.FLOAT64);
    assertSameAsComposition(
        "dropout",
        in -> NeuralOps.dropout(in.get(0), keep, stream),
        in -> in.get(0).div(keep).mul(maskTensor),
        List.of(random(6, 2, 8, 9)));
  }

  @Test
  void squaredNormOpIsItsComposition() {
    assertSameAsComposition(
        "squared norm",
        in -> NeuralOps.squaredNorm(in.get(0), 0.3),
        in -> in.get(0).square().sum().mul(0.3),
        List.of(random(13, 2, 6, 7)));
  }

  /** Both mean errors, at rank 2 and 3 (the divisor is the batch size times the last axis). */
  static Stream<Arguments> meanErrors() {
    return Stream.of(
        Arguments.of(false, new int[] {6, 3}),
        Arguments.of(true, new int[] {6, 3}),
        Arguments.of(false, new int[] {4, 3, 5}),
        Arguments.of(true, new int[] {4, 3, 5}));
  }

  @ParameterizedTest(name = "squared={0}, shape {1}")
  @MethodSource("meanErrors")
  void meanErrorOpIsItsComposition(boolean squared, int[] shape) {
    Tensor yPred = random(31, 2, shape);
    // targets away from the predictions, where |ŷ − y| has its kink
    Tensor apart = awayFromKinks(32, shape[0], (int) (yPred.size() / shape[0])).reshape(shape);
    Tensor yTrue = Tensor.ofDouble(yPred.add(apart).toDoubleArray(), shape);
    int n = shape[0];
    assertSameAsComposition(
        squared ? "mean squared error" : "mean absolute error",
        in ->
            squared
                ? NeuralOps.meanSquaredError(in.get(0), in.get(1))
                : NeuralOps.meanAbsoluteError(in.get(0), in.get(1)),
        in -> {
          Tensor d = in.get(0).sub(in.get(1));
          return (squared ? d.square() : d.abs()).mean(-1).sum().div(n);
        },
        List.of(yTrue, yPred));
  }

  @Test
  void squaredNormOpInFloat32HasTheCompositionsGradientBits() {
    Tensor w = random(14, 2, 33, 17).to(DType.FLOAT32);
    Tensor fused = Gradients.of(NeuralOps.squaredNorm(w, 1e-4).mul(3), List.of(w)).get(0);
    Tensor composed = Gradients.of(w.square().sum().mul(1e-4).mul(3), List.of(w)).get(0);
    assertArrayEquals(composed.toFloatArray(), fused.toFloatArray());
  }

  @Test
  void batchNormalizationOpIsItsComposition() {
    double epsilon = 1e-3;
    Tensor[] statistics = new Tensor[2];
    assertSameAsComposition(
        "batch normalization",
        in -> NeuralOps.batchNormalization(in.get(0), in.get(1), in.get(2), epsilon, statistics),
        in -> {
          Tensor x = in.get(0);
          Tensor mean = x.mean(0);
          Tensor variance = x.sub(mean).square().mean(0);
          return x.sub(mean).div(variance.add(epsilon).sqrt()).mul(in.get(1)).add(in.get(2));
        },
        List.of(random(10, 2, 9, 4), random(11, 1, 4).add(1.5), random(12, 1, 4)));
    Tensor x = random(10, 2, 9, 4);
    NeuralOps.batchNormalization(x, null, null, epsilon, statistics);
    assertClose(x.mean(0), statistics[0], "batch mean");
    assertClose(x.sub(x.mean(0)).square().mean(0), statistics[1], "batch variance");
  }

  @Test
  void aRepeatedStepInAWorkspaceReusesItsTensorsAndGivesTheSameGradients() {
    Tensor kernel = random(8, 1, 3, 4);
    Tensor bias = random(9, 1, 4);
    assertRepeatedStepReusesItsTensors(
        input -> NeuralOps.dense(input, kernel, bias, "gelu").square().mean(),
        random(7, 1, 5, 3),
        List.of(kernel, bias));
  }

  /**
   * Steps after the first in a workspace return the first step's loss tensor, recomputed in place,
   * and the gradients the step gives outside any workspace.
   */
  private static void assertRepeatedStepReusesItsTensors(
      Function<Tensor, Tensor> step, Tensor x, List<Tensor> weights) {
    List<Tensor> expected = Gradients.of(step.apply(x), weights);
    Workspace workspace = new Workspace();
    Tensor firstLoss;
    try (Workspace s = workspace.step(0)) {
      firstLoss = step.apply(x);
      Gradients.of(firstLoss, weights);
    }
    for (int repeat = 0; repeat < 2; repeat++) {
      try (Workspace s = workspace.step(0)) {
        Tensor loss = step.apply(x);
        assertSame(firstLoss, loss, "the same loss tensor, recomputed in place");
        List<Tensor> grads = Gradients.of(loss, weights);
        for (int i = 0; i < weights.size(); i++) {
          assertArrayEquals(expected.get(i).toDoubleArray(), grads.get(i).toDoubleArray());
        }
      }
    }
  }
}
