package dev.lamina.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.lamina.kernels.internal.KernelThreads;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Elementwise operations over arrays large enough to be split over the kernel threads, at offsets
 * and with a partial last vector, give the plain loops' bits with one, two and three threads.
 */
class ElementwiseSplitTest {
  private static final int N = 100_003;
  private final int threadsBefore = KernelThreads.count();

  @AfterEach
  void restoreThreads() {
    KernelThreads.setCount(threadsBefore);
  }

  @ParameterizedTest
  @EnumSource(ElementwiseSplit.Op.class)
  void givesThePlainBitsAtAnyThreadCount(ElementwiseSplit.Op op) {
    Random random = new Random(op.name().hashCode());
    float[] a = new float[N + 3];
    float[] b = new float[N + 5];
    for (int i = 0; i < a.length; i++) {
      a[i] = (float) random.nextGaussian();
    }
    for (int i = 0; i < b.length; i++) {
      b[i] = (float) random.nextGaussian();
    }
    float[] expected = run(Kernels.plain(), op, a, b);
    for (int threads = 1; threads <= 3; threads++) {
      KernelThreads.setCount(threads);
      assertArrayEquals(expected, run(Kernels.get(), op, a, b), op + ", " + threads + " threads");
    }
  }

  private static float[] run(Kernels k, ElementwiseSplit.Op op, float[] a, float[] b) {
    float[] out = new float[N + 4];
    switch (op) {
      case ADD -> k.add(a, 3, b, 5, out, 1, N);
      case SUB -> k.sub(a, 3, b, 5, out, 1, N);
      case MUL -> k.mul(a, 3, b, 5, out, 1, N);
      case DIV -> k.div(a, 3, b, 5, out, 1, N);
      case SCALE -> k.scale(-1.7f, a, 3, out, 1, N);
      case DIVIDE_THEN_MULTIPLY -> k.divideThenMultiply(a, 3, 0.7f, b, 5, out, 1, N);
      case MULTIPLY_THEN_DIVIDE -> k.multiplyThenDivide(a, 3, b, 5, 0.7f, out, 1, N);
    }
    return out;
  }
}
