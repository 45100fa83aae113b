package dev.lamina.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The GEMM tile chosen for each vector width and register count, and the one this JVM runs. The
 * build runs this class at the native width and narrowed by -XX:MaxVectorSize=32 and =16
 * (lamina-kernels/pom.xml), telling the width to expect through {@code lamina.expectedWidth}, so a
 * narrow JVM that kept the wide tile fails here.
 */
class GemmShapeTest {

  @ParameterizedTest
  @CsvSource({
    // bits, registers, fused, tile: 8 rows (19 registers) where 32 registers allow and
    // multiply-adds are fused, else 4 (11)
    "512, 32, true, 8x32",
    "256, 32, true, 8x16",
    "256, 16, true, 4x16",
    "128, 32, true, 8x8",
    "128, 16, true, 4x8",
    "512, 32, false, 4x32",
    "128, 32, false, 4x8",
    "128, 16, false, 4x8",
  })
  void tileFitsTheRegisters(int bits, int registers, boolean fused, String tile) {
    GemmShape shape = GemmShape.choose(bits, registers, fused);
    assertEquals(tile, shape.rows + "x" + shape.cols);
    // accumulators, two B vectors and the broadcast
    int used = shape.rows * GemmShape.VECTORS + GemmShape.VECTORS + 1;
    assertEquals(true, used <= registers, used + " registers in use");
  }

  @Test
  void activeShapeIsTheOneForThisJvmsWidthAndRegisters() {
    int bits = FloatVector.SPECIES_PREFERRED.vectorBitSize();
    String expectedWidth = System.getProperty("lamina.expectedWidth");
    if (expectedWidth != null) {
      assertEquals(Integer.parseInt(expectedWidth), bits);
    }
    GemmShape expected = GemmShape.choose(bits, GemmShape.vectorRegisters(), MultiplyAdd.FUSED);
    assertEquals(expected.describe(), GemmShape.ACTIVE.describe());
    assertEquals(GemmShape.ACTIVE.rows, GemmMicroKernel.ROWS);
    assertEquals(2 * FloatVector.SPECIES_PREFERRED.length(), GemmMicroKernel.COLS);
  }

  @ParameterizedTest
  @CsvSource({
    // A is read in place only where the kernel over its own strides keeps up with a packed panel
    "512, 32, true",
    "256, 32, false",
    "256, 16, false",
    "128, 32, false",
    "512, 16, false",
  })
  void readsAInPlaceOnlyWith512BitVectors(int bits, int registers, boolean inPlace) {
    assertEquals(inPlace, GemmShape.choose(bits, registers, true).readsAInPlace);
  }

  @Test
  void describeNamesWidthTileBlocksAndHowAIsRead() {
    assertEquals(
        "width=256 registers=16 micro=4x16 mc=96 kc=1024 nc=1024 a=packed",
        GemmShape.choose(256, 16, true).describe());
    assertEquals(
        "width=512 registers=32 micro=8x32 mc=96 kc=1024 nc=1024 a=in-place",
        GemmShape.choose(512, 32, true).describe());
  }
}
