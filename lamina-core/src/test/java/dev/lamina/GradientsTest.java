package dev.lamina;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The engine: what is recorded, how gradients combine, and the conventions at kinks. */
class GradientsTest {
  private final Tensor x = Tensor.of(new float[] {-2, 0, 3}, 3);

  private static double[] grad(Tensor scalar, Tensor wrt) {
    return Gradients.of(scalar, List.of(wrt)).get(0).toDoubleArray();
  }

  @Test
  void gradientOfAKnownFunction() {
    // d/dx sum(x² + 3x) = 2x + 3
    assertArrayEquals(new double[] {-1, 3, 9}, grad(x.square().add(x.mul(3)).sum(), x), 1e-6);
  }

  @Test
  void gradientsKeepTheTypeAndShapeOfEachTarget() {
    Tensor w = Tensor.ofDouble(new double[] {1, 2, 3, 4, 5, 6}, 3, 2);
    Tensor loss = x.reshape(1, 3).matmul(w.to(DType.FLOAT32)).sum();
    List<Tensor> grads = Gradients.of(loss, List.of(x, w));
    assertEquals(DType.FLOAT32, grads.get(0).dtype());
    assertEquals(DType.FLOAT64, grads.get(1).dtype());
    assertArrayEquals(new int[] {3, 2}, grads.get(1).shape());
  }

  @Test
  void unrelatedTargetsGetZeros() {
    Tensor unrelated = Tensor.ones(2, 2);
    Tensor g = Gradients.of(x.sum(), List.of(x, unrelated)).get(1);
    assertArrayEquals(new double[4], g.toDoubleArray());
    assertArrayEquals(new int[] {2, 2}, g.shape());
  }

  @Test
  void intermediateTensorsCanBeTargets() {
    Tensor hidden = x.mul(2);
    Tensor loss = hidden.square().sum();
    assertArrayEquals(new double[] {-8, 0, 12}, grad(loss, hidden), 1e-6);
  }

  @Test
  void gradientsOfSharedInputsAccumulate() {
    Tensor loss = x.mul(x).add(x).add(x.exp().mul(0)).sum();
    assertArrayEquals(new double[] {-3, 1, 7}, grad(loss, x), 1e-6);
  }

  @Test
  void aWorkspaceWalksTheSameGraphWithEachStepsValuesAndRebuildsForNewTargets() {
    Tensor w = Tensor.of(new float[] {1, 2, 3}, 3);
    Tensor input = Tensor.of(new float[] {1, 1, 1}, 3);
    Workspace steps = new Workspace();
    for (int step = 0; step < 3; step++) {
      input.floats[0] = step;
      try (Workspace open = steps.step(0)) {
        // d/dw sum(w·input·w) = 2·w·input; d/dinput = w²
        Tensor loss = w.mul(input).mul(w).sum();
        assertArrayEquals(new double[] {2 * step, 4, 6}, grad(loss, w), 1e-6);
        List<Tensor> both = Gradients.of(loss, List.of(input, w));
        assertArrayEquals(new double[] {1, 4, 9}, both.get(0).toDoubleArray(), 1e-6);
        assertArrayEquals(new double[] {2 * step, 4, 6}, both.get(1).toDoubleArray(), 1e-6);
      }
    }
  }

  @Test
  void noGradScopeRecordsNothing() {
    try (NoGrad scope = NoGrad.enter()) {
      assertTrue(NoGrad.isActive());
      assertNull(x.mul(2).exp().sum().gradFn());
      try (NoGrad inner = NoGrad.enter()) {
        assertNull(x.relu().gradFn());
      }
      assertNull(x.relu().gradFn(), "the outer scope is still active after the inner closes");
    }
    assertFalse(NoGrad.isActive());
    assertNotNull(x.relu().gradFn());
  }

  @Test
  void noGradIsConfinedToItsThread() throws Exception {
    try (NoGrad scope = NoGrad.enter()) {
      GradFn onOtherThread = CompletableFuture.supplyAsync(() -> x.relu().gradFn()).get();
      assertNotNull(onOtherThread);
    }
  }

  @Test
  void noGradMustBeClosedOnItsThread() throws Exception {
    NoGrad scope = NoGrad.enter();
    try {
      Throwable e =
          CompletableFuture.runAsync(scope::close).handle((ok, error) -> error.getCause()).get();
      assertTrue(e instanceof IllegalStateException, String.valueOf(e));
    } finally {
      scope.close();
    }
    assertFalse(NoGrad.isActive());
  }

  @Test
  void recordsNameTheOperationAndItsInputs() {
    Tensor y = x.add(x.exp());
    assertEquals("add", y.gradFn().op());
    assertSame(x, y.gradFn().inputs().get(0));
    assertEquals("exp", y.gradFn().inputs().get(1).gradFn().op());
  }

