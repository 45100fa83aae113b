package dev.lamina.data;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random text made of CSV's special characters either reads as a table or fails with {@link
 * CsvFormatException}: no other exception escapes, and nothing is dropped silently (every row of a
 * table that was read has all its fields, checked by construction).
 */
class MalformedCsvPropertyTest {

  @Property(tries = 500)
  void onlyCsvFormatExceptionEscapes(@ForAll("csvLikeText") String text) {
    try {
      Table table =
          Table.readCsv(
              new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
              "random.csv",
              CsvOptions.defaults().withColumnTypes(java.util.Map.of()));
      for (Column column : table.columns()) {
        if (column.size() != table.rowCount()) {
          throw new AssertionError("column " + column.name() + " lost rows");
        }
      }
    } catch (CsvFormatException expected) {
      if (expected.line() < 1) {
        throw new AssertionError("no line number in: " + expected.getMessage());
      }
    }
  }

  @Property(tries = 200)
  void forcedNumericColumnsFailOnlyWithCsvFormatException(@ForAll("csvLikeText") String body) {
    String text = "a,b\n" + body;
    try {
      Table.readCsv(
          new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
          "random.csv",
          CsvOptions.defaults().withColumnType("a", ColumnType.NUMERIC));
    } catch (CsvFormatException expected) {
      if (!expected.getMessage().startsWith("random.csv, line ")) {
        throw new AssertionError(expected.getMessage());
      }
    }
  }

  @Provide
  Arbitrary<String> csvLikeText() {
    return Arbitraries.strings()
        .withChars(',', '"', '\n', '\r', ' ', 'a', '1', '.', '-', 'e', 'N', 'A', '\uFEFF')
        .ofMinLength(0)
        .ofMaxLength(60);
  }
}
