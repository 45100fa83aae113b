package dev.lamina.kernels;

import dev.lamina.kernels.internal.KernelThreads;
import java.lang.invoke.MethodHandles;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Kernels on the Vector API: blocked GEMM ({@link VectorGemm}) and elementwise and reduction loops
 * over whole vectors, finishing the last partial vector in plain Java. Loaded by {@link
 * KernelSelection} only when the {@code jdk.incubator.vector} module is present.
 */
final class VectorKernels implements Kernels {
  static final VectorKernels INSTANCE = new VectorKernels();
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
  private static final PlainKernels TAIL = PlainKernels.INSTANCE;

  /** Room for one vector's lanes per thread, for {@link #sumInLaneOrder}. */
  private static final ThreadLocal<float[]> LANES =
      ThreadLocal.withInitial(() -> new float[S.length()]);

  /** Adam updates at least this long are split over the kernel threads. */
  static final int ADAM_PARALLEL_MIN = 1 << 17;

  private VectorKernels() {}

  @Override
  public String name() {
    return "vector";
  }

  /** The GEMM micro-kernels' static initializers make the short calls that get them compiled. */
  @Override
  public void warmUp() {
    MethodHandles.Lookup lookup = MethodHandles.lookup();
    try {
      lookup.ensureInitialized(GemmPackedKernel.class);
      lookup.ensureInitialized(GemmMicroKernel.class);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("the GEMM kernels are in this package", e);
    }
  }

  @Override
  public void gemm(
      boolean transA,
      boolean transB,
      int m,
      int n,
      int k,
      float[] a,
      int aOffset,
      float[] b,
      int bOffset,
      float[] c,
      int cOffset,
      boolean accumulate) {
    GemmArguments.check(transA, transB, m, n, k, a, aOffset, b, bOffset, c, cOffset);
    if (ThinGemm.takes(transA, transB, m, n, k)) {
      ThinGemm.gemm(transA, m, n, k, a, aOffset, b, bOffset, c, cOffset, accumulate);
      return;
    }
    VectorGemm.INSTANCE.gemm(
        transA, transB, m, n, k, a, aOffset, b, bOffset, c, cOffset, accumulate);
  }

  @Override
  public void gemm(
      boolean transA,
      boolean transB,
      int m,
      int n,
      int k,
      double[] a,
      int aOffset,
      double[] b,
      int bOffset,
      double[] c,
      int cOffset,
      boolean accumulate) {
    GemmArguments.check(transA, transB, m, n, k, a, aOffset, b, bOffset, c, cOffset);
    DoubleGemm.INSTANCE.gemm(
        transA, transB, m, n, k, a, aOffset, b, bOffset, c, cOffset, accumulate);
  }

  @Override
  public void add(
      float[] a, int aOffset, float[] b, int bOffset, float[] out, int outOffset, int n) {
    ElementwiseSplit.run(ElementwiseSplit.Op.ADD, 0f, a, aOffset, b, bOffset, out, outOffset, n);
  }

  @Override
  public void sub(
      float[] a, int aOffset, float[] b, int bOffset, float[] out, int outOffset, int n) {
    ElementwiseSplit.run(ElementwiseSplit.Op.SUB, 0f, a, aOffset, b, bOffset, out, outOffset, n);
  }

  @Override
  public void mul(
      float[] a, int aOffset, float[] b, int bOffset, float[] out, int outOffset, int n) {
    ElementwiseSplit.run(ElementwiseSplit.Op.MUL, 0f, a, aOffset, b, bOffset, out, outOffset, n);
  }

  @Override
  public void div(
      float[] a, int aOffset, float[] b, int bOffset, float[] out, int outOffset, int n) {
    ElementwiseSplit.run(ElementwiseSplit.Op.DIV, 0f, a, aOffset, b, bOffset, out, outOffset, n);
  }

  @Override
  public void addRow(
      float[] a,
      int aOffset,
      float[] row,
      int rowOffset,
      float[] out,
      int outOffset,
      int rows,
      int cols) {
    AddRowSplit.run(a, aOffset, row, rowOffset, out, outOffset, rows, cols);
  }

