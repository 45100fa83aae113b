package dev.lamina;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Broadcasting against a reference written from the NumPy rule itself (per output index, the input
 * index with broadcast axes pinned to 0), on random shapes that include 0 and 1 sizes, for both the
 * float32 kernel path and the float64 path; and its gradient, the sum over broadcast axes.
 */
class BroadcastPropertyTest {

  /** Two shapes that broadcast: a common shape, with axes of either set to 1 or dropped. */
  record ShapePair(int[] a, int[] b) {}

  @Provide
  Arbitrary<ShapePair> broadcastable() {
    Arbitrary<int[]> common =
        Arbitraries.integers().between(0, 5).array(int[].class).ofMinSize(0).ofMaxSize(4);
    return Combinators.combine(common, Arbitraries.longs())
        .as(
            (shape, seed) -> {
              java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
              return new ShapePair(variant(shape, random), variant(shape, random));
            });
  }

  private static int[] variant(int[] shape, java.util.SplittableRandom random) {
    int drop = random.nextInt(shape.length + 1);
    int[] out = new int[shape.length - drop];
    for (int i = 0; i < out.length; i++) {
      out[i] = random.nextInt(3) == 0 ? 1 : shape[i + drop];
    }
    return out;
  }

  @Property(tries = 200)
  void addAndMulMatchTheReference(@ForAll("broadcastable") ShapePair shapes) {
    Tensor a = Tensor.randomUniform(1, -2, 2, shapes.a());
    Tensor b = Tensor.randomUniform(2, -2, 2, shapes.b());
    int[] out = Broadcast.shape("test", shapes.a(), shapes.b());
    double[] sum = reference(a, b, out, false);
    double[] product = reference(a, b, out, true);
    assertArrayEquals(toDouble(a.add(b)), sum, 1e-6);
    assertArrayEquals(toDouble(a.mul(b)), product, 1e-6);
    Tensor a64 = a.to(DType.FLOAT64);
    assertArrayEquals(a64.add(b.to(DType.FLOAT64)).toDoubleArray(), sum, 1e-12);
    assertArrayEquals(a64.mul(b).toDoubleArray(), product, 1e-12);
  }

  @Property(tries = 200)
  void gradientSumsOverBroadcastAxes(@ForAll("broadcastable") ShapePair shapes) {
    Tensor a = Tensor.randomUniform(3, -2, 2, shapes.a()).to(DType.FLOAT64);
    Tensor b = Tensor.randomUniform(4, -2, 2, shapes.b()).to(DType.FLOAT64);
    int[] out = Broadcast.shape("test", shapes.a(), shapes.b());
    Tensor weights = Tensor.randomUniform(5, -1, 1, out).to(DType.FLOAT64);
    Tensor gradB = Gradients.of(a.add(b).mul(weights).sum(), List.of(b)).get(0);
    // d/db_j = Σ of the weights over every output element that reads b_j.
    double[] expected = new double[(int) b.size()];
    int[] index = new int[out.length];
    for (int flat = 0; flat < weights.size(); flat++) {
      unflatten(flat, out, index);
      expected[sourceIndex(index, shapes.b())] += weights.toDoubleArray()[flat];
    }
    assertArrayEquals(expected, gradB.toDoubleArray(), 1e-12);
  }

  private static double[] reference(Tensor a, Tensor b, int[] out, boolean multiply) {
    double[] av = a.toDoubleArray();
    double[] bv = b.toDoubleArray();
    double[] result = new double[Axis.product(out)];
    int[] index = new int[out.length];
    for (int flat = 0; flat < result.length; flat++) {
      unflatten(flat, out, index);
      float x = (float) av[sourceIndex(index, a.shape())];
      float y = (float) bv[sourceIndex(index, b.shape())];
      result[flat] = multiply ? (double) x * y : (double) x + y;
    }
    return result;
  }

  private static void unflatten(int flat, int[] shape, int[] index) {
    for (int axis = shape.length - 1; axis >= 0; axis--) {
      index[axis] = flat % shape[axis];
      flat /= shape[axis];
    }
  }

  /** The input's flat index read by output index {@code index}: NumPy's rule, axis by axis. */
  private static int sourceIndex(int[] index, int[] shape) {
    int flat = 0;
    for (int i = 0; i < shape.length; i++) {
      int outAxis = index.length - shape.length + i;
      flat = flat * shape[i] + (shape[i] == 1 ? 0 : index[outAxis]);
    }
    return flat;
  }

  private static double[] toDouble(Tensor t) {
    return t.toDoubleArray();
  }
}
