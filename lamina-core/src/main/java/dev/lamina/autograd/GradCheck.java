package dev.lamina.autograd;

import dev.lamina.DType;
import dev.lamina.Gradients;
import dev.lamina.NoGrad;
import dev.lamina.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Compares automatic gradients with central differences in float64, for checking custom operations
 * and layers. The function maps the inputs to a scalar; inputs are converted to float64 first. An
 * element passes when |analytic − numeric| ≤ atol + rtol·|numeric| (defaults as PyTorch's
 * gradcheck: epsilon 1e-6, atol 1e-5, rtol 1e-3).
 *
 * <pre>{@code
 * new GradCheck().check(in -> in.get(0).matmul(in.get(1)).tanh().sum(), List.of(x, w));
 * }</pre>
 */
public final class GradCheck {
  private double epsilon = 1e-6;
  private double absoluteTolerance = 1e-5;
  private double relativeTolerance = 1e-3;
  private int elementsPerInput = Integer.MAX_VALUE;
  private long seed;

  /** The step of the central difference. */
  public GradCheck epsilon(double epsilon) {
    if (!(epsilon > 0)) {
      throw new IllegalArgumentException("GradCheck.epsilon: must be > 0, got " + epsilon);
    }
    this.epsilon = epsilon;
    return this;
  }

  public GradCheck absoluteTolerance(double atol) {
    if (!(atol >= 0)) {
      throw new IllegalArgumentException("GradCheck.absoluteTolerance: must be >= 0, got " + atol);
    }
    this.absoluteTolerance = atol;
    return this;
  }

  public GradCheck relativeTolerance(double rtol) {
    if (!(rtol >= 0)) {
      throw new IllegalArgumentException("GradCheck.relativeTolerance: must be >= 0, got " + rtol);
    }
    this.relativeTolerance = rtol;
    return this;
  }

  /**
   * Checks at most {@code count} elements of each input, drawn with {@code seed}, instead of all:
   * each element costs two evaluations of the function, too many for a large weight matrix.
   */
  public GradCheck sampleElements(int count, long seed) {
    if (count < 1) {
      throw new IllegalArgumentException(
          "GradCheck.sampleElements: count must be >= 1, got " + count);
    }
    this.elementsPerInput = count;
    this.seed = seed;
    return this;
  }

  /** Runs the comparison and throws {@link GradientCheckException} if any element disagrees. */
  public GradCheckReport check(Function<List<Tensor>, Tensor> function, List<Tensor> inputs) {
    GradCheckReport report = compare(function, inputs);
    if (!report.passed()) {
      throw new GradientCheckException(report);
    }
    return report;
  }

  /** Runs the comparison and reports the worst element, pass or fail. */
  public GradCheckReport compare(Function<List<Tensor>, Tensor> function, List<Tensor> inputs) {
    List<Tensor> points = new ArrayList<>(inputs.size());
    for (Tensor t : inputs) {
      points.add(Tensor.ofDouble(t.toDoubleArray(), t.shape()));
    }
    List<Tensor> analytic = Gradients.of(function.apply(points), points);
    GradCheckReport worst = new GradCheckReport(true, -1, new int[0], 0, 0, 0);
    for (int i = 0; i < points.size(); i++) {
      double[] auto = analytic.get(i).toDoubleArray();
      for (int j : chosenElements((int) points.get(i).size(), seed + i)) {
        double numeric = numericDerivative(function, points, i, j);
        double allowed = absoluteTolerance + relativeTolerance * Math.abs(numeric);
        double excess = Math.abs(auto[j] - numeric) / allowed;
        if (Double.isNaN(excess)) {
          excess = Double.POSITIVE_INFINITY;
        }
        if (excess > worst.excess() || worst.input() < 0) {
          int[] index = unflatten(j, points.get(i).shape());
          worst = new GradCheckReport(excess <= 1, i, index, auto[j], numeric, excess);
        }
      }
    }
    return worst;
  }

  /** All indices in order, or a seeded sample of {@link #elementsPerInput} of them. */
  private int[] chosenElements(int size, long sampleSeed) {
    int[] all = new int[size];
    for (int j = 0; j < size; j++) {
      all[j] = j;
    }
    if (size <= elementsPerInput) {
      return all;
    }
    SplittableRandom random = new SplittableRandom(sampleSeed);
    for (int j = 0; j < elementsPerInput; j++) {
      int pick = j + random.nextInt(size - j);
      int kept = all[pick];
      all[pick] = all[j];
      all[j] = kept;
    }
    return Arrays.copyOf(all, elementsPerInput);
  }

  /** The central difference of the function along element {@code j} of input {@code which}. */
  private double numericDerivative(
      Function<List<Tensor>, Tensor> function, List<Tensor> points, int which, int j) {
    Tensor point = points.get(which);
    double[] values = point.toDoubleArray();
    List<Tensor> moved = new ArrayList<>(points);
    try (NoGrad scope = NoGrad.enter()) {
      double original = values[j];
      values[j] = original + epsilon;
      moved.set(which, Tensor.ofDouble(values, point.shape()));
      double up = scalarOf(function.apply(moved));
      values[j] = original - epsilon;
      moved.set(which, Tensor.ofDouble(values, point.shape()));
      double down = scalarOf(function.apply(moved));
      return (up - down) / (2 * epsilon);
    }
  }

  private static double scalarOf(Tensor output) {
    if (output.size() != 1) {
      throw new IllegalArgumentException(
          "GradCheck: the function must return a scalar, got shape "
              + Arrays.toString(output.shape()));
    }
    if (output.dtype() != DType.FLOAT64) {
      throw new IllegalArgumentException(
          "GradCheck: the function computed in "
              + output.dtype()
              + "; keep it in float64 (mix no float32 constants or parameters into it)");
    }
    return output.item();
  }

  private static int[] unflatten(int flat, int[] shape) {
    int[] index = new int[shape.length];
    for (int axis = shape.length - 1; axis >= 0; axis--) {
      index[axis] = flat % shape[axis];
      flat /= shape[axis];
    }
    return index;
  }
}
