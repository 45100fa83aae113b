package dev.lamina.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.data.NumericColumn;
import dev.lamina.data.StringColumn;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Labels in scikit-learn's LabelEncoder order, and each row's code. */
class TargetCodesTest {

  @Test
  void numbersAreOrderedAsNumbersAndNegativeZeroIsZero() {
    NumericColumn labels = NumericColumn.of("y", 10, 9, -0.0, 2.5, Double.NaN, 0, 10, -1);
    List<String> classes = TargetCodes.learn(labels);
    assertEquals(List.of("-1", "0", "2.5", "9", "10"), classes);
    NumericColumn present = NumericColumn.of("y", 10, 9, -0.0, 2.5, 0, 10, -1);
    assertArrayEquals(
        new float[] {4, 3, 1, 2, 1, 4, 0}, TargetCodes.encode(present, classes).toFloatArray());
  }

  @Test
  void textIsOrderedAsText() {
    StringColumn labels = StringColumn.of("y", "b", "a", null, "B", "a");
    List<String> classes = TargetCodes.learn(labels);
    assertEquals(List.of("B", "a", "b"), classes);
    StringColumn present = StringColumn.of("y", "b", "a", "B");
    assertArrayEquals(new float[] {2, 1, 0}, TargetCodes.encode(present, classes).toFloatArray());
  }

  @Test
  void aLabelTheModelDoesNotKnowIsNamed() {
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () -> TargetCodes.encode(NumericColumn.of("y", 0, 1, 7), List.of("0", "1")));
    assertTrue(
        e.getMessage().contains("row 3") && e.getMessage().contains("\"7\""), e.getMessage());
  }
}
