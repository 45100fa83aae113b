package dev.lamina.autograd;

import java.util.Arrays;

/**
 * The outcome of a {@link GradCheck}: whether every element agreed and, for the worst one, where it
 * is and both values. {@code excess} is |analytic − numeric| divided by the allowed error, so
 * values above 1 fail.
 */
public record GradCheckReport(
    boolean passed, int input, int[] index, double analytic, double numeric, double excess) {

  @Override
  public String toString() {
    return (passed ? "gradient check passed" : "gradient check failed")
        + "; worst element: input "
        + input
        + " index "
        + Arrays.toString(index)
        + ", analytic "
        + analytic
        + ", numeric "
        + numeric
        + ", error "
        + String.format(java.util.Locale.ROOT, "%.3g", excess)
        + "× the tolerance";
  }
}
