package dev.lamina.data;

/** A column of doubles; NaN marks a missing value. */
public final class NumericColumn implements Column {
  private final String name;
  private final NumericCells cells;

  private NumericColumn(String name, NumericCells cells) {
    this.name = name;
    this.cells = cells;
  }

  /** A column over a copy of {@code values}. */
  public static NumericColumn of(String name, double... values) {
    return wrap(name, values.clone());
  }

  /** Takes ownership of {@code values}: the caller must not change the array afterwards. */
  static NumericColumn wrap(String name, double[] values) {
    return new NumericColumn(name, new DenseCells(values));
  }

  /**
   * The one-hot indicator of category {@code code}: 1 in the rows whose code it is, else 0. Takes
   * ownership of {@code codes}, which the indicators of one encoded column share.
   */
  static NumericColumn indicator(String name, int[] codes, int code) {
    return new NumericColumn(name, new IndicatorCells(codes, code));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int size() {
    return cells.size();
  }

  @Override
  public ColumnType type() {
    return ColumnType.NUMERIC;
  }

  @Override
  public boolean isMissing(int row) {
    return Double.isNaN(cells.get(row));
  }

  public double get(int row) {
    return cells.get(row);
  }

  /** A copy of the values. */
  public double[] toArray() {
    return cells.toArray();
  }

  /** The values, without copying where they are held as doubles, for code that only reads them. */
  double[] values() {
    return cells.asArray();
  }

  /** The values as {@link Table#toTensor} reads them, a block of rows at a time. */
  NumericCells cells() {
    return cells;
  }

  @Override
  public NumericColumn renamed(String newName) {
    return new NumericColumn(newName, cells);
  }

  @Override
  public NumericColumn rows(int[] indices) {
    return new NumericColumn(name, cells.rows(indices));
  }

  @Override
  public String format(int row) {
    return formatNumber(cells.get(row));
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
    return "NumericColumn[" + name + ", " + cells.size() + " rows]";
  }
}
