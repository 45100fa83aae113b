package dev.lamina.data;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Misuse of transformers gives errors that name the transformer and the column. */
class TransformerErrorsTest {
  private static final Table TABLE =
      Table.of(NumericColumn.of("x", 1, 2, Double.NaN), StringColumn.of("s", "a", null, "b"));

  @Test
  void transformBeforeFitIsRefused() {
    IllegalStateException error =
        assertThrows(
            IllegalStateException.class, () -> new StandardScaler().transform(TABLE.select("x")));
    assertTrue(error.getMessage().contains("StandardScaler is not fitted"), error.getMessage());
  }

  @Test
  void scalersRefuseTextColumns() {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> new MinMaxScaler().fit(TABLE));
    assertTrue(error.getMessage().contains("'s'"), error.getMessage());
  }

  @Test
  void transformChecksTheColumnsSeenDuringFit() {
    StandardScaler scaler = new StandardScaler().fit(TABLE.select("x"));
    assertThrows(UnknownColumnException.class, () -> scaler.transform(TABLE.select("s")));
    Table extra = TABLE.select("x").with(NumericColumn.of("z", 1, 2, 3));
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> scaler.transform(extra));
    assertTrue(error.getMessage().contains("'z'"), error.getMessage());
  }

  @Test
  void imputerConstantMustSuitTheColumnTypeAndAllMissingColumnsAreReported() {
    assertThrows(IllegalArgumentException.class, () -> SimpleImputer.constant(0).fit(TABLE));
    assertThrows(IllegalArgumentException.class, () -> SimpleImputer.constant("NA").fit(TABLE));
    Table empty = Table.of(NumericColumn.of("gap", Double.NaN, Double.NaN));
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> new SimpleImputer().fit(empty));
    assertTrue(error.getMessage().contains("'gap'"), error.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new StandardScaler().fit(empty));
  }

  @Test
  void labelEncoderRefusesMissingAndUnseenLabels() {
    LabelEncoder encoder = new LabelEncoder().fit(Table.of(StringColumn.of("y", "a", "b")));
    assertThrows(
        IllegalArgumentException.class,
        () -> encoder.transform(Table.of(StringColumn.of("y", "c"))));
    assertThrows(
        IllegalArgumentException.class,
        () -> encoder.transform(Table.of(StringColumn.of("y", (String) null))));
    assertThrows(IllegalArgumentException.class, () -> encoder.fit(TABLE));
  }

  @Test
  void columnTransformerNamesAnUnknownListedColumn() {
    ColumnTransformer transformer = new ColumnTransformer().add("num", new StandardScaler(), "xx");
    UnknownColumnException error =
        assertThrows(UnknownColumnException.class, () -> transformer.fit(TABLE));
    assertTrue(error.closeMatches().contains("x"), error.getMessage());
  }
}
