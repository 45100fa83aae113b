package dev.lamina.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lamina.data.NumericColumn;
import dev.lamina.data.StringColumn;
import org.junit.jupiter.api.Test;

class TaskInferenceTest {

  @Test
  void twoValuesOfAnyKindAreBinary() {
    assertEquals(Task.BINARY, Task.infer(StringColumn.of("y", "good", "bad", "good", null)));
    assertEquals(Task.BINARY, Task.infer(NumericColumn.of("y", 0, 1, 1, 0)));
    assertEquals(Task.BINARY, Task.infer(NumericColumn.of("y", 1, 2, Double.NaN, 2)));
  }

  @Test
  void textOrClassCodesAreMulticlass() {
    assertEquals(Task.MULTICLASS, Task.infer(StringColumn.of("y", "a", "b", "c")));
    assertEquals(Task.MULTICLASS, Task.infer(NumericColumn.of("y", 0, 1, 2, 3, 2)));
  }

  @Test
  void otherNumbersAreRegression() {
    assertEquals(
        Task.REGRESSION,
        Task.infer(NumericColumn.of("quality", 3, 5, 6, 8, 7, 4)),
        "integers that are not the codes 0…k-1, like red-wine's quality");
    assertEquals(Task.REGRESSION, Task.infer(NumericColumn.of("y", 0.5, 1.5, 2.5)));
    assertEquals(Task.REGRESSION, Task.infer(NumericColumn.of("y", 0, 1, 2, 4)), "a gap");
    double[] many = new double[Task.MAX_CLASS_CODES + 1];
    for (int i = 0; i < many.length; i++) {
      many[i] = i;
    }
    assertEquals(Task.REGRESSION, Task.infer(NumericColumn.of("y", many)));
  }

  @Test
  void namesParseAndUnknownNamesAreBadInput() {
    assertEquals(Task.MULTICLASS, Task.parse("multiclass"));
    BadInputException e = assertThrows(BadInputException.class, () -> Task.parse("Binary"));
    assertEquals(
        "--task must be one of regression, binary, multiclass, got 'Binary'", e.getMessage());
  }
}
