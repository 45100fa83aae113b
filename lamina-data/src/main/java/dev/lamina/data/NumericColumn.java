package dev.lamina.data;

/** A column of doubles; NaN marks a missing value. */
public final class NumericColumn implements Column {
  private final String name;
  private final double[] values;

  private NumericColumn(String name, double[] values) {
    this.name = name;
    this.values = values;
  }

  /** A column over a copy of {@code values}. */
  public static NumericColumn of(String name, double... values) {
    return new NumericColumn(name, values.clone());
  }

  /** Takes ownership of {@code values}: the caller must not change the array afterwards. */
  static NumericColumn wrap(String name, double[] values) {
    return new NumericColumn(name, values);
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
    return ColumnType.NUMERIC;
  }

  @Override
  public boolean isMissing(int row) {
    return Double.isNaN(values[row]);
  }

  public double get(int row) {
    return values[row];
  }

  /** A copy of the values. */
  public double[] toArray() {
    return values.clone();
  }

  /** The values without copying, for code in this package that only reads them. */
  double[] values() {
    return values;
  }

  @Override
  public NumericColumn renamed(String newName) {
    return new NumericColumn(newName, values);
  }

  @Override
  public NumericColumn rows(int[] indices) {
    double[] picked = new double[indices.length];
    for (int i = 0; i < indices.length; i++) {
      picked[i] = values[indices[i]];
    }
    return new NumericColumn(name, picked);
  }

  @Override
  public String format(int row) {
    return formatNumber(values[row]);
  }

  /** A number as text: integral values without ".0", NaN as "NA". */
  static String formatNumber(double value) {
    if (Double.isNaN(value)) {
      return "NA";
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return Double.toString(value);
  }

  @Override
  public String toString() {
    return "NumericColumn[" + name + ", " + values.length + " rows]";
  }
}
