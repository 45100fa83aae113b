package dev.lamina.constraints;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each constraint against values worked out by hand from Keras 3's definitions
 * (keras/src/constraints/constraints.py): norms over the given axes, Keras's epsilon 1e-7 added to
 * the norm in the denominator, and the bad options refused with their names.
 */
class ConstraintsTest {
  /** A (2, 2) kernel: column 0 has norm 5, column 1 norm 1; row 0 norm 3, row 1 norm √17. */
  private static final int[] SHAPE = {2, 2};

  private static float[] kernel() {
    return new float[] {3, 0, 4, 1};
  }

  private static float[] projected(Constraint constraint, float[] values, int... shape) {
    constraint.project(values, shape);
    return values;
  }

  @Test
  void maxNormRescalesOnlyTheColumnsAboveTheBoundThroughKerasEpsilon() {
    float[] got = projected(new MaxNorm(2), kernel(), SHAPE);
    assertArrayEquals(new float[] {1.2f, 0, 1.6f, 1}, got, 1e-6f);
    // Keras divides by epsilon + norm even when the norm fits: in float32, 1 / (1 + 1e-7) < 1
    assertEquals(1f / (1f + 1e-7f), got[3]);
    assertTrue(got[3] < 1);
  }

  @Test
  void maxNormOverAxisOneBoundsTheRows() {
    float[] got = projected(new MaxNorm(3, List.of(1)), kernel(), SHAPE);
    double row1 = 3 / (Math.sqrt(17) + 1e-7);
    assertArrayEquals(
        new float[] {(float) (3 * 3 / (3 + 1e-7)), 0, (float) (4 * row1), (float) row1},
        got,
        1e-6f);
  }

  @Test
  void unitNormDividesEverySliceByItsNorm() {
    assertArrayEquals(
        new float[] {0.6f, 0, 0.8f, 1}, projected(new UnitNorm(), kernel(), SHAPE), 1e-6f);
    // negative axes count from the end: axis -1 is the rows of a matrix
    float[] rows = projected(new UnitNorm(List.of(-1)), kernel(), SHAPE);
    assertArrayEquals(
        new float[] {1, 0, (float) (4 / Math.sqrt(17)), (float) (1 / Math.sqrt(17))}, rows, 1e-6f);
  }

  @Test
  void zeroSlicesStayZeroBecauseEpsilonIsInTheDenominator() {
    float[] zeros = {0, 0, 0, 0};
    assertArrayEquals(new float[4], projected(new UnitNorm(), zeros, SHAPE));
    assertArrayEquals(new float[4], projected(new MinMaxNorm(1, 2), new float[4], SHAPE));
  }

  @Test
  void minMaxNormMovesTheNormTowardsTheRangeAtItsRate() {
    float[] got = projected(new MinMaxNorm(2, 3, 0.5, List.of(0)), kernel(), SHAPE);
    // column 0: desired 0.5·3 + 0.5·5 = 4 → scale 4/5; column 1: 0.5·2 + 0.5·1 = 1.5 → scale 1.5
    assertArrayEquals(new float[] {2.4f, 0, 3.2f, 1.5f}, got, 1e-6f);
    float[] strict = projected(new MinMaxNorm(2, 3), kernel(), SHAPE);
    assertArrayEquals(new float[] {1.8f, 0, 2.4f, 2}, strict, 1e-6f);
  }

  @Test
  void normsOverSeveralAxesTakeWholeFilters() {
    // a (2, 2, 2) kernel constrained per last-axis filter over axes 0 and 1, as Keras's Conv2D doc
    float[] values = {1, 2, 1, 0, 1, 0, 1, 0};
    float[] got = projected(new UnitNorm(List.of(0, 1)), values, 2, 2, 2);
    float a = 0.5f; // filter 0 holds 1, 1, 1, 1: norm 2
    assertArrayEquals(new float[] {a, 1, a, 0, a, 0, a, 0}, got, 1e-6f);
  }

  @Test
  void nonNegSetsNegativesToZero() {
    assertArrayEquals(
        new float[] {0, 0, 2, 0.5f}, projected(new NonNeg(), new float[] {-1, 0, 2, 0.5f}, 4));
  }

  @Test
  void configsRecreateTheConstraintsWithKerasNames() {
    for (Constraint c :
        List.of(
            new MaxNorm(1.5, List.of(0, 1)),
            new MinMaxNorm(0.5, 1, 0.7, List.of(0)),
            new NonNeg(),
            new UnitNorm(List.of(1)))) {
      assertEquals(c, Constraint.fromConfig(c.className(), c.config()));
    }
    assertEquals(new MaxNorm(2, List.of(0)), Constraint.fromConfig("MaxNorm", Map.of()));
    assertEquals(new MinMaxNorm(0, 1, 1, List.of(0)), Constraint.fromConfig("MinMaxNorm", null));
    assertEquals(Map.of("max_value", 2.0, "axis", 0), new MaxNorm(2).config());
  }

  @Test
  void badOptionsAreRefusedNamingTheConstraintAndOption() {
    assertMessage(() -> new MaxNorm(-1), "MaxNorm", "max_value", "-1");
    assertMessage(() -> new MinMaxNorm(2, 1), "MinMaxNorm", "min_value", "max_value");
    assertMessage(() -> new MinMaxNorm(0, 1, 1.5, List.of(0)), "MinMaxNorm", "rate", "1.5");
    assertMessage(() -> new UnitNorm(List.of()), "UnitNorm", "axis");
    assertMessage(
        () -> Constraint.fromConfig("MaxNorm", Map.of("axis", 0.5)), "MaxNorm", "axis", "0.5");
    assertMessage(
        () -> Constraint.fromConfig("MaxNorm", Map.of("max_value", "big")), "max_value", "big");
    assertMessage(
        () -> Constraint.fromConfig("RadialConstraint", Map.of()), "RadialConstraint", "MaxNorm");
    assertMessage(
        () -> new MaxNorm(2, List.of(2)).requireFits("dense/kernel", SHAPE),
        "MaxNorm",
        "axis 2",
        "dense/kernel",
        "[2, 2]");
    new MaxNorm(2, List.of(-2)).requireFits("dense/kernel", SHAPE);
  }

  private static void assertMessage(Runnable action, String... parts) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action::run);
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), e.getMessage() + " lacks " + part);
    }
  }
}
