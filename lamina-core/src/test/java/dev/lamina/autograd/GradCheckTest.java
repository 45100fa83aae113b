package dev.lamina.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.Tensor;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** GradCheck passes right gradients, and — the point of it — catches wrong ones. */
class GradCheckTest {
  private final Tensor x = Tensor.ofDouble(new double[] {0.5, -1.5, 2.0, 3.0}, 2, 2);

  /** x³ with a backward rule of 2x² instead of 3x²: a plausible slip. */
  private static Tensor wrongCube(Tensor t) {
    return Tensor.fromOp("cube", t.pow(3), List.of(t), g -> List.of(g.mul(t.square()).mul(2)));
  }

  private static Tensor rightCube(Tensor t) {
    return Tensor.fromOp("cube", t.pow(3), List.of(t), g -> List.of(g.mul(t.square()).mul(3)));
  }

  @Test
  void acceptsACorrectCustomOp() {
    GradCheckReport report = new GradCheck().check(in -> rightCube(in.get(0)).sum(), List.of(x));
    assertTrue(report.passed());
    assertTrue(report.excess() < 1e-3, report.toString());
  }

  @Test
  void rejectsAWrongCustomOpAndNamesTheWorstElement() {
    Function<List<Tensor>, Tensor> f = in -> wrongCube(in.get(0)).sum();
    GradientCheckException e =
        assertThrows(GradientCheckException.class, () -> new GradCheck().check(f, List.of(x)));
    GradCheckReport report = e.report();
    assertFalse(report.passed());
    assertEquals(0, report.input());
    assertArrayEquals(new int[] {1, 1}, report.index(), "x = 3 has the largest error");
    assertEquals(18, report.analytic(), 1e-9);
    assertEquals(27, report.numeric(), 1e-4);
    assertTrue(e.getMessage().contains("input 0 index [1, 1]"), e.getMessage());
  }

  @Test
  void findsTheWrongInputAmongSeveral() {
    Tensor w = Tensor.ofDouble(new double[] {1, 2}, 2, 1);
    Function<List<Tensor>, Tensor> f = in -> in.get(0).matmul(wrongCube(in.get(1))).sum();
    GradCheckReport report = new GradCheck().compare(f, List.of(x, w));
    assertFalse(report.passed());
    assertEquals(1, report.input());
  }

  @Test
  void toleranceDecidesBorderlineCases() {
    Function<List<Tensor>, Tensor> f = in -> wrongCube(in.get(0)).sum();
    assertTrue(new GradCheck().relativeTolerance(0.5).compare(f, List.of(x)).passed());
    assertFalse(new GradCheck().relativeTolerance(0.3).compare(f, List.of(x)).passed());
  }

  @Test
  void float32InputsAreCheckedInFloat64() {
    Tensor single = Tensor.of(new float[] {0.25f, -0.75f}, 2);
    assertTrue(new GradCheck().check(in -> in.get(0).tanh().sum(), List.of(single)).passed());
  }

  @Test
  void aNonScalarFunctionIsRejected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new GradCheck().check(in -> in.get(0).exp(), List.of(x)));
    assertTrue(e.getMessage().contains("scalar"), e.getMessage());
  }

  @Test
  void aFunctionThatDropsToFloat32IsRejected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new GradCheck()
                    .check(in -> in.get(0).to(dev.lamina.DType.FLOAT32).sum(), List.of(x)));
    assertTrue(e.getMessage().contains("float64"), e.getMessage());
  }

  @Test
  void samplingChecksFewerElementsAndStillCatchesAWrongOp() {
    Tensor big = OpGradientTest.normal(3, 40, 30);
    int[] calls = new int[1];
    Function<List<Tensor>, Tensor> counted =
        in -> {
          calls[0]++;
          return rightCube(in.get(0)).sum();
        };
    assertTrue(new GradCheck().sampleElements(10, 7).check(counted, List.of(big)).passed());
    assertEquals(1 + 2 * 10, calls[0], "one analytic pass, two evaluations per sampled element");
    assertFalse(
        new GradCheck()
            .sampleElements(10, 7)
            .compare(in -> wrongCube(in.get(0)).sum(), List.of(big))
            .passed());
  }

  @Test
  void optionsAreValidated() {
    assertThrows(IllegalArgumentException.class, () -> new GradCheck().sampleElements(0, 1));
    assertThrows(IllegalArgumentException.class, () -> new GradCheck().epsilon(0));
    assertThrows(IllegalArgumentException.class, () -> new GradCheck().absoluteTolerance(-1));
    assertThrows(
        IllegalArgumentException.class, () -> new GradCheck().relativeTolerance(Double.NaN));
  }
}
