package dev.lamina.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;

/**
 * Relu and its gradient on the lanes' bits, with no compare, blend, min or max, for where those box
 * every vector: on x86 without AVX all of them ({@link LaneCompares}), and the float64 gradient
 * everywhere, since C2 compiles no float64 compare or blend in 128-bit vectors at any AVX level
 * (two-lane masks; seen on JDK 17 and 25). Shifts, subtractions and bitwise operations compile
 * everywhere. Elsewhere the kernels keep max and blend: the bit forms take seven lane operations
 * for max's one, and before C2 compiles them each costs an allocation (W4's cold first repeat 74 →
 * 128 µs per step). The results are the plain loops' bit for bit: relu(x) = max(x, +0) keeps a NaN
 * and turns −0 into +0, and the gradient passes g where y &gt; 0 and +0 elsewhere.
 */
final class ReluLanes {
  private static final int FLOAT_INFINITY = Float.floatToRawIntBits(Float.POSITIVE_INFINITY);
  private static final long DOUBLE_INFINITY = Double.doubleToRawLongBits(Double.POSITIVE_INFINITY);

  private ReluLanes() {}

  static FloatVector relu(FloatVector x) {
    IntVector bits = x.reinterpretAsInts();
    // all ones where the sign is clear, and where |x| is above infinity's bits, a NaN
    IntVector signClear = bits.lanewise(VectorOperators.ASHR, 31).not();
    IntVector nan =
        bits.and(Integer.MAX_VALUE).neg().add(FLOAT_INFINITY).lanewise(VectorOperators.ASHR, 31);
    return bits.and(signClear.or(nan)).reinterpretAsFloats();
  }

  static FloatVector gradient(FloatVector y, FloatVector g) {
    IntVector bits = y.reinterpretAsInts();
    // y > 0 exactly when its bits lie in [1, infinity's]: then neither y − 1 nor infinity − y
    // is negative (−0, whose bits are MIN_VALUE, makes the second wrap to negative)
    IntVector positive =
        bits.sub(1).or(bits.neg().add(FLOAT_INFINITY)).not().lanewise(VectorOperators.ASHR, 31);
    return g.reinterpretAsInts().and(positive).reinterpretAsFloats();
  }

  static DoubleVector relu(DoubleVector x) {
    LongVector bits = x.reinterpretAsLongs();
    LongVector signClear = bits.lanewise(VectorOperators.ASHR, 63).not();
    LongVector nan =
        bits.and(Long.MAX_VALUE).neg().add(DOUBLE_INFINITY).lanewise(VectorOperators.ASHR, 63);
    return bits.and(signClear.or(nan)).reinterpretAsDoubles();
  }

  static DoubleVector gradient(DoubleVector y, DoubleVector g) {
    LongVector bits = y.reinterpretAsLongs();
    LongVector positive =
        bits.sub(1).or(bits.neg().add(DOUBLE_INFINITY)).not().lanewise(VectorOperators.ASHR, 63);
    return g.reinterpretAsLongs().and(positive).reinterpretAsDoubles();
  }
}