  /** Rows [from, to) of {@link #addRow}. */
  static void addRowRange(
      float[] a,
      int aOffset,
      float[] row,
      int rowOffset,
      float[] out,
      int outOffset,
      int cols,
      int from,
      int to) {
    for (int r = from; r < to; r++) {
      INSTANCE.add(a, aOffset + r * cols, row, rowOffset, out, outOffset + r * cols, cols);
    }
  }

  /**
   * Sums down the rows in registers, two vectors of columns at a time, in row order as the
   * definition does (the same bits as adding row after row into out).
   */
  @Override
  public void sumColumns(float[] a, int aOffset, int rows, int cols, float[] out, int outOffset) {
    SumColumnsSplit.run(a, aOffset, rows, cols, out, outOffset);
  }

  @Override
  public void divideThenMultiply(
      float[] a,
      int aOffset,
      float divisor,
      float[] b,
      int bOffset,
      float[] out,
      int outOffset,
      int n) {
    ElementwiseSplit.run(
        ElementwiseSplit.Op.DIVIDE_THEN_MULTIPLY,
        divisor,
        a,
        aOffset,
        b,
        bOffset,
        out,
        outOffset,
        n);
  }

  @Override
  public void multiplyThenDivide(
      float[] a,
      int aOffset,
      float[] b,
      int bOffset,
      float divisor,
      float[] out,
      int outOffset,
      int n) {
    ElementwiseSplit.run(
        ElementwiseSplit.Op.MULTIPLY_THEN_DIVIDE,
        divisor,
        a,
        aOffset,
        b,
        bOffset,
        out,
        outOffset,
        n);
  }

  @Override
  public void scale(float alpha, float[] a, int aOffset, float[] out, int outOffset, int n) {
    ElementwiseSplit.run(ElementwiseSplit.Op.SCALE, alpha, a, aOffset, null, 0, out, outOffset, n);
  }

  @Override
  public float scaleAndDot(
      float alpha,
      float[] g,
      int gOffset,
      float[] x,
      int xOffset,
      float[] out,
      int outOffset,
      int n) {
    return ScaleAndDotSplit.run(alpha, g, gOffset, x, xOffset, out, outOffset, n);
  }

  @Override
  public void axpy(float alpha, float[] x, int xOffset, float[] y, int yOffset, int n) {
    int i = 0;
    FloatVector factor = FloatVector.broadcast(S, alpha);
    for (int bound = S.loopBound(n); i < bound; i += S.length()) {
      FloatVector yi = FloatVector.fromArray(S, y, yOffset + i);
      MultiplyAdd.fma(FloatVector.fromArray(S, x, xOffset + i), factor, yi)
          .intoArray(y, yOffset + i);
    }
    TAIL.axpy(alpha, x, xOffset + i, y, yOffset + i, n - i);
  }

  @Override
  public void pointwise(Pointwise f, float[] x, float[] y, int n) {
    if (VectorPointwise.handles(f)) {
      VectorPointwise.forward(f, x, y, n);
    } else {
      f.forward(x, y, 0, n);
    }
  }

  @Override
  public void pointwiseBackward(Pointwise f, float[] x, float[] y, float[] g, float[] out, int n) {
    if (VectorPointwise.handles(f)) {
      VectorPointwise.backward(f, x, y, g, out, n);
    } else {
      f.backward(x, y, g, out, 0, n);
    }
  }

  @Override
  public float sum(float[] a, int offset, int n) {
    int i = 0;
    FloatVector total = FloatVector.zero(S);
    for (int bound = S.loopBound(n); i < bound; i += S.length()) {
      // the running total as the argument, as in max
      total = FloatVector.fromArray(S, a, offset + i).add(total);
    }
    float[] lanes = laneRoom();
    total.intoArray(lanes, 0);
    return sumInLaneOrder(lanes) + TAIL.sum(a, offset + i, n - i);
  }

  @Override
  public float dot(float[] a, int aOffset, float[] b, int bOffset, int n) {
    int i = 0;
    FloatVector total = FloatVector.zero(S);
    for (int bound = S.loopBound(n); i < bound; i += S.length()) {
      FloatVector ai = FloatVector.fromArray(S, a, aOffset + i);
      total = MultiplyAdd.fma(ai, FloatVector.fromArray(S, b, bOffset + i), total);
    }
    float[] lanes = laneRoom();
    total.intoArray(lanes, 0);
    return sumInLaneOrder(lanes) + TAIL.dot(a, aOffset + i, b, bOffset + i, n - i);
  }

