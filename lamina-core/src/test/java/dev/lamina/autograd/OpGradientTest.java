package dev.lamina.autograd;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.Tensor;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every differentiable operation against central differences in float64, on random inputs, with
 * same-shape and broadcasting cases. Inputs stay away from kinks (|x| ≥ 0.1 where it matters).
 */
class OpGradientTest {

  private static final GradCheck CHECK = new GradCheck();

  /** A random float64 tensor; values in [low, high), away from 0 by at least 0.1 if asked. */
  static Tensor random(long seed, double low, double high, boolean avoidZero, int... shape) {
    SplittableRandom random = new SplittableRandom(seed);
    int size = 1;
    for (int d : shape) {
      size *= d;
    }
    double[] values = new double[size];
    for (int i = 0; i < size; i++) {
      double v;
      do {
        v = low + (high - low) * random.nextDouble();
      } while (avoidZero && Math.abs(v) < 0.1);
      values[i] = v;
    }
    return Tensor.ofDouble(values, shape);
  }

  static Tensor normal(long seed, int... shape) {
    return random(seed, -2, 2, true, shape);
  }

  static Tensor positive(long seed, int... shape) {
    return random(seed, 0.2, 3, false, shape);
  }

  /** A weighting that makes the scalar depend on every output element differently. */
  static Tensor weightedSum(Tensor t) {
    Tensor weights = random(99, 0.5, 1.5, false, t.shape());
    return t.mul(weights).sum();
  }

  private static Arguments unaryCase(String name, Function<Tensor, Tensor> op, Tensor x) {
    Function<List<Tensor>, Tensor> f = in -> weightedSum(op.apply(in.get(0)));
    return Arguments.of(name, f, List.of(x));
  }

