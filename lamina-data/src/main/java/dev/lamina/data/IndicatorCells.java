package dev.lamina.data;

/**
 * A one-hot indicator: 1 where the row's category code is {@code code}, else 0. The codes are
 * shared by every indicator of one encoded column, so the column costs one int a row instead of a
 * double a row per category (hotel's 220 indicators: 168 MB of doubles for the training rows).
 */
final class IndicatorCells implements NumericCells {
  private final int[] codes;
  private final int code;

  /** Takes ownership of {@code codes}: nobody may change the array afterwards. */
  IndicatorCells(int[] codes, int code) {
    this.codes = codes;
    this.code = code;
  }

  @Override
  public int size() {
    return codes.length;
  }

  @Override
  public double get(int row) {
    return codes[row] == code ? 1.0 : 0.0;
  }

  @Override
  public int firstMissing() {
    return -1;
  }

  @Override
  public IndicatorCells rows(int[] indices) {
    int[] picked = new int[indices.length];
    for (int i = 0; i < indices.length; i++) {
      picked[i] = codes[indices[i]];
    }
    return new IndicatorCells(picked, code);
  }

  @Override
  public double[] toArray() {
    double[] values = new double[codes.length];
    read(0, codes.length, values);
    return values;
  }

  @Override
  public double[] asArray() {
    return toArray();
  }

  @Override
  public void read(int from, int to, double[] into) {
    for (int row = from; row < to; row++) {
      into[row - from] = get(row);
    }
  }
}
