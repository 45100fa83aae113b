package dev.lamina;

import java.util.Arrays;
import java.util.List;

/** Runs the elementwise primitives and records their backward rules. */
final class Elementwise {
  private Elementwise() {}

  static Tensor unary(UnaryOp op, Tensor x) {
    Tensor hit = Workspace.reuse(op, x, null, null, 0, null);
    if (hit != null) {
      op.forward(x, hit);
      return hit;
    }
    Tensor y =
        x.floats != null
            ? Storage.raw(x.shape, new float[x.floats.length])
            : Storage.raw(x.shape, new double[x.doubles.length]);
    op.forward(x, y);
    if (!op.differentiable) {
      return Workspace.remember(y);
    }
    return Workspace.remember(GradFn.record(y, op.label, g -> List.of(op.backward(g, x, y)), x));
  }

  static Tensor binary(BinaryOp op, Tensor first, Tensor second) {
    Tensor a = promoted(first, second);
    Tensor b = promoted(second, first);
    Tensor hit = Workspace.reuse(op, a, b, null, 0, null);
    if (hit != null) {
      forward(op, (Broadcast) Workspace.state(), a, b, hit);
      return hit;
    }
    Broadcast plan = Broadcast.of(op.label, a.shape, b.shape);
    int size = Axis.product(plan.shape);
    Tensor out =
        a.floats != null
            ? Storage.raw(plan.shape, new float[size])
            : Storage.raw(plan.shape, new double[size]);
    forward(op, plan, a, b, out);
    if (!op.differentiable) {
      return Workspace.remember(out, plan);
    }
    return Workspace.remember(recordedBinary(op, a, b, out), plan);
  }

  private static void forward(BinaryOp op, Broadcast plan, Tensor a, Tensor b, Tensor out) {
    if (a.floats != null) {
      op.forward(plan, a.floats, b.floats, out.floats);
    } else {
      op.forward(plan, a.doubles, b.doubles, out.doubles);
    }
  }

  private static Tensor recordedBinary(BinaryOp op, Tensor a, Tensor b, Tensor out) {
    // one array and list per recorded node, rewritten by each backward pass
    Tensor[] grads = new Tensor[2];
    List<Tensor> gradList = Arrays.asList(grads);
    SelectiveRule rule =
        (g, wanted) -> {
          op.gradients(g, a, b, out, (wanted & 1) != 0, (wanted & 2) != 0, grads);
          grads[0] = grads[0] == null ? null : Broadcast.sumTo(grads[0], a.shape);
          grads[1] = grads[1] == null ? null : Broadcast.sumTo(grads[1], b.shape);
          return gradList;
        };
    return GradFn.record(out, op.label, rule, a, b);
  }

  static Tensor where(Tensor condition, Tensor first, Tensor second) {
    Tensor a = promoted(first, second);
    Tensor b = promoted(second, first);
    int[] shape =
        Broadcast.shape("where", Broadcast.shape("where", condition.shape, a.shape), b.shape);
    Tensor mask = Broadcast.expand(condition, shape).notEqual(Tensor.scalar(condition.dtype, 0));
    Tensor ea = Broadcast.expand(a, shape);
    Tensor eb = Broadcast.expand(b, shape);
    Tensor hit = Workspace.reuse("where", mask, ea, eb, 0, null);
    if (hit != null) {
      select(mask, ea, eb, hit);
      return hit;
    }
    Tensor out =
        a.floats != null
            ? Storage.raw(shape, new float[Axis.product(shape)])
            : Storage.raw(shape, new double[Axis.product(shape)]);
    select(mask, ea, eb, out);
    return Workspace.remember(
        GradFn.record(
            out,
            "where",
            g -> {
              Tensor ga = g.mul(mask);
              return List.of(Broadcast.sumTo(ga, a.shape), Broadcast.sumTo(g.sub(ga), b.shape));
            },
            a,
            b));
  }

  private static void select(Tensor mask, Tensor a, Tensor b, Tensor out) {
    if (out.floats != null) {
      for (int i = 0; i < out.floats.length; i++) {
        out.floats[i] = mask.at(i) != 0 ? a.floats[i] : b.floats[i];
      }
    } else {
      for (int i = 0; i < out.doubles.length; i++) {
        out.doubles[i] = mask.at(i) != 0 ? a.doubles[i] : b.doubles[i];
      }
    }
  }

  static Tensor clip(Tensor x, double low, double high) {
    if (!(low <= high)) {
      throw new IllegalArgumentException("clip: low " + low + " must not exceed high " + high);
    }
    Tensor inside =
        x.greaterEqual(Tensor.scalar(x.dtype, low)).mul(x.lessEqual(Tensor.scalar(x.dtype, high)));
    Tensor hit = Workspace.reuse("clip", x, inside, null, 0, null);
    if (hit != null) {
      clamp(x, low, high, hit);
      return hit;
    }
    Tensor y =
        x.floats != null
            ? Storage.raw(x.shape, new float[x.floats.length])
            : Storage.raw(x.shape, new double[x.doubles.length]);
    clamp(x, low, high, y);
    return Workspace.remember(GradFn.record(y, "clip", g -> List.of(g.mul(inside)), x));
  }

  private static void clamp(Tensor x, double low, double high, Tensor out) {
    if (x.floats != null) {
      for (int i = 0; i < x.floats.length; i++) {
        out.floats[i] = (float) clamp(x.floats[i], low, high);
      }
    } else {
      for (int i = 0; i < x.doubles.length; i++) {
        out.doubles[i] = clamp(x.doubles[i], low, high);
      }
    }
  }

  static Tensor cast(Tensor x, DType target) {
    if (x.dtype == target) {
      return x;
    }
    Tensor hit = Workspace.reuse(target, x, null, null, 0, null);
    if (hit != null) {
      convert(x, hit);
      return hit;
    }
    Tensor y =
        target == DType.FLOAT64
            ? Storage.raw(x.shape, new double[x.floats.length])
            : Storage.raw(x.shape, new float[x.doubles.length]);
    convert(x, y);
    DType source = x.dtype;
    return Workspace.remember(GradFn.record(y, "to" + target, g -> List.of(g.to(source)), x));
  }

  private static void convert(Tensor x, Tensor out) {
    if (out.doubles != null) {
      for (int i = 0; i < out.doubles.length; i++) {
        out.doubles[i] = x.floats[i];
      }
    } else {
      for (int i = 0; i < out.floats.length; i++) {
        out.floats[i] = (float) x.doubles[i];
      }
    }
  }

  /** {@code t}, converted to float64 when its partner is float64: NumPy's type promotion. */
  static Tensor promoted(Tensor t, Tensor partner) {
    return t.dtype == DType.FLOAT32 && partner.dtype == DType.FLOAT64 ? t.to(DType.FLOAT64) : t;
  }

  private static double clamp(double v, double low, double high) {
    return v < low ? low : v > high ? high : v;
  }
}