  private static Arguments binaryCase(
      String name, java.util.function.BinaryOperator<Tensor> op, Tensor a, Tensor b) {
    Function<List<Tensor>, Tensor> f = in -> weightedSum(op.apply(in.get(0), in.get(1)));
    return Arguments.of(name, f, List.of(a, b));
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        binaryCase("add", Tensor::add, normal(1, 3, 4), normal(2, 3, 4)),
        binaryCase("add broadcast row", Tensor::add, normal(1, 3, 4), normal(2, 4)),
        binaryCase("add broadcast column", Tensor::add, normal(1, 3, 4), normal(2, 3, 1)),
        binaryCase("add broadcast both", Tensor::add, normal(1, 3, 1), normal(2, 1, 4)),
        binaryCase("add scalar tensor", Tensor::add, normal(1, 2, 3), normal(2)),
        binaryCase("sub broadcast", Tensor::sub, normal(3, 2, 3, 4), normal(4, 3, 1)),
        binaryCase("mul broadcast", Tensor::mul, normal(5, 3, 4), normal(6, 4)),
        binaryCase("mul same", Tensor::mul, normal(5, 5), normal(6, 5)),
        binaryCase("mul by one value", Tensor::mul, normal(5, 3, 4), normal(6, 1)),
        binaryCase("one value times", Tensor::mul, normal(6, 1, 1), normal(5, 3, 4)),
        binaryCase("mul by scalar tensor", Tensor::mul, normal(5, 2, 3), normal(6)),
        binaryCase("div broadcast", Tensor::div, normal(7, 3, 4), positive(8, 3, 1)),
        binaryCase("div same", Tensor::div, normal(7, 6), normal(8, 6)),
        binaryCase("pow tensor exponent", Tensor::pow, positive(9, 3, 2), normal(10, 2)),
        binaryCase("maximum broadcast", Tensor::maximum, normal(11, 4, 3), normal(12, 3)),
        binaryCase("minimum broadcast", Tensor::minimum, normal(13, 4, 3), normal(14, 4, 1)),
        binaryCase("matmul", Tensor::matmul, normal(15, 3, 4), normal(16, 4, 2)),
        binaryCase(
            "matmul transA",
            (a, b) -> a.matmul(b, true, false),
            normal(17, 4, 3),
            normal(18, 4, 2)),
        binaryCase(
            "matmul transB",
            (a, b) -> a.matmul(b, false, true),
            normal(19, 3, 4),
            normal(20, 2, 4)),
        binaryCase(
            "matmul transA transB",
            (a, b) -> a.matmul(b, true, true),
            normal(21, 4, 3),
            normal(22, 2, 4)),
        binaryCase(
            "concat axis 0",
            (a, b) -> Tensor.concat(List.of(a, b), 0),
            normal(23, 2, 3),
            normal(24, 1, 3)),
        binaryCase(
            "concat axis 1",
            (a, b) -> Tensor.concat(List.of(a, b), -1),
            normal(23, 2, 3),
            normal(24, 2, 2)),
        binaryCase(
            "where broadcast",
            (a, b) -> Tensor.where(Tensor.of(new float[] {1, 0, 1}, 3), a, b),
            normal(25, 2, 3),
            normal(26, 2, 1)),
        unaryCase("neg", Tensor::neg, normal(30, 3, 4)),
        unaryCase("exp", Tensor::exp, normal(31, 3, 4)),
        unaryCase("log", Tensor::log, positive(32, 3, 4)),
        unaryCase("sqrt", Tensor::sqrt, positive(33, 3, 4)),
        unaryCase("abs", Tensor::abs, normal(34, 3, 4)),
        unaryCase("square", Tensor::square, normal(35, 3, 4)),
        unaryCase("pow 3", x -> x.pow(3), normal(36, 3, 4)),
        unaryCase("pow 0.5", x -> x.pow(0.5), positive(37, 3, 4)),
        unaryCase("pow -1.5", x -> x.pow(-1.5), positive(37, 3, 4)),
        unaryCase("erf", Tensor::erf, normal(38, 3, 4)),
        unaryCase("relu", Tensor::relu, normal(39, 3, 4)),
        unaryCase("sigmoid", Tensor::sigmoid, normal(40, 3, 4)),
        unaryCase("tanh", Tensor::tanh, normal(41, 3, 4)),
        unaryCase("leakyRelu", x -> x.leakyRelu(0.2), normal(42, 3, 4)),
        unaryCase("elu", x -> x.elu(1.3), normal(43, 3, 4)),
        unaryCase("gelu", Tensor::gelu, normal(44, 3, 4)),
        unaryCase("softplus", Tensor::softplus, random(45, -30, 30, true, 3, 4)),
        unaryCase("swish", Tensor::swish, normal(46, 3, 4)),
        unaryCase("clip", x -> x.clip(-1, 1.5), normal(47, 3, 4)),
        unaryCase("softmax last axis", Tensor::softmax, normal(48, 3, 4)),
        unaryCase("softmax axis 0", x -> x.softmax(0), normal(49, 3, 4)),
        unaryCase("logSoftmax last axis", Tensor::logSoftmax, normal(50, 3, 4)),
        unaryCase("logSoftmax axis 1 of 3", x -> x.logSoftmax(1), normal(51, 2, 3, 4)),
        unaryCase("sum all", Tensor::sum, normal(52, 3, 4)),
        unaryCase("sum axis 0", x -> x.sum(0), normal(53, 3, 4)),
        unaryCase("sum axis 1 keepdims", x -> x.sum(1, true), normal(54, 2, 3, 4)),
        unaryCase("mean all", Tensor::mean, normal(55, 3, 4)),
        unaryCase("mean axis -1", x -> x.mean(-1), normal(56, 3, 4)),
        unaryCase("max all", Tensor::max, normal(57, 3, 4)),
        unaryCase("max axis 0", x -> x.max(0), normal(58, 3, 4)),
        unaryCase("max axis 1 keepdims", x -> x.max(1, true), normal(59, 2, 3, 4)),
        unaryCase("min axis 1", x -> x.min(1, false), normal(60, 3, 4)),
        unaryCase("reshape", x -> x.reshape(4, -1), normal(61, 2, 3, 2)),
        unaryCase("transpose", Tensor::transpose, normal(62, 3, 4)),
        unaryCase("permute", x -> x.permute(2, 0, 1), normal(63, 2, 3, 4)),
        unaryCase("slice", x -> x.slice(1, 1, 3), normal(64, 2, 4)),
        unaryCase("slice axis 0", x -> x.slice(0, 0, 1), normal(65, 3, 2)),
        unaryCase("add scalar", x -> x.add(2.5), normal(66, 3, 4)),
        unaryCase("sub from scalar", x -> x.sub(1.5).mul(-2), normal(67, 3, 4)),
        unaryCase("div by scalar", x -> x.div(3), normal(68, 3, 4)),
        unaryCase("reused input", x -> x.mul(x.exp()).add(x), normal(69, 3, 4)),
        unaryCase(
            "to float32 and back",
            x -> x.to(dev.lamina.DType.FLOAT32).to(dev.lamina.DType.FLOAT64),
            normal(70, 3)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void autodiffMatchesCentralDifferences(
      String name, Function<List<Tensor>, Tensor> f, List<Tensor> inputs) {
    GradCheck check =
        name.startsWith("to float32")
            ? new GradCheck().epsilon(1e-2).relativeTolerance(1e-2)
            : CHECK;
    GradCheckReport report = check.compare(f, inputs);
    assertTrue(report.passed(), name + ": " + report);
  }
}
