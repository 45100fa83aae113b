package dev.lamina.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lamina.DType;
import dev.lamina.Gradients;
import dev.lamina.Tensor;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The float32 paths (GEMM kernel in every transpose, broadcast rows, kernel reductions) give the
 * same gradients as the float64 paths that the gradient checks cover, for small networks.
 */
class Float32GradientTest {

  private static void assertSameGradients(Function<List<Tensor>, Tensor> f, List<Tensor> inputs) {
    List<Tensor> single = inputs.stream().map(t -> t.to(DType.FLOAT32).detach()).toList();
    List<Tensor> dbl = inputs.stream().map(t -> t.to(DType.FLOAT64).detach()).toList();
    List<Tensor> g32 = Gradients.of(f.apply(single), single);
    List<Tensor> g64 = Gradients.of(f.apply(dbl), dbl);
    for (int i = 0; i < inputs.size(); i++) {
      assertEquals(DType.FLOAT32, g32.get(i).dtype());
      double[] expected = g64.get(i).toDoubleArray();
      double scale = 1e-9;
      for (double v : expected) {
        scale = Math.max(scale, Math.abs(v));
      }
      assertArrayEquals(expected, g32.get(i).toDoubleArray(), 1e-5 * scale, "input " + i);
    }
  }

  @Test
  void denseReluMeanAbsoluteError() {
    Tensor x = Tensor.randomNormal(1, 0, 1, 32, 11);
    Tensor y = Tensor.randomNormal(2, 0, 1, 32, 1);
    Tensor w1 = Tensor.randomNormal(3, 0, 0.3, 11, 16);
    Tensor b1 = Tensor.randomNormal(4, 0, 0.1, 16);
    Tensor w2 = Tensor.randomNormal(5, 0, 0.3, 16, 1);
    assertSameGradients(
        in ->
            in.get(0)
                .matmul(in.get(1))
                .add(in.get(2))
                .relu()
                .matmul(in.get(3))
                .sub(in.get(4))
                .abs()
                .mean(),
        List.of(x, w1, b1, w2, y));
  }

  @Test
  void softmaxCrossEntropyWithTransposedProducts() {
    Tensor x = Tensor.randomNormal(6, 0, 1, 8, 5);
    Tensor wT = Tensor.randomNormal(7, 0, 0.5, 3, 5);
    Tensor labels = Tensor.of(new float[] {0, 1, 2, 0, 1, 2, 0, 1}, 8, 1).equal(Tensor.arange(3));
    assertSameGradients(
        in -> in.get(0).matmul(in.get(1), false, true).logSoftmax().mul(labels).sum(1).neg().mean(),
        List.of(x, wT));
    assertSameGradients(
        in -> in.get(1).matmul(in.get(0), true, true).tanh().square().sum(),
        List.of(x, Tensor.randomNormal(8, 0, 1, 5, 4)));
  }

  @Test
  void normalisationAlongAxes() {
    Tensor x = Tensor.randomNormal(9, 2, 3, 16, 6);
    Tensor gamma = Tensor.randomNormal(10, 1, 0.1, 6);
    assertSameGradients(
        in -> {
          Tensor mean = in.get(0).mean(0, true);
          Tensor variance = in.get(0).sub(mean).square().mean(0, true);
          Tensor z = in.get(0).sub(mean).div(variance.add(1e-3).sqrt());
          return z.mul(in.get(1)).sigmoid().max(1).sum();
        },
        List.of(x, gamma));
  }

  @Test
  void aCustomLayersLearnedScaleSumsItsProductsInOnePass() {
    Tensor x = Tensor.randomNormal(11, 0, 1, 64, 37);
    Tensor scale = Tensor.randomNormal(12, 1, 0.1, 1);
    assertSameGradients(in -> in.get(0).tanh().mul(in.get(1)).square().mean(), List.of(x, scale));
    assertSameGradients(in -> in.get(1).mul(in.get(0).tanh()).square().mean(), List.of(x, scale));
  }
}
