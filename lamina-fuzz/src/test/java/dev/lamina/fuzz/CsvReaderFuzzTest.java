package dev.lamina.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.lamina.data.ColumnType;
import dev.lamina.data.CsvFormatException;
import dev.lamina.data.CsvOptions;
import dev.lamina.data.Table;
import dev.lamina.data.UnknownColumnException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The CSV reader with its type inference, on any bytes (plain or gzip) and options: it reads a
 * table or fails with a {@link CsvFormatException} (or {@link UnknownColumnException} for a forced
 * column the header lacks).
 */
class CsvReaderFuzzTest {
  private static final char[] DELIMITERS = {',', ';', '\t', '|'};

  @FuzzTest(maxDuration = "5s")
  void readsOrFailsTyped(FuzzedDataProvider data) {
    fuzzerTestOneInput(data);
  }

  /** The entry point of {@code tools/fuzz} (Jazzer's standalone driver). */
  public static void fuzzerTestOneInput(FuzzedDataProvider data) {
    CsvOptions options =
        CsvOptions.defaults()
            .withDelimiter(data.pickValue(DELIMITERS))
            .withHeader(data.consumeBoolean())
            .withNonFinite(data.pickValue(CsvOptions.NonFinite.values()))
            .withEncoding(
                data.consumeBoolean() ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    if (data.consumeBoolean()) {
      options =
          options.withColumnType(
              data.consumeString(8),
              data.consumeBoolean() ? ColumnType.NUMERIC : ColumnType.STRING);
    }
    CsvOptions chosen = options;
    byte[] csv = data.consumeRemainingAsBytes();
    Contract.check(
        () -> {
          Table table = Table.readCsv(new ByteArrayInputStream(csv), "fuzz.csv", chosen);
          table.rowCount();
        },
        List.of(CsvFormatException.class, UnknownColumnException.class));
  }
}
