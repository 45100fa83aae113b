package dev.lamina.data;

/** The two kinds of column a {@link Table} holds. */
public enum ColumnType {
  /** Doubles; a missing cell is NaN. */
  NUMERIC,
  /** Text such as categories or labels; a missing cell is null. */
  STRING
}
