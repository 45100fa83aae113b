package dev.lamina.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lamina.data.StringColumn;
import dev.lamina.data.Table;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrayTextCellsTest {

  private static final int ROWS = 1000;

  /** ROWS numbers as text, with as many of them as {@code strays} replaced by those cells. */
  private static StringColumn column(String name, String... strays) {
    String[] cells = new String[ROWS];
    for (int i = 0; i < ROWS; i++) {
      cells[i] = Integer.toString(i % 7) + ".5";
    }
    for (int i = 0; i < strays.length; i++) {
      cells[(i * 37 + 11) % ROWS] = strays[i];
    }
    return StringColumn.of(name, cells);
  }

  private static String[] times(int count, String cell) {
    String[] cells = new String[count];
    Arrays.fill(cells, cell);
    return cells;
  }

  /** Four present cells, two of them not numbers: too many for strays however few. */
  private static StringColumn halfOfFourPresentCells() {
    String[] cells = new String[ROWS];
    cells[3] = "1.5";
    cells[50] = "x";
    cells[400] = "2";
    cells[999] = "y";
    return StringColumn.of("half_of_four_present_cells", cells);
  }

  @Test
  void aFewStrayCellsMakeANumericColumnReadAsText() {
    Table table =
        Table.of(
            column("one_stray", "oops"),
            column("three_strays_of_three_values", "a", "b", "c"),
            column("one_percent_of_one_value", times(10, "x")),
            column("missing_cells_do_not_count", "oops", null, null));
    assertEquals(
        List.of(
            "one_stray",
            "three_strays_of_three_values",
            "one_percent_of_one_value",
            "missing_cells_do_not_count"),
        StrayTextCells.columns(table));
  }

  @Test
  void textColumnsAndManyStraysAreText() {
    Table table =
        Table.of(
            StringColumn.of("categories", times(ROWS, "Resort Hotel")),
            column("four_stray_values", "a", "b", "c", "d"),
            column("over_one_percent_and_three_cells", times(11, "x")),
            halfOfFourPresentCells(),
            column("numbers_only"));
    assertEquals(List.of(), StrayTextCells.columns(table));
  }
}
