package dev.lamina.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

/**
 * Multiply-adds fused where the JVM says the CPU has them, else a product rounded before the sum.
 * The build runs this class at every width and in a JVM with {@code -XX:-UseFMA}
 * (lamina-kernels/pom.xml), which tells it through {@code lamina.expectedFma} that it must take the
 * unfused path.
 */
class MultiplyAddTest {
  // (1 + 2⁻¹²)² = 1 + 2⁻¹¹ + 2⁻²⁴: the last term is lost when the product is rounded to a float
  private static final float A = 1 + 0x1p-12f;
  private static final float C = -(1 + 0x1p-11f);
  private static final float FUSED_RESULT = 0x1p-24f;
  private static final float UNFUSED_RESULT = 0f;

  @Test
  void fusedFollowsTheJvmsFmaFlag() {
    boolean expected =
        Boolean.parseBoolean(
            System.getProperty(
                "lamina.expectedFma", HotSpotOptions.value("UseFMA").orElse("true")));
    assertEquals(expected, MultiplyAdd.FUSED);
  }

  @Test
  void theScalarFormRoundsOnceWhenFusedAndTwiceWhenNot() {
    assertEquals(A * A + C, UNFUSED_RESULT);
    assertEquals(Math.fma(A, A, C), FUSED_RESULT);
    assertEquals(MultiplyAdd.FUSED ? FUSED_RESULT : UNFUSED_RESULT, MultiplyAdd.fma(A, A, C));
  }

  @Test
  void everyFloatLaneRoundsAsTheScalarForm() {
    FloatVector a = FloatVector.broadcast(FloatVector.SPECIES_PREFERRED, A);
    FloatVector c = FloatVector.broadcast(FloatVector.SPECIES_PREFERRED, C);
    float[] lanes = MultiplyAdd.fma(a, a, c).toArray();
    for (float lane : lanes) {
      assertEquals(MultiplyAdd.fma(A, A, C), lane);
    }
  }

  @Test
  void everyDoubleLaneRoundsOnceWhenFusedAndTwiceWhenNot() {
    double a = 1 + 0x1p-27;
    double c = -(1 + 0x1p-26);
    DoubleVector va = DoubleVector.broadcast(DoubleVector.SPECIES_PREFERRED, a);
    DoubleVector vc = DoubleVector.broadcast(DoubleVector.SPECIES_PREFERRED, c);
    double expected = MultiplyAdd.FUSED ? 0x1p-54 : 0;
    for (double lane : MultiplyAdd.fma(va, va, vc).toArray()) {
      assertEquals(expected, lane);
    }
  }
}
