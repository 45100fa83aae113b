package dev.lamina.data.numerics;

/** Matrices as arrays of rows (rows may differ in length): deep copies. */
public final class Matrices {
  private Matrices() {}

  public static double[][] copy(double[][] rows) {
    double[][] copy = new double[rows.length][];
    for (int r = 0; r < rows.length; r++) {
      copy[r] = rows[r].clone();
    }
    return copy;
  }
}