  @Test
  void comparisonsAndSignCarryNoGradient() {
    assertNull(x.greater(0).gradFn());
    assertNull(x.equal(x).gradFn());
    assertNull(x.sign().gradFn());
    assertNull(x.argmax(0).gradFn());
    assertArrayEquals(new double[3], grad(x.mul(x.greater(0)).sub(x).add(x).sum(), x.sign()));
  }

  @Test
  void kinksFollowPyTorch() {
    Tensor zero = Tensor.of(new float[] {0}, 1);
    assertArrayEquals(new double[] {0}, grad(zero.relu().sum(), zero), "relu'(0) = 0");
    assertArrayEquals(new double[] {0}, grad(zero.abs().sum(), zero), "abs'(0) = 0");
    assertArrayEquals(new double[] {0.2}, grad(zero.leakyRelu(0.2).sum(), zero), 1e-7);
    assertArrayEquals(new double[] {1.5}, grad(zero.elu(1.5).sum(), zero), 1e-7);
    Tensor tied = Tensor.of(new float[] {1, 5, 5, 2}, 4);
    assertArrayEquals(new double[] {0, 1, 0, 0}, grad(tied.max(), tied), "max: first argmax");
    assertArrayEquals(
        new double[] {0, 0.5, 0.5, 0},
        grad(tied.maximum(Tensor.of(new float[] {3, 5, 5, 3}, 4)).sum(), tied),
        "maximum: ties split");
    Tensor bounds = Tensor.of(new float[] {-1, 0, 1, 2}, 4);
    assertArrayEquals(
        new double[] {1, 1, 1, 0}, grad(bounds.clip(-1, 1).sum(), bounds), "clip: bounds pass");
  }

  @Test
  void powWithZeroExponentHasZeroGradientAtZero() {
    Tensor base = Tensor.of(new float[] {0, 2}, 2);
    assertArrayEquals(new double[] {0, 0}, grad(base.pow(0).sum(), base));
  }

  @Test
  void parameterValueIsStableAndUpdatedInPlace() {
    Parameter w = new Parameter("w", Tensor.of(new float[] {1, 2}, 2));
    Tensor before = w.value();
    Tensor snapshot = w.value().reshape(1, 2);
    Tensor sameShape = w.value().reshape(2);
    Tensor loss = w.value().square().sum();
    assertArrayEquals(
        new double[] {2, 4}, Gradients.ofParameters(loss, List.of(w)).get(0).toDoubleArray());
    w.assign(Tensor.of(new float[] {5, 6}, 2));
    assertSame(before, w.value());
    assertEquals(1, w.version());
    assertArrayEquals(new float[] {5, 6}, w.value().toFloatArray());
    assertArrayEquals(new float[] {1, 2}, snapshot.toFloatArray(), "outputs never alias");
    assertArrayEquals(new float[] {1, 2}, sameShape.toFloatArray(), "not even a no-op reshape");
    w.assign(new float[] {7, 8});
    assertEquals(2, w.version());
    assertArrayEquals(new double[] {14, 16}, grad(w.value().square().sum(), w.value()));
  }

  @Test
  void parameterRejectsWrongLength() {
    Parameter w = new Parameter("bias", Tensor.zeros(3));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> w.assign(new float[2]));
    assertEquals(
        "assign to parameter 'bias': expected 3 values for shape [3], got 2", e.getMessage());
  }

  @Test
  void wrongArityOfACustomRuleIsReported() {
    Tensor y = Tensor.fromOp("broken", x.mul(2), List.of(x), g -> List.of(g, g));
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> Gradients.of(y.sum(), List.of(x)));
    assertEquals("broken: backward rule returned 2 gradients for 1 inputs", e.getMessage());
  }

  @Test
  void wrongShapeFromACustomRuleIsReported() {
    Tensor y = Tensor.fromOp("broken", x.mul(2), List.of(x), g -> List.of(g.sum()));
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> Gradients.of(y.sum(), List.of(x)));
    assertEquals(
        "broken: backward rule gave input 0 a gradient of shape [], the input has shape [3]",
        e.getMessage());
  }

  @Test
  void selectiveRulesAreToldWhichInputsLeadToTheTargets() {
    Tensor constant = Tensor.of(new float[] {1, 1, 1}, 3);
    long[] wanted = new long[1];
    SelectiveRule rule =
        (g, bits) -> {
          wanted[0] = bits;
          return Arrays.asList(g.mul(2), null);
        };
    Tensor y = Tensor.fromOp("selective", x.add(constant), List.of(x, constant), rule);
    assertArrayEquals(new double[] {2, 2, 2}, grad(y.sum(), x));
    assertEquals(0b01L, wanted[0]);
    Gradients.of(y.sum(), List.of(constant));
    assertEquals(0b10L, wanted[0]);
  }

  @Test
  void deepChainsDoNotOverflowTheStack() {
    Tensor y = x;
    for (int i = 0; i < 20_000; i++) {
      y = y.add(1e-4);
    }
    assertArrayEquals(new double[] {1, 1, 1}, grad(y.sum(), x));
  }
}
