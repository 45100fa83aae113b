package dev.lamina.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.data.ColumnType;
import dev.lamina.data.NumericColumn;
import dev.lamina.data.StringColumn;
import dev.lamina.data.Table;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PreprocessingTest {
  private static final Table TRAIN =
      Table.of(
          NumericColumn.of("x", 1, 2, Double.NaN, 5),
          StringColumn.of("colour", "red", null, "blue", "red"),
          NumericColumn.of("empty", Double.NaN, Double.NaN, Double.NaN, Double.NaN),
          StringColumn.of("label", "yes", "no", "no", "yes"));

  @Test
  void numbersAreImputedAndStandardizedTextOneHotEncoded() {
    Preprocessing p =
        Preprocessing.fitTransform(
                TRAIN.select("x", "colour", "label"), "label", List.of(), Task.BINARY)
            .preprocessing();
    float[] inputs = p.inputs(TRAIN).toFloatArray();
    // x: mean 8/3 fills the gap; standardized with the population deviation
    double mean = 8.0 / 3;
    double sd =
        Math.sqrt(
            ((1 - mean) * (1 - mean) + (2 - mean) * (2 - mean) + (5 - mean) * (5 - mean)) / 4);
    assertEquals((1 - mean) / sd, inputs[0], 1e-6);
    assertEquals(0, inputs[2 * p.inputWidth()], 1e-6, "the imputed mean scales to 0");
    assertEquals(List.of("no", "yes"), p.classes());
    assertArrayEquals(new float[] {1, 0, 0, 1}, p.targets(TRAIN).toFloatArray());
    assertEquals(1 + 3, p.inputWidth(), "x, then colour one-hot: NA, blue, red");
  }

  @Test
  void theInputsFromTheFitAreThoseOfATransformAfterIt() {
    Preprocessing.Fitted small =
        Preprocessing.fitTransform(
            TRAIN.select("x", "colour", "label"), "label", List.of(), Task.BINARY);
    assertArrayEquals(new int[] {4, 4}, small.inputs().shape());
    assertArrayEquals(
        small.preprocessing().inputs(TRAIN).toFloatArray(), small.inputs().toFloatArray());
    Table wine = DataFiles.redWine();
    Preprocessing.Fitted regression =
        Preprocessing.fitTransform(wine, "quality", List.of(), Task.REGRESSION);
    assertArrayEquals(
        regression.preprocessing().inputs(wine).toFloatArray(), regression.inputs().toFloatArray());
  }

  @Test
  void textWithTooManyCategoriesIsSkipped() {
    int rows = FeaturePlan.MAX_CATEGORIES + 1;
    String[] ids = new String[rows];
    double[] x = new double[rows];
    String[] labels = new String[rows];
    for (int i = 0; i < rows; i++) {
      ids[i] = "id" + i;
      x[i] = i;
      labels[i] = i % 2 == 0 ? "even" : "odd";
    }
    Table table =
        Table.of(
            StringColumn.of("id", ids), NumericColumn.of("x", x), StringColumn.of("label", labels));
    Preprocessing p =
        Preprocessing.fitTransform(table, "label", List.of(), Task.BINARY).preprocessing();
    assertEquals(Map.of("id", "more than 200 categories"), p.skippedColumns());
    assertEquals(1, p.inputWidth());
  }

  @Test
  void droppedColumnsAreSkippedWithTheReason() {
    Preprocessing p =
        Preprocessing.fitTransform(
                TRAIN.select("x", "colour", "label"), "label", List.of("colour"), Task.BINARY)
            .preprocessing();
    assertEquals(Map.of("colour", "dropped with --drop"), p.skippedColumns());
    assertEquals(1, p.inputWidth());
  }

  @Test
  void emptyColumnsAreSkipped() {
    Table wide = Table.of(TRAIN.column("x"), TRAIN.column("empty"), TRAIN.column("label"));
    Preprocessing p =
        Preprocessing.fitTransform(wide, "label", List.of(), Task.BINARY).preprocessing();
    assertEquals(Map.of("empty", "no values in the training rows"), p.skippedColumns());
    assertEquals(Map.of("x", ColumnType.NUMERIC), p.columnTypes());
  }

  @Test
  void jsonRoundTripGivesTheSameInputsAndIgnoresUnknownCategories() {
    Preprocessing p =
        Preprocessing.fitTransform(
                TRAIN.select("x", "colour", "label"), "label", List.of(), Task.BINARY)
            .preprocessing();
    Preprocessing back = Preprocessing.fromJson(p.toJson(), "test");
    Table later = Table.of(NumericColumn.of("x", 3), StringColumn.of("colour", "green"));
    assertArrayEquals(p.inputs(TRAIN).toFloatArray(), back.inputs(TRAIN).toFloatArray());
    float[] unseen = back.inputs(later).toFloatArray();
    assertEquals(0, unseen[1] + unseen[2] + unseen[3], "an unknown colour is all zeros");
    assertEquals(p.classes(), back.classes());
    assertEquals(p.task(), back.task());
    assertEquals(p.readTypes(true), back.readTypes(true));
  }

  @Test
  void unknownLabelsAndDamagedJsonAreBadInput() {
    Preprocessing p =
        Preprocessing.fitTransform(TRAIN.select("x", "label"), "label", List.of(), Task.BINARY)
            .preprocessing();
    Table other = Table.of(NumericColumn.of("x", 1), StringColumn.of("label", "maybe"));
    BadInputException e = assertThrows(BadInputException.class, () -> p.targets(other));
    assertTrue(e.getMessage().contains("\"maybe\""), e.getMessage());
    assertThrows(BadInputException.class, () -> Preprocessing.fromJson("{\"format\":1}", "f"));
    assertThrows(BadInputException.class, () -> Preprocessing.fromJson("not json", "f"));
  }

  @Test
  void theFirstCellTooLargeForFloat32InRowOrderIsNamed() {
    Table train =
        Table.of(
            NumericColumn.of("a", 1, 2, 3, 4),
            NumericColumn.of("b", 1, 2, 3, 4),
            StringColumn.of("label", "yes", "no", "no", "yes"));
    Preprocessing p =
        Preprocessing.fitTransform(train, "label", List.of(), Task.BINARY).preprocessing();
    // b's bad cell comes in an earlier row than a's; in row 3 a comes before b
    Table later =
        Table.of(NumericColumn.of("a", 1, 2, 1e300, 1), NumericColumn.of("b", 1, 1e300, 2, 1));
    BadInputException e = assertThrows(BadInputException.class, () -> p.inputs(later, 10));
    assertTrue(e.getMessage().contains("data row 12: input 'num__b' is Infinity"), e.getMessage());
    Table tie =
        Table.of(NumericColumn.of("a", 1, 1e300, 1, 1), NumericColumn.of("b", 1, -1e300, 1, 1));
    BadInputException first = assertThrows(BadInputException.class, () -> p.inputs(tie));
    assertTrue(first.getMessage().contains("data row 2: input 'num__a'"), first.getMessage());
  }
}
