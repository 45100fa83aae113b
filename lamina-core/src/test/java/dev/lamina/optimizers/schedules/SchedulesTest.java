package dev.lamina.optimizers.schedules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Values worked out by hand from Keras's formulas (docs/keras-behaviour.md §3.3). */
class SchedulesTest {
  private static final double TOL = 1e-12;

  @Test
  void exponentialDecay() {
    ExponentialDecay s = new ExponentialDecay(0.1, 10, 0.5);
    assertEquals(0.1, s.rate(0), TOL);
    assertEquals(0.05, s.rate(10), TOL);
    assertEquals(0.1 * Math.pow(0.5, 1.5), s.rate(15), TOL);
    assertEquals(0.05, new ExponentialDecay(0.1, 10, 0.5, true).rate(15), TOL);
  }

  @Test
  void inverseTimeDecay() {
    assertEquals(0.1 / 1.5, new InverseTimeDecay(0.1, 10, 1.0, false).rate(5), TOL);
    assertEquals(0.1, new InverseTimeDecay(0.1, 10, 1.0, true).rate(5), TOL);
  }

  @Test
  void piecewiseConstantBoundariesBelongToTheLeftPiece() {
    PiecewiseConstantDecay s =
        new PiecewiseConstantDecay(new long[] {100, 200}, new double[] {1.0, 0.5, 0.1});
    assertEquals(1.0, s.rate(0));
    assertEquals(1.0, s.rate(100));
    assertEquals(0.5, s.rate(101));
    assertEquals(0.5, s.rate(200));
    assertEquals(0.1, s.rate(201));
    assertThrows(
        IllegalArgumentException.class,
        () -> new PiecewiseConstantDecay(new long[] {1}, new double[] {1}));
  }

  @Test
  void polynomialDecay() {
    PolynomialDecay s = new PolynomialDecay(1.0, 10);
    assertEquals(1.0, s.rate(0), TOL);
    assertEquals((1 - 1e-4) * 0.5 + 1e-4, s.rate(5), TOL);
    assertEquals(1e-4, s.rate(50), TOL);
    PolynomialDecay cyc = new PolynomialDecay(1.0, 10, 0.0, 1.0, true);
    assertEquals(1 - 15.0 / 20, cyc.rate(15), TOL);
  }

  @Test
  void cosineDecay() {
    CosineDecay s = new CosineDecay(1.0, 100);
    assertEquals(1.0, s.rate(0), TOL);
    assertEquals(0.5, s.rate(50), TOL);
    assertEquals(0.0, s.rate(100), TOL);
    assertEquals(0.0, s.rate(1000), TOL);
    CosineDecay withAlpha = new CosineDecay(1.0, 100, 0.1, Double.NaN, 0);
    assertEquals(0.1, withAlpha.rate(100), TOL);
    CosineDecay warm = new CosineDecay(0.0, 100, 0.0, 1.0, 10);
    assertEquals(0.5, warm.rate(5), TOL);
    assertEquals(1.0, warm.rate(10), TOL);
    assertEquals(0.5, warm.rate(60), TOL);
  }

  @Test
  void rejectsNonPositiveDecaySteps() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new CosineDecay(1.0, 0));
    assertEquals("CosineDecay: decaySteps must be > 0, got 0", e.getMessage());
  }
}