  /**
   * This thread's room for one vector's lanes, which {@link #sumInLaneOrder} adds. A kernel stores
   * its vector there itself ({@code v.intoArray(lanes, 0)}) rather than pass it to a helper or read
   * it with {@code lane(i)}: after a long loop C2 may leave such a call uninlined (JDK 21 does for
   * {@code lane}'s own helper: a call site too rare beside the loop) and then boxes the vector on
   * every call (48 bytes per 4,096-value block of the split scale-and-dot at 128 bits). A store
   * compiles on every CPU, HotSpot 17's SVE included.
   */
  static float[] laneRoom() {
    return LANES.get();
  }

  /**
   * The lanes stored in {@code lanes} added first to last. {@code reduceLanes(ADD)} leaves the
   * order open: its interpreted form and C2's intrinsic add in different orders, so a float sum
   * would depend on when the JIT compiled it (seen as History values that differed between runs on
   * JDK 25).
   */
  static float sumInLaneOrder(float[] lanes) {
    float total = 0;
    for (float lane : lanes) {
      total += lane;
    }
    return total;
  }

  @Override
  public float max(float[] a, int offset, int n) {
    if (!LaneCompares.COMPILED) {
      return TAIL.max(a, offset, n);
    }
    int i = 0;
    FloatVector lowest = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY);
    FloatVector best = lowest;
    for (int bound = S.loopBound(n); i < bound; i += S.length()) {
      // the loaded vector is the receiver, the running maximum the argument: C2 learns a loaded
      // vector's class from this method's own profile of returned types (tools/vector-flags), a
      // loop-carried one's only from the receiver profile of the Vector API's helper, which a long
      // compile queue can leave empty (seen in CI, and in 3 of 60 JVMs started four at a time on
      // two cores), and then every vector is boxed
      best = FloatVector.fromArray(S, a, offset + i).lanewise(VectorOperators.MAX, best);
    }
    // the same for the reduction: a vector of known class (not a loop's) takes the maximum first
    float vectorMaximum =
        lowest.lanewise(VectorOperators.MAX, best).reduceLanes(VectorOperators.MAX);
    return Math.max(vectorMaximum, TAIL.max(a, offset + i, n - i));
  }

  @Override
  public void windowMaximum(
      float[] values, int[] starts, int count, float[] maxima, int[] positions, int to, int n) {
    int j = 0;
    if (count > 0 && LaneCompares.COMPILED) {
      // each vector of channels is read once per pixel and written once. The winning window row
      // rides in float lanes as its int's bits, chosen by the float mask: on JDK 17 a mask cast to
      // int lanes is plain Java, off the heap only where escape analysis sees all of it, and it
      // boxed every vector in 2 of 3 test JVMs held to AVX2
      for (int bound = S.loopBound(n); j < bound; j += S.length()) {
        FloatVector best = FloatVector.fromArray(S, values, starts[0] + j);
        FloatVector row = FloatVector.zero(S);
        for (int r = 1; r < count; r++) {
          FloatVector value = FloatVector.fromArray(S, values, starts[r] + j);
          VectorMask<Float> take =
              value
                  .compare(VectorOperators.GT, best)
                  .or(value.test(VectorOperators.IS_NAN).andNot(best.test(VectorOperators.IS_NAN)));
          best = best.blend(value, take);
          row = row.blend(Float.intBitsToFloat(r), take);
        }
        best.intoArray(maxima, to + j);
        row.reinterpretAsInts().intoArray(positions, to + j);
        for (int lane = 0; lane < S.length(); lane++) {
          int at = to + j + lane;
          positions[at] = starts[positions[at]] + j + lane;
        }
      }
    }
    PlainKernels.windowMaximum(values, starts, count, maxima, positions, to, j, n);
  }

  @Override
  public void sumSquaredDeviations(float[] a, int rows, int cols, float[] center, float[] out) {
    VectorNormalization.sumSquaredDeviations(a, rows, cols, center, out);
  }

  @Override
  public void sumColumnProducts(float[] a, float[] b, int rows, int cols, float[] out) {
    VectorNormalization.sumColumnProducts(a, b, rows, cols, out);
  }

  @Override
  public void batchNormForward(
      float[] a,
      int rows,
      int cols,
      float[] mean,
      float[] inverseStd,
      float[] gamma,
      float[] beta,
      float[] normalized,
      float[] out) {
    NormalizationSplit.forward(a, rows, cols, mean, inverseStd, gamma, beta, normalized, out);
  }

  @Override
  public void batchNormBackward(
      float[] grad,
      float[] normalized,
      int rows,
      int cols,
      float[] factor,
      float[] sumGrad,
      float[] sumGradNormalized,
      float[] out) {
    NormalizationSplit.backward(
        grad, normalized, rows, cols, factor, sumGrad, sumGradNormalized, out);
  }

  @Override
  public void bernoulliMask(long state, double probability, float[] mask, int offset, int n) {
    VectorMasks.bernoulliMask(state, probability, mask, offset, n);
  }

  @Override
  public void adam(
      float[] w,
      float[] g,
      float[] m,
      float[] v,
      int offset,
      int n,
      float alpha,
      float oneMinusBeta1,
      float oneMinusBeta2,
      float epsilon) {
    int parts = adamParts(n);
    if (parts == 1) {
      VectorAdam.range(w, g, m, v, offset, n, alpha, oneMinusBeta1, oneMinusBeta2, epsilon);
      return;
    }
    AdamSplit.run(w, g, m, v, offset, n, alpha, oneMinusBeta1, oneMinusBeta2, epsilon, parts);
  }

  /**
   * The parts an update of n elements splits into, 1 for a short one: a large update streams four
   * arrays and is bound by one core's memory traffic.
   */
  private static int adamParts(int n) {
    return n < ADAM_PARALLEL_MIN ? 1 : KernelThreads.count();
  }

  /**
   * Relu, the hidden layers' usual activation, in vectors where lanes' bits move (LaneBits, as its
   * gradient needs); the others by Pointwise's formulas.
   */
  @Override
  public void pointwise(Pointwise f, double[] x, double[] y, int n) {
    if (f != Pointwise.RELU || !LaneBits.COMPILED) {
      TAIL.pointwise(f, x, y, n);
      return;
    }
    DoubleVector zero = DoubleVector.zero(D);
    int i = 0;
    for (int bound = D.loopBound(n); i < bound; i += D.length()) {
      DoubleVector v = DoubleVector.fromArray(D, x, i);
      (LaneCompares.COMPILED ? v.max(zero) : ReluLanes.relu(v)).intoArray(y, i);
    }
    for (; i < n; i++) {
      y[i] = Math.max(x[i], 0.0);
    }
  }

  /**
   * Relu's gradient in vectors on the lanes' bits (ReluLanes) where they move (LaneBits), as the
   * float32 loop: g where y > 0, else +0.
   */
  @Override
  public void pointwiseBackward(
      Pointwise f, double[] x, double[] y, double[] g, double[] out, int n) {
    if (f != Pointwise.RELU || !LaneBits.COMPILED) {
      TAIL.pointwiseBackward(f, x, y, g, out, n);
      return;
    }
    int i = 0;
    for (int bound = D.loopBound(n); i < bound; i += D.length()) {
      ReluLanes.gradient(DoubleVector.fromArray(D, y, i), DoubleVector.fromArray(D, g, i))
          .intoArray(out, i);
    }
    for (; i < n; i++) {
      out[i] = y[i] > 0 ? g[i] : 0;
    }
  }

  @Override
  public void adam(
      double[] w,
      double[] g,
      double[] m,
      double[] v,
      int offset,
      int n,
      double alpha,
      double oneMinusBeta1,
      double oneMinusBeta2,
      double epsilon) {
    int parts = adamParts(n);
    if (parts == 1) {
      VectorAdam.range(w, g, m, v, offset, n, alpha, oneMinusBeta1, oneMinusBeta2, epsilon);
      return;
    }
    AdamSplit.run(w, g, m, v, offset, n, alpha, oneMinusBeta1, oneMinusBeta2, epsilon, parts);
  }
}
