package dev.lamina.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.Tensor;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TableTest {
  private static final Table SMALL =
      Table.of(
          NumericColumn.of("x", 1, 2, 3, 4),
          NumericColumn.of("y", 10, 20, 30, 40),
          StringColumn.of("g", "a", "b", "a", null));

  @Test
  void selectDropFilterHeadAndWith() {
    assertEquals(List.of("y", "x"), SMALL.select("y", "x").columnNames());
    assertEquals(List.of("x", "g"), SMALL.drop("y").columnNames());
    Table big = SMALL.filter(row -> SMALL.numeric("x").get(row) > 2);
    assertArrayEquals(new double[] {30, 40}, big.numeric("y").toArray());
    assertEquals(2, SMALL.head(2).rowCount());
    assertEquals(4, SMALL.head(10).rowCount());
    assertEquals(3, SMALL.with(NumericColumn.of("y", 0, 0, 0, 0)).columnCount());
    assertEquals(4, SMALL.with(NumericColumn.of("z", 0, 0, 0, 0)).columnCount());
    assertThrows(UnknownColumnException.class, () -> SMALL.drop("q"));
    assertThrows(IllegalArgumentException.class, () -> SMALL.with(NumericColumn.of("z", 1)));
  }

  @Test
  void toTensorIsRowMajorAndRefusesTextOrMissingNamingTheColumn() {
    Tensor tensor = SMALL.select("x", "y").toTensor();
    assertArrayEquals(new int[] {4, 2}, tensor.shape());
    assertArrayEquals(new float[] {1, 10, 2, 20, 3, 30, 4, 40}, tensor.toFloatArray());
    IllegalArgumentException text =
        assertThrows(IllegalArgumentException.class, () -> SMALL.toTensor());
    assertTrue(text.getMessage().contains("'g'"), text.getMessage());
    Table gap = Table.of(NumericColumn.of("agent", 1, Double.NaN));
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, gap::toTensor);
    assertTrue(missing.getMessage().contains("'agent'"), missing.getMessage());
  }

  @Test
  void randomSplitIsDisjointCompleteAndReproducible() {
    Table wine = Datasets.redWine();
    TableSplit split = wine.split(0.7, 42);
    assertEquals(1119, split.train().rowCount());
    assertEquals(480, split.valid().rowCount());
    double[] ids = new double[wine.rowCount()];
    for (int row = 0; row < ids.length; row++) {
      ids[row] = row;
    }
    TableSplit withIds = wine.with(NumericColumn.of("id", ids)).split(0.7, 42);
    Set<Double> seen = new HashSet<>();
    for (Table part : List.of(withIds.train(), withIds.valid())) {
      for (double id : part.numeric("id").toArray()) {
        assertTrue(seen.add(id), "row " + id + " on both sides");
      }
    }
    assertEquals(wine.rowCount(), seen.size());
    assertArrayEquals(
        split.train().numeric("quality").toArray(),
        wine.split(0.7, 42).train().numeric("quality").toArray());
    assertNotEquals(
        List.of(split.train().numeric("alcohol").get(0)),
        List.of(wine.split(0.7, 43).train().numeric("alcohol").get(0)));
    double sum = sum(split.train(), "alcohol") + sum(split.valid(), "alcohol");
    assertEquals(sum(wine, "alcohol"), sum, 1e-9);
  }

  @Test
  void groupSplitNeverPutsOneManufacturerOnBothSides() {
    Table cereal = Datasets.cereal();
    for (long seed = 0; seed < 20; seed++) {
      TableSplit split = cereal.groupSplit("mfr", 0.7, seed);
      Set<String> train = values(split.train(), "mfr");
      Set<String> valid = values(split.valid(), "mfr");
      assertTrue(train.stream().noneMatch(valid::contains), train + " vs " + valid);
      assertEquals(cereal.rowCount(), split.train().rowCount() + split.valid().rowCount());
      assertEquals(values(cereal, "mfr").size(), train.size() + valid.size());
    }
    assertThrows(
        IllegalArgumentException.class,
        () -> cereal.filter(row -> false).groupSplit("mfr", 0.5, 0));
  }

  @Test
  void splitFractionOutsideTheOpenIntervalIsRejected() {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> SMALL.split(1.0, 0));
    assertTrue(error.getMessage().contains("trainFraction"), error.getMessage());
  }

  @Test
  void previewShowsHeaderRowsAndSize() {
    String preview = Datasets.cereal().toString();
    assertTrue(preview.startsWith("  "), preview);
    assertTrue(preview.contains("calories"), preview);
    assertTrue(preview.contains("100% Bran"), preview);
    assertTrue(preview.endsWith("[77 rows x 16 columns]"), preview);
    assertEquals(5 + 1 + 1 + 1, preview.split("\n").length);
  }

  @Test
  void datasetsHaveTheirDocumentedShapes() {
    assertEquals(1599, Datasets.redWine().rowCount());
    assertEquals(12, Datasets.redWine().columnCount());
    assertEquals(1030, Datasets.concrete().rowCount());
    assertEquals(9, Datasets.concrete().columnCount());
    assertEquals(351, Datasets.ionosphere().rowCount());
    assertEquals(ColumnType.STRING, Datasets.ionosphere().column("Class").type());
    assertEquals(77, Datasets.cereal().rowCount());
  }

  private static double sum(Table table, String column) {
    double total = 0;
    for (double value : table.numeric(column).toArray()) {
      total += value;
    }
    return total;
  }

  private static Set<String> values(Table table, String column) {
    Set<String> distinct = new HashSet<>();
    for (int row = 0; row < table.rowCount(); row++) {
      distinct.add(table.column(column).format(row));
    }
    return distinct;
  }
}
