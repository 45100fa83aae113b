package dev.lamina;

/** The element type of a tensor. */
public enum DType {
  /** 32-bit IEEE float: the type models train in. */
  FLOAT32,
  /** 64-bit IEEE float: for gradient checks and reference computations. */
  FLOAT64;

  /** The lower-case name NumPy uses, such as {@code "float32"}. */
  @Override
  public String toString() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
