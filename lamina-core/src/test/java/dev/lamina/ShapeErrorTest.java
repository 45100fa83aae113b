package dev.lamina;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad shapes and arguments fail early with a typed error that names the operation and shapes. */
class ShapeErrorTest {
  private final Tensor m34 = Tensor.zeros(3, 4);

  @Test
  void broadcastErrorNamesOpAndBothShapes() {
    ShapeMismatchException e =
        assertThrows(ShapeMismatchException.class, () -> m34.add(Tensor.zeros(5)));
    assertEquals("add: cannot broadcast shapes [3, 4] and [5]", e.getMessage());
  }

  @Test
  void everyBroadcastingOpNamesItself() {
    Tensor other = Tensor.zeros(2, 4);
    assertMessage("sub: cannot broadcast shapes [3, 4] and [2, 4]", () -> m34.sub(other));
    assertMessage("mul: cannot broadcast shapes [3, 4] and [2, 4]", () -> m34.mul(other));
    assertMessage("div: cannot broadcast shapes [3, 4] and [2, 4]", () -> m34.div(other));
    assertMessage("maximum: cannot broadcast shapes [3, 4] and [2, 4]", () -> m34.maximum(other));
    assertMessage("greater: cannot broadcast shapes [3, 4] and [2, 4]", () -> m34.greater(other));
    assertMessage(
        "where: cannot broadcast shapes [3, 4] and [2, 4]", () -> Tensor.where(m34, m34, other));
  }

  @Test
  void matmulNamesBothShapes() {
    assertMessage(
        "matmul: inner dimensions differ for shapes [3, 4] and [3, 4]", () -> m34.matmul(m34));
    assertMessage(
        "matmul: needs two rank-2 tensors, got shapes [3, 4] and [4]",
        () -> m34.matmul(Tensor.zeros(4)));
    assertEquals(
        List.of(4, 4),
        List.of(m34.matmul(m34, true, false).shape()[0], m34.matmul(m34, true, false).shape()[1]));
  }

  @Test
  void concatNamesAxisAndShapes() {
    assertMessage(
        "concat: cannot join along axis 1 shapes [3, 4] and [2, 4]",
        () -> Tensor.concat(List.of(m34, Tensor.zeros(2, 4)), 1));
  }

  @Test
  void reshapeNamesBothShapes() {
    assertMessage(
        "reshape: cannot reshape shape [3, 4] (12 elements) into [5, -1]",
        () -> m34.reshape(5, -1));
    assertThrows(IllegalArgumentException.class, () -> m34.reshape(-1, -1));
  }

  @Test
  void axisAndRangeErrorsNameTheOperation() {
    assertIllegal("sum: axis 2 is out of range for shape [3, 4]", () -> m34.sum(2));
    assertIllegal("softmax: axis -3 is out of range for shape [3, 4]", () -> m34.softmax(-3));
    assertIllegal(
        "slice: range [2, 5) does not fit axis 1 of shape [3, 4]", () -> m34.slice(1, 2, 5));
    assertIllegal(
        "permute: [0, 0] is not a permutation of the axes of shape [3, 4]",
        () -> m34.permute(0, 0));
    assertIllegal("clip: low 1.0 must not exceed high 0.0", () -> m34.clip(1, 0));
    assertIllegal("max: axis 0 of shape [0, 2] is empty", () -> Tensor.zeros(0, 2).max(0));
  }

  @Test
  void creationChecksLengths() {
    assertIllegal(
        "Tensor.of: shape [2, 2] holds 4 elements but data has 3",
        () -> Tensor.of(new float[3], 2, 2));
    assertIllegal(
        "Tensor.of: row 1 has 1 values, row 0 has 2", () -> Tensor.of(new float[][] {{1, 2}, {3}}));
    assertIllegal(
        "Tensor.ofColumns: column 2 has 1 values, column 0 has 2",
        () -> Tensor.ofColumns(new double[2], new double[2], new double[1]));
    // 2³¹ values, more than an array holds: one column shared 32,768 times, so nothing is large
    double[][] tooMany = new double[32768][];
    Arrays.fill(tooMany, new double[65536]);
    assertIllegal(
        "Tensor.ofColumns: shape [65536, 32768] is too large", () -> Tensor.ofColumns(tooMany));
    assertIllegal("Tensor.zeros: negative dimension in shape [2, -1]", () -> Tensor.zeros(2, -1));
  }

  @Test
  void gradientsNeedAScalar() {
    assertIllegal(
        "Gradients.of: needs a scalar (one element), got shape [3, 4]",
        () -> Gradients.of(m34, List.of(m34)));
  }

  @Test
  void parameterAssignNamesTheParameterAndShapes() {
    Parameter p = new Parameter("kernel", m34);
    assertMessage(
        "assign to parameter 'kernel': expected shape, got [3, 4] and [4, 3]",
        () -> p.assign(Tensor.zeros(4, 3)));
  }

  private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable op) {
    assertEquals(expected, assertThrows(ShapeMismatchException.class, op).getMessage());
  }

  private static void assertIllegal(String expected, org.junit.jupiter.api.function.Executable op) {
    assertEquals(expected, assertThrows(IllegalArgumentException.class, op).getMessage());
  }
}
