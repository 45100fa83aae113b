package dev.lamina.kernels;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The activations' loops in float lanes, with {@link VectorMath}'s exp, expm1 and tanh, for the
 * activations {@link #handles} says; the others run {@link Pointwise}'s plain loops. The last
 * partial vector goes through the same lanes (copied into a per-thread vector's worth of scratch),
 * so an element's bits never depend on where it sits in the array: a row predicts the same alone or
 * in any batch.
 */
// The backward loops share one signature (x, y, g, out) so that one dispatch calls any of
// them; each reads only what its derivative needs. The loops are found by name (loops(), at class
// initialization, so a renamed loop fails every test of this class).
@SuppressWarnings({"UnusedVariable", "UnusedMethod"})
final class VectorPointwise {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final float LEAKY = (float) Pointwise.LEAKY_SLOPE;
  private static final float SELU_SCALE = (float) Pointwise.SELU_SCALE;
  private static final float SELU_SCALED_ALPHA =
      (float) (Pointwise.SELU_SCALE * Pointwise.SELU_ALPHA);
  private static final float SQRT_HALF = (float) Pointwise.SQRT_HALF;
  private static final float INV_SQRT_2PI = (float) Pointwise.INV_SQRT_2PI;

  /** Read from maps, never constants to C2: see {@link #forwardRange}. */
  private static final Map<Pointwise, MethodHandle> FORWARD_LOOPS =
      loops(
          "Forward",
          MethodType.methodType(void.class, float[].class, float[].class, int.class, int.class));

  private static final Map<Pointwise, MethodHandle> BACKWARD_LOOPS =
      loops(
          "Backward",
          MethodType.methodType(
              void.class,
              float[].class,
              float[].class,
              float[].class,
              float[].class,
              int.class,
              int.class));

  /** Per thread: x, y, g and out of the last partial vector, one vector long each. */
  private static final ThreadLocal<float[][]> TAIL =
      ThreadLocal.withInitial(() -> new float[4][S.length()]);

  private VectorPointwise() {}

  static boolean handles(Pointwise f) {
    // every forward loop but relu's compares lanes, in its own code or in VectorMath's; relu's
    // loops compare or, where compares do not compile, work on the lanes' bits (ReluLanes)
    return switch (f) {
      case RELU -> LaneCompares.COMPILED || LaneBits.COMPILED;
      case SIGMOID, TANH, LEAKY_RELU, ELU, SELU, GELU, SWISH, EXPONENTIAL -> LaneCompares.COMPILED;
      default -> false;
    };
  }

  /** y[i] = f(x[i]) for i in [0, n), for an activation that {@link #handles(Pointwise)}. */
  static void forward(Pointwise f, float[] x, float[] y, int n) {
    int bound = S.loopBound(n);
    PointwiseSplit.forward(f, x, y, bound);
    if (bound < n) {
      float[][] t = TAIL.get();
      System.arraycopy(x, bound, t[0], 0, n - bound);
      forwardRange(f, t[0], t[1], 0, S.length());
      System.arraycopy(t[1], 0, y, bound, n - bound);
    }
  }

  /** out[i] = g[i]·f'(x[i]) for i in [0, n), for an activation that {@link #handles(Pointwise)}. */
  static void backward(Pointwise f, float[] x, float[] y, float[] g, float[] out, int n) {
    int bound = S.loopBound(n);
    PointwiseSplit.backward(f, x, y, g, out, bound);
    if (bound < n) {
      float[][] t = TAIL.get();
      if (x != null) {
        System.arraycopy(x, bound, t[0], 0, n - bound);
      }
      System.arraycopy(y, bound, t[1], 0, n - bound);
      System.arraycopy(g, bound, t[2], 0, n - bound);
      backwardRange(f, x == null ? null : t[0], t[1], t[2], t[3], 0, S.length());
      System.arraycopy(t[3], 0, out, bound, n - bound);
    }
  }

  // one small method per function: C2 keeps the vectors of a small loop in registers, while in
  // one big switch of loops (or with the function passed in as a value) it boxes them; within a
  // loop, exp comes first and no helper of ours follows it (see VectorMath). Each loop is called
  // through a method handle read from a map, which C2 cannot inline, so that every loop is
  // compiled on its own: inlined into a large caller (Gradients.propagate, compiled late in
  // training, reaches them through a dozen calls) its Vector API intrinsics failed and the loop
  // boxed every vector from then on (bench/RESULTS.md, W1-scaledtanh).
  static void forwardRange(Pointwise f, float[] x, float[] y, int from, int to) {
    try {
      loop(FORWARD_LOOPS, f).invokeExact(x, y, from, to);
    } catch (Throwable e) {
      throw rethrown(e);
    }
  }

  private static void reluForward(float[] x, float[] y, int from, int to) {
    int step = S.length();
    for (int i = from; i < to; i += step) {
      FloatVector v = FloatVector.fromArray(S, x, i);
      (LaneCompares.COMPILED ? v.max(0f) : ReluLanes.relu(v)).intoArray(y, i);
    }
  }

  private static void sigmoidForward(float[] x, float[] y, int from, int to) {
    int step = S.length();
    for (int i = from; i < to; i += step) {
      sigmoid(FloatVector.fromArray(S, x, i)).intoArray(y, i);
    }
  }

  private static void tanhForward(float[] x, float[] y, int from, int to) {
    int step = S.length();
    for (int i = from; i < to; i += step) {
      VectorMath.tanh(FloatVector.fromArray(S, x, i)).intoArray(y, i);
    }
  }

  private static void leakyReluForward(float[] x, float[] y, int from, int to) {
    int step = S.length();
    for (int i = from; i < to; i += step) {
      FloatVector v = FloatVector.fromArray(S, x, i);
      v.blend(v.mul(LEAKY), v.compare(VectorOperators.LE, 0f)).intoArray(y, i);
    }
  }

  private static void eluForward(float[] x, float[] y, int from, int to) {
    int step = S.length();
    for (int i = from; i < to; i += step) {
      FloatVector v = FloatVector.fromArray(S, x, i);
      VectorMath.expm1(v).blend(v, v.compare(VectorOperators.GT, 0f)).intoArray(y, i);
    }
  }

  private static void seluForward(float[] x, float[] y, int from, int to) {
    int step = S.length();
    for (int i = from; i < to; i += step) {
      FloatVector v = FloatVector.fromArray(S, x, i);
      VectorMath.expm1(v)
          .mul(SELU_SCALED_ALPHA)
          .blend(v.mul(SELU_SCALE), v.compare(VectorOperators.GT, 0f))
          .intoArray(y, i);
    }
  }

  private static void geluForward(float[] x, float[] y, int from, int to) {
    int step = S.length();
    double[] c = Pointwise.AS_COEFFICIENTS;
    for (int i = from; i < to; i += step) {
      FloatVector v = FloatVector.fromArray(S, x, i);
      // erf(|z|) = 1 − t·poly(t)·e^(−z²) by Pointwise.AS_COEFFICIENTS, z = x/√2
      FloatVector gaussian = VectorMath.exp(v.mul(v).mul(-0.5f));
      FloatVector z = v.abs().mul(SQRT_HALF);
      float asP = (float) Pointwise.AS_P;
      FloatVector denominator = MultiplyAdd.FUSED ? z.fma(asP, 1f) : z.mul(asP).add(1f);
      FloatVector t = FloatVector.broadcast(S, 1f).div(denominator);
      // Horner's scheme from the highest power down, a loop C2 unrolls (see VectorMath)
      FloatVector poly = FloatVector.broadcast(S, (float) c[c.length - 1]);
      for (int k = c.length - 2; k >= 0; k--) {
        float next = (float) c[k];
        poly =
            MultiplyAdd.FUSED ? poly.fma(t, FloatVector.broadcast(S, next)) : poly.mul(t).add(next);
      }
      FloatVector erf = t.mul(poly).mul(gaussian).neg().add(1f);
      erf = erf.blend(erf.neg(), v.compare(VectorOperators.LT, 0f));
      v.mul(0.5f).mul(erf.add(1f)).intoArray(y, i);
    }
  }

  private static void swishForward(float[] x, float[] y, int from, int to) {
    int step = S.length();
    for (int i = from; i < to; i += step) {
      FloatVector v = FloatVector.fromArray(S, x, i);
      v.mul(sigmoid(v)).intoArray(y, i);
    }
  }

  private static void exponentialForward(float[] x, float[] y, int from, int to) {
    int step = S.length();
    for (int i = from; i < to; i += step) {
      VectorMath.exp(FloatVector.fromArray(S, x, i)).intoArray(y, i);
    }
  }

  static void backwardRange(
      Pointwise f, float[] x, float[] y, float[] g, float[] out, int from, int to) {
    try {
      loop(BACKWARD_LOOPS, f).invokeExact(x, y, g, out, from, to);
    } catch (Throwable e) {
      throw rethrown(e);
    }
  }

  /** What a loop threw, for the caller to throw: unchecked as it was, anything else wrapped. */
  private static RuntimeException rethrown(Throwable e) {
    if (e instanceof Error error) {
      throw error;
    }
    return e instanceof RuntimeException r ? r : new IllegalStateException(e);
  }

  /** The loop of each function that {@link #handles}. */
  private static Map<Pointwise, MethodHandle> loops(String suffix, MethodType type) {
    MethodHandles.Lookup lookup = MethodHandles.lookup();
    Map<Pointwise, MethodHandle> loops = new EnumMap<>(Pointwise.class);
    for (Pointwise f : Pointwise.values()) {
      if (handles(f)) {
        try {
          loops.put(f, lookup.findStatic(VectorPointwise.class, loopName(f) + suffix, type));
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("no vector loop " + loopName(f) + suffix, e);
        }
      }
    }
    return loops;
  }

  private static MethodHandle loop(Map<Pointwise, MethodHandle> loops, Pointwise f) {
    MethodHandle loop = loops.get(f);
    if (loop == null) {
      throw new IllegalArgumentException("no vector loop for " + f);
    }
    return loop;
  }

  /** RELU → relu, LEAKY_RELU → leakyRelu: the loops' names before Forward or Backward. */
  private static String loopName(Pointwise f) {
    StringBuilder name = new StringBuilder();
    for (String word : f.name().toLowerCase(Locale.ROOT).split("_")) {
      name.append(
          name.length() == 0 ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
    }
    return name.toString();
  }

  private static void reluBackward(float[] x, float[] y, float[] g, float[] out, int from, int to) {
    int step = S.length();
    FloatVector zero = FloatVector.zero(S);
    for (int i = from; i < to; i += step) {
      FloatVector yi = FloatVector.fromArray(S, y, i);
      FloatVector gi = FloatVector.fromArray(S, g, i);
      (LaneCompares.COMPILED
              ? zero.blend(gi, yi.compare(VectorOperators.GT, 0f))
              : ReluLanes.gradient(yi, gi))
          .intoArray(out, i);
    }
  }

  private static void sigmoidBackward(
      float[] x, float[] y, float[] g, float[] out, int from, int to) {
    int step = S.length();
    for (int i = from; i < to; i += step) {
      FloatVector v = FloatVector.fromArray(S, y, i);
      FloatVector.fromArray(S, g, i).mul(v.mul(v.neg().add(1f))).intoArray(out, i);
    }
  }

  private static void tanhBackward(float[] x, float[] y, float[] g, float[] out, int from, int to) {
    int step = S.length();
    for (int i = from; i < to; i += step) {
      FloatVector v = FloatVector.fromArray(S, y, i);
      FloatVector d = FloatVector.fromArray(S, g, i);
      d.sub(d.mul(v).mul(v)).intoArray(out, i);
    }
  }

  private static void leakyReluBackward(
      float[] x, float[] y, float[] g, float[] out, int from, int to) {
    int step = S.length();
    for (int i = from; i < to; i += step) {
      FloatVector d = FloatVector.fromArray(S, g, i);
      d.mul(LEAKY)
          .blend(d, FloatVector.fromArray(S, y, i).compare(VectorOperators.GT, 0f))
          .intoArray(out, i);
    }
  }

  private static void eluBackward(float[] x, float[] y, float[] g, float[] out, int from, int to) {
    int step = S.length();
    for (int i = from; i < to; i += step) {
      FloatVector v = FloatVector.fromArray(S, y, i);
      FloatVector d = FloatVector.fromArray(S, g, i);
      d.mul(v.add(1f))
          .blend(d, FloatVector.fromArray(S, y, i).compare(VectorOperators.GT, 0f))
          .intoArray(out, i);
    }
  }

  private static void seluBackward(float[] x, float[] y, float[] g, float[] out, int from, int to) {
    int step = S.length();
    for (int i = from; i < to; i += step) {
      FloatVector v = FloatVector.fromArray(S, y, i);
      FloatVector d = FloatVector.fromArray(S, g, i);
      d.mul(v.add(SELU_SCALED_ALPHA))
          .blend(d.mul(SELU_SCALE), FloatVector.fromArray(S, y, i).compare(VectorOperators.GT, 0f))
          .intoArray(out, i);
    }
  }

  private static void geluBackward(float[] x, float[] y, float[] g, float[] out, int from, int to) {
    int step = S.length();
    for (int i = from; i < to; i += step) {
      FloatVector v = FloatVector.fromArray(S, x, i);
      FloatVector density = VectorMath.exp(v.mul(v).mul(-0.5f)).mul(INV_SQRT_2PI);
      // Φ(x) = y / x, and 1/2 at x = 0
      FloatVector cdf =
          FloatVector.fromArray(S, y, i).div(v).blend(0.5f, v.compare(VectorOperators.EQ, 0f));
      FloatVector slope = MultiplyAdd.FUSED ? v.fma(density, cdf) : v.mul(density).add(cdf);
      FloatVector.fromArray(S, g, i).mul(slope).intoArray(out, i);
    }
  }

  private static void swishBackward(
      float[] x, float[] y, float[] g, float[] out, int from, int to) {
    int step = S.length();
    for (int i = from; i < to; i += step) {
      FloatVector v = FloatVector.fromArray(S, x, i);
      FloatVector s = sigmoid(v);
      FloatVector.fromArray(S, g, i).mul(v.mul(s).mul(s.neg().add(1f)).add(s)).intoArray(out, i);
    }
  }

  private static void exponentialBackward(
      float[] x, float[] y, float[] g, float[] out, int from, int to) {
    int step = S.length();
    for (int i = from; i < to; i += step) {
      FloatVector.fromArray(S, g, i).mul(FloatVector.fromArray(S, y, i)).intoArray(out, i);
    }
  }

  /** 1 / (1 + e^(−v)); e^(−v) overflows to ∞ only where the result rounds to 0 anyway. */
  private static FloatVector sigmoid(FloatVector v) {
    return FloatVector.broadcast(S, 1f).div(VectorMath.exp(v.neg()).add(1f));
  }
}
