package dev.lamina.data;

/** A column of text values such as categories; null marks a missing value. */
public final class StringColumn implements Column {
  private final String name;
  private final String[] values;

  private StringColumn(String name, String[] values) {
    this.name = name;
    this.values = values;
  }

  /** A column over a copy of {@code values}. */
  public static StringColumn of(String name, String... values) {
    return new StringColumn(name, values.clone());
  }

  /** Takes ownership of {@code values}: the caller must not change the array afterwards. */
  static StringColumn wrap(String name, String[] values) {
    return new StringColumn(name, values);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int size() {
    return values.length;
  }

  @Override
  public ColumnType type() {
    return ColumnType.STRING;
  }

  @Override
  public boolean isMissing(int row) {
    return values[row] == null;
  }

  /** The value at {@code row}, or null when it is missing. */
  public String get(int row) {
    return values[row];
  }

  /** A copy of the values. */
  public String[] toArray() {
    return values.clone();
  }

  /** The values without copying, for code in this package that only reads them. */
  String[] values() {
    return values;
  }

  @Override
  public StringColumn renamed(String newName) {
    return new StringColumn(newName, values);
  }

  @Override
  public StringColumn rows(int[] indices) {
    String[] picked = new String[indices.length];
    for (int i = 0; i < indices.length; i++) {
      picked[i] = values[indices[i]];
    }
    return new StringColumn(name, picked);
  }

  @Override
  public String format(int row) {
    return values[row] == null ? "NA" : values[row];
  }

  @Override
  public String toString() {
    return "StringColumn[" + name + ", " + values.length + " rows]";
  }
}
