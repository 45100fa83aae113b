package dev.lamina.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The active GEMM equals the plain reference on random shapes, transposes and offsets. */
class GemmPropertyTest {

  @Provide
  Arbitrary<Integer> size() {
    // edges first: empty, single, odd, one less and one more than a micro-tile and a vector
    return Arbitraries.oneOf(
        Arbitraries.of(0, 1, 2, 5, 6, 7, 11, 12, 13, 15, 16, 17, 31, 32, 33, 47, 48, 49),
        Arbitraries.integers().between(0, 90));
  }

  @Property(tries = 400, edgeCases = EdgeCasesMode.NONE)
  void equalsPlainReference(
      @ForAll("size") int m,
      @ForAll("size") int n,
      @ForAll("size") int k,
      @ForAll boolean transA,
      @ForAll boolean transB,
      @ForAll boolean accumulate,
      @ForAll @IntRange(min = 0, max = 5) int offset,
      @ForAll long seed) {
    GemmCase g = GemmCase.random(m, n, k, offset, new Random(seed));
    float[] expected = g.run(Kernels.plain(), transA, transB, accumulate);
    float[] actual = g.run(Kernels.get(), transA, transB, accumulate);
    g.assertClose(expected, actual, transA, transB);
  }

  @Property(tries = 30)
  void plainReferenceMatchesDoublePrecisionProduct(
      @ForAll @IntRange(min = 1, max = 20) int m,
      @ForAll @IntRange(min = 1, max = 20) int n,
      @ForAll @IntRange(min = 1, max = 20) int k,
      @ForAll boolean transA,
      @ForAll boolean transB,
      @ForAll long seed) {
    GemmCase g = GemmCase.random(m, n, k, 0, new Random(seed));
    float[] actual = g.run(Kernels.plain(), transA, transB, false);
    g.assertClose(g.doubleProduct(transA, transB), actual, transA, transB);
  }

  @Property(tries = 20)
  void writesNothingOutsideC(
      @ForAll @IntRange(min = 0, max = 40) int m,
      @ForAll @IntRange(min = 0, max = 40) int n,
      @ForAll @IntRange(min = 0, max = 40) int k,
      @ForAll boolean transA,
      @ForAll boolean transB) {
    GemmCase g = GemmCase.random(m, n, k, 3, new Random(7));
    float[] c = g.run(Kernels.get(), transA, transB, false);
    for (int i = 0; i < 3; i++) {
      assertEquals(GemmCase.SENTINEL, c[i], "before C at " + i);
      assertEquals(GemmCase.SENTINEL, c[c.length - 1 - i], "after C at " + i);
    }
  }
}
