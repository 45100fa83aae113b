package dev.lamina.data;

/** One double per row; NaN marks a missing value. */
final class DenseCells implements NumericCells {
  private final double[] values;

  DenseCells(double[] values) {
    this.values = values;
  }

  @Override
  public int size() {
    return values.length;
  }

  @Override
  public double get(int row) {
    return values[row];
  }

  @Override
  public int firstMissing() {
    for (int row = 0; row < values.length; row++) {
      if (Double.isNaN(values[row])) {
        return row;
      }
    }
    return -1;
  }

  @Override
  public DenseCells rows(int[] indices) {
    double[] picked = new double[indices.length];
    for (int i = 0; i < indices.length; i++) {
      picked[i] = values[indices[i]];
    }
    return new DenseCells(picked);
  }

  @Override
  public double[] toArray() {
    return values.clone();
  }

  @Override
  public double[] asArray() {
    return values;
  }

  @Override
  public void read(int from, int to, double[] into) {
    System.arraycopy(values, from, into, 0, to - from);
  }
}
