package dev.lamina.kernels;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** GEMM rejects operands that do not fit their arrays once, at the entry, with a clear message. */
class GemmArgumentsTest {
  private static final List<Kernels> BOTH = List.of(Kernels.get(), Kernels.plain());

  @Test
  void shortA() {
    for (Kernels kernels : BOTH) {
      var e = assertThrows(IllegalArgumentException.class,
          () -> kernels.gemm(false, false, 2, 2, 3, new float[5], 0, new float[6], 0, new float[4], 0, false));
      assertTrue(e.getMessage().contains("gemm: A stored 2×3 needs 6 floats"), e.getMessage());
    }
  }

  @Test
  void transposedBPastItsOffset() {
    for (Kernels kernels : BOTH) {
      var e = assertThrows(IllegalArgumentException.class,
          () -> kernels.gemm(false, true, 2, 4, 3, new float[6], 0, new float[12], 1, new float[8], 0, false));
      assertTrue(e.getMessage().contains("B stored 4×3 needs 12 floats from offset 1"), e.getMessage());
    }
  }

  @Test
  void shortC() {
    for (Kernels kernels : BOTH) {
      var e = assertThrows(IllegalArgumentException.class,
          () -> kernels.gemm(false, false, 2, 2, 2, new float[4], 0, new float[4], 0, new float[3], 0, true));
      assertTrue(e.getMessage().contains("C stored 2×2"), e.getMessage());
    }
  }

  @Test
  void negativeSize() {
    for (Kernels kernels : BOTH) {
      var e = assertThrows(IllegalArgumentException.class,
          () -> kernels.gemm(false, false, -1, 2, 2, new float[4], 0, new float[4], 0, new float[4], 0, false));
      assertTrue(e.getMessage().contains("m=-1"), e.getMessage());
    }
  }
}
