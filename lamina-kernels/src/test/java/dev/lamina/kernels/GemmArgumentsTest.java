package dev.lamina.kernels;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** GEMM rejects operands that do not fit their arrays once, at the entry, with a clear message. */
class GemmArgumentsTest {

  /** One gemm call with everything but the kernels fixed. */
  @FunctionalInterface
  interface Call {
    void on(Kernels kernels);
  }

  private static void assertRejected(String expectedInMessage, Call call) {
    for (Kernels kernels : List.of(Kernels.get(), Kernels.plain())) {
      var e = assertThrows(IllegalArgumentException.class, () -> call.on(kernels));
      assertTrue(
          e.getMessage().contains(expectedInMessage), kernels.name() + ": " + e.getMessage());
    }
  }

  @Test
  void shortA() {
    assertRejected(
        "gemm: A stored 2×3 needs 6 floats",
        k ->
            k.gemm(
                false, false, 2, 2, 3, new float[5], 0, new float[6], 0, new float[4], 0, false));
  }

  @Test
  void transposedBPastItsOffset() {
    assertRejected(
        "B stored 4×3 needs 12 floats from offset 1",
        k ->
            k.gemm(
                false, true, 2, 4, 3, new float[6], 0, new float[12], 1, new float[8], 0, false));
  }

  @Test
  void shortC() {
    assertRejected(
        "C stored 2×2",
        k ->
            k.gemm(false, false, 2, 2, 2, new float[4], 0, new float[4], 0, new float[3], 0, true));
  }

  @Test
  void negativeSize() {
    assertRejected(
        "m=-1",
        k ->
            k.gemm(
                false, false, -1, 2, 2, new float[4], 0, new float[4], 0, new float[4], 0, false));
  }
}
