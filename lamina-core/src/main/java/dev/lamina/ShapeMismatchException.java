package dev.lamina;

import java.util.Arrays;

/** Shapes that an operation cannot combine. The message names the operation and both shapes. */
public final class ShapeMismatchException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public ShapeMismatchException(String message) {
    super(message);
  }

  /** "op: cannot broadcast shapes [3, 4] and [5]" and similar, with a short reason. */
  static ShapeMismatchException of(String op, String reason, int[] first, int[] second) {
    return new ShapeMismatchException(
        op + ": " + reason + " " + Arrays.toString(first) + " and " + Arrays.toString(second));
  }
}
