package dev.lamina;

import java.util.List;

/** Runs the elementwise primitives and records their backward rules. */
final class Elementwise {
  private Elementwise() {}

  static Tensor unary(UnaryOp op, Tensor x) {
    Tensor y = op.forward(x);
    if (!op.differentiable) {
      return y;
    }
    return y.recorded(op.label, g -> List.of(op.backward(g, x, y)), x);
  }

  static Tensor binary(BinaryOp op, Tensor first, Tensor second) {
    Tensor a = promoted(first, second);
    Tensor b = promoted(second, first);
    Broadcast plan = Broadcast.of(op.label, a.shape, b.shape);
    int size = Axis.product(plan.shape);
    Tensor out;
    if (a.floats != null) {
      float[] values = new float[size];
      op.forward(plan, a.floats, b.floats, values);
      out = Tensor.raw(plan.shape, values);
    } else {
      double[] values = new double[size];
      op.forward(plan, a.doubles, b.doubles, values);
      out = Tensor.raw(plan.shape, values);
    }
    if (!op.differentiable) {
      return out;
    }
    return out.recorded(
        op.label,
        g -> {
          Tensor[] grads = op.gradients(g, a, b, out);
          return List.of(Broadcast.sumTo(grads[0], a.shape), Broadcast.sumTo(grads[1], b.shape));
        },
        a,
        b);
  }

  static Tensor where(Tensor condition, Tensor first, Tensor second) {
    Tensor a = promoted(first, second);
    Tensor b = promoted(second, first);
    int[] shape =
        Broadcast.shape("where", Broadcast.shape("where", condition.shape, a.shape), b.shape);
    Tensor mask = Broadcast.expand(condition, shape).notEqual(Tensor.scalar(condition.dtype, 0));
    Tensor ea = Broadcast.expand(a, shape);
    Tensor eb = Broadcast.expand(b, shape);
    Tensor out;
    if (a.floats != null) {
      float[] values = new float[Axis.product(shape)];
      for (int i = 0; i < values.length; i++) {
        values[i] = mask.at(i) != 0 ? ea.floats[i] : eb.floats[i];
      }
      out = Tensor.raw(shape, values);
    } else {
      double[] values = new double[Axis.product(shape)];
      for (int i = 0; i < values.length; i++) {
        values[i] = mask.at(i) != 0 ? ea.doubles[i] : eb.doubles[i];
      }
      out = Tensor.raw(shape, values);
    }
    return out.recorded(
        "where",
        g -> {
          Tensor ga = g.mul(mask);
          return List.of(Broadcast.sumTo(ga, a.shape), Broadcast.sumTo(g.sub(ga), b.shape));
        },
        a,
        b);
  }

  static Tensor clip(Tensor x, double low, double high) {
    if (!(low <= high)) {
      throw new IllegalArgumentException("clip: low " + low + " must not exceed high " + high);
    }
    Tensor y;
    if (x.floats != null) {
      float[] values = new float[x.floats.length];
      for (int i = 0; i < values.length; i++) {
        values[i] = (float) clamp(x.floats[i], low, high);
      }
      y = Tensor.raw(x.shape, values);
    } else {
      double[] values = new double[x.doubles.length];
      for (int i = 0; i < values.length; i++) {
        values[i] = clamp(x.doubles[i], low, high);
      }
      y = Tensor.raw(x.shape, values);
    }
    Tensor inside =
        x.greaterEqual(Tensor.scalar(x.dtype, low)).mul(x.lessEqual(Tensor.scalar(x.dtype, high)));
    return y.recorded("clip", g -> List.of(g.mul(inside)), x);
  }

  static Tensor cast(Tensor x, DType target) {
    if (x.dtype == target) {
      return x;
    }
    Tensor y;
    if (target == DType.FLOAT64) {
      double[] values = new double[x.floats.length];
      for (int i = 0; i < values.length; i++) {
        values[i] = x.floats[i];
      }
      y = Tensor.raw(x.shape, values);
    } else {
      float[] values = new float[x.doubles.length];
      for (int i = 0; i < values.length; i++) {
        values[i] = (float) x.doubles[i];
      }
      y = Tensor.raw(x.shape, values);
    }
    DType source = x.dtype;
    return y.recorded("to" + target, g -> List.of(g.to(source)), x);
  }

  /** {@code t}, converted to float64 when its partner is float64: NumPy's type promotion. */
  static Tensor promoted(Tensor t, Tensor partner) {
    return t.dtype == DType.FLOAT32 && partner.dtype == DType.FLOAT64 ? t.to(DType.FLOAT64) : t;
  }

  private static double clamp(double v, double low, double high) {
    return v < low ? low : v > high ? high : v;
  }
}
