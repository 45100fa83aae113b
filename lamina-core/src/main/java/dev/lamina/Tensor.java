package dev.lamina;

import dev.lamina.kernels.Pointwise;
import java.util.Arrays;
import java.util.List;

/**
 * An n-dimensional array, row-major and contiguous: float32 by default, float64 for gradient
 * checks. Rank 2 for tabular data: rows are samples.
 *
 * <p>Tensors are immutable values. Every operation returns a new tensor and, outside a {@link
 * NoGrad} scope, records how it was computed so that {@link dev.lamina.Gradients} can differentiate
 * it. Elementwise operations broadcast as NumPy does; shapes they cannot combine raise a {@link
 * ShapeMismatchException} naming the operation and both shapes.
 */
public final class Tensor {
  final DType dtype;
  final int[] shape;
  final float[] floats; // the values when FLOAT32, else null
  final double[] doubles; // the values when FLOAT64, else null

  /** True for the one tensor a {@link Parameter} writes in place; outputs never alias it. */
  final boolean mutable;

  private final GradFn gradFn;

  Tensor(int[] shape, float[] floats, double[] doubles, boolean mutable, GradFn gradFn) {
    this.dtype = floats != null ? DType.FLOAT32 : DType.FLOAT64;
    this.shape = shape;
    this.floats = floats;
    this.doubles = doubles;
    this.mutable = mutable;
    this.gradFn = gradFn;
  }

  /** A float32 tensor over a copy of {@code data} with the given shape. */
  public static Tensor of(float[] data, int... shape) {
    RowMajor.checkLength("Tensor.of", data.length, shape);
    return new Tensor(shape.clone(), data.clone(), null, false, null);
  }

  /** A rank-2 float32 tensor from rows of equal length. */
  public static Tensor of(float[][] rows) {
    return Storage.raw(RowMajor.shapeOf(rows), RowMajor.flatten(rows));
  }

  /** A rank-2 float32 tensor from rows of equal length, rounded to float32. */
  public static Tensor of(double[][] rows) {
    return Storage.raw(RowMajor.shapeOf(rows), RowMajor.flatten(rows));
  }

  /** A (rows, columns) float32 tensor from columns of equal length, rounded to float32. */
  public static Tensor ofColumns(double[]... columns) {
    return ColumnValues.tensorOf(RowMajor.shapeOfColumns(columns)[0], RowMajor.readers(columns));
  }

  /** A float64 tensor over a copy of {@code data} with the given shape. */
  public static Tensor ofDouble(double[] data, int... shape) {
    RowMajor.checkLength("Tensor.ofDouble", data.length, shape);
    return new Tensor(shape.clone(), null, data.clone(), false, null);
  }

  /** A rank-0 float32 tensor. */
  public static Tensor scalar(double value) {
    return full(DType.FLOAT32, value);
  }

  public static Tensor scalar(DType dtype, double value) {
    return full(dtype, value);
  }

  public static Tensor zeros(int... shape) {
    return zeros(DType.FLOAT32, shape);
  }

  public static Tensor zeros(DType dtype, int... shape) {
    int size = RowMajor.size("Tensor.zeros", shape);
    return dtype == DType.FLOAT32
        ? Storage.raw(shape.clone(), new float[size])
        : Storage.raw(shape.clone(), new double[size]);
  }

  public static Tensor ones(int... shape) {
    return full(DType.FLOAT32, 1, shape);
  }

  public static Tensor full(double value, int... shape) {
    return full(DType.FLOAT32, value, shape);
  }

  public static Tensor full(DType dtype, double value, int... shape) {
    return GeneratedValues.constant(dtype, value, shape);
  }

  /** The float32 vector 0, 1, …, n − 1. */
  public static Tensor arange(int n) {
    return GeneratedValues.arange(n);
  }

  /** Float32 values drawn uniformly from [low, high) by a generator seeded with {@code seed}. */
  public static Tensor randomUniform(long seed, double low, double high, int... shape) {
    return GeneratedValues.uniform(seed, low, high, shape);
  }

  /** Float32 normal values from a generator seeded with {@code seed}. */
  public static Tensor randomNormal(long seed, double mean, double stddev, int... shape) {
    return GeneratedValues.normal(seed, mean, stddev, shape);
  }

  /**
   * A custom differentiable operation: the result has {@code value}'s elements, and gradients flow
   * to {@code inputs} through {@code rule}. For fused kernels and user-defined primitives; check
   * the rule with {@link dev.lamina.autograd.GradCheck}.
   */
  public static Tensor fromOp(String op, Tensor value, List<Tensor> inputs, BackwardRule rule) {
    return GradFn.record(value.detach(), op, rule, inputs.toArray(new Tensor[0]));
  }

  public int[] shape() {
    return shape.clone();
  }

  /** Whether this tensor has exactly {@code dims} as its shape; unlike shape(), copies nothing. */
  public boolean hasShape(int... dims) {
    return Arrays.equals(shape, dims);
  }

  /** Whether this tensor has the same shape as {@code other}. */
  public boolean hasSameShape(Tensor other) {
    return Arrays.equals(shape, other.shape);
  }

  public int rank() {
    return shape.length;
  }

  public long size() {
    return floats != null ? floats.length : doubles.length;
  }

  public DType dtype() {
    return dtype;
  }

  /** How this tensor was computed, or null for a tensor that was given, not computed. */
  public GradFn gradFn() {
    return gradFn;
  }

  /** The element at the given index, one coordinate per axis, rounded to float32. */
  public float get(int... index) {
    return (float) getDouble(index);
  }

  /** The element at the given index, one coordinate per axis. */
  public double getDouble(int... index) {
    return at(RowMajor.flatIndex("get", index, shape));
  }

  /** The single value of a one-element tensor, such as a loss. */
  public double item() {
    return at(RowMajor.onlyIndex("item", shape));
  }

  /** A row-major copy of the values, rounded to float32. */
  public float[] toFloatArray() {
    return floats != null ? floats.clone() : to(DType.FLOAT32).floats;
  }

  /** A row-major copy of the values in float64. */
  public double[] toDoubleArray() {
    return doubles != null ? doubles.clone() : to(DType.FLOAT64).doubles;
  }

  /** The rows of a rank-2 tensor. */
  public float[][] toArray2d() {
    return RowMajor.rows(toFloatArray(), shape);
  }

  @Override
  public String toString() {
    String values =
        size() > 16 ? "…" : floats != null ? Arrays.toString(floats) : Arrays.toString(doubles);
    return "Tensor" + Arrays.toString(shape) + " " + dtype + " " + values;
  }

  public Tensor add(Tensor other) {
    return Elementwise.binary(BinaryOp.ADD, this, other);
  }

  public Tensor add(double value) {
    return add(scalar(dtype, value));
  }

  public Tensor sub(Tensor other) {
    return Elementwise.binary(BinaryOp.SUB, this, other);
  }

  public Tensor sub(double value) {
    return sub(scalar(dtype, value));
  }

  public Tensor mul(Tensor other) {
    return Elementwise.binary(BinaryOp.MUL, this, other);
  }

  public Tensor mul(double value) {
    return mul(scalar(dtype, value));
  }

  public Tensor div(Tensor other) {
    return Elementwise.binary(BinaryOp.DIV, this, other);
  }

  public Tensor div(double value) {
    return div(scalar(dtype, value));
  }

  /** this ** exponent, elementwise with broadcasting. */
  public Tensor pow(Tensor exponent) {
    return Elementwise.binary(BinaryOp.POW, this, exponent);
  }

  public Tensor pow(double exponent) {
    return pow(scalar(dtype, exponent));
  }

  /** The larger element of each pair; on ties each side gets half the gradient (PyTorch). */
  public Tensor maximum(Tensor other) {
    return Elementwise.binary(BinaryOp.MAXIMUM, this, other);
  }

  public Tensor maximum(double value) {
    return maximum(scalar(dtype, value));
  }

  /** The smaller element of each pair; on ties each side gets half the gradient (PyTorch). */
  public Tensor minimum(Tensor other) {
    return Elementwise.binary(BinaryOp.MINIMUM, this, other);
  }

  public Tensor minimum(double value) {
    return minimum(scalar(dtype, value));
  }

  /** Limits each element to [low, high]; the gradient is 1 inside, bounds included, else 0. */
  public Tensor clip(double low, double high) {
    return Elementwise.clip(this, low, high);
  }

  /** {@code a} where {@code condition} is non-zero, else {@code b}; all three broadcast. */
  public static Tensor where(Tensor condition, Tensor a, Tensor b) {
    return Elementwise.where(condition, a, b);
  }

  public Tensor neg() {
    return Elementwise.unary(UnaryOp.NEG, this);
  }

  public Tensor exp() {
    return Elementwise.unary(UnaryOp.EXP, this);
  }

  public Tensor log() {
    return Elementwise.unary(UnaryOp.LOG, this);
  }

  public Tensor sqrt() {
    return Elementwise.unary(UnaryOp.SQRT, this);
  }

  /** Absolute value; its gradient at 0 is 0 (PyTorch). */
  public Tensor abs() {
    return Elementwise.unary(UnaryOp.ABS, this);
  }

  /** −1, 0 or 1 per element; no gradient. */
  public Tensor sign() {
    return Elementwise.unary(UnaryOp.SIGN, this);
  }

  public Tensor square() {
    return mul(this);
  }

  /** The error function, accurate to about 1e-15 in float64. */
  public Tensor erf() {
    return Elementwise.unary(UnaryOp.ERF, this);
  }

  public Tensor greater(Tensor other) {
    return Elementwise.binary(BinaryOp.GREATER, this, other);
  }

  public Tensor greater(double value) {
    return greater(scalar(dtype, value));
  }

  public Tensor greaterEqual(Tensor other) {
    return Elementwise.binary(BinaryOp.GREATER_EQUAL, this, other);
  }

  public Tensor less(Tensor other) {
    return Elementwise.binary(BinaryOp.LESS, this, other);
  }

  public Tensor less(double value) {
    return less(scalar(dtype, value));
  }

  public Tensor lessEqual(Tensor other) {
    return Elementwise.binary(BinaryOp.LESS_EQUAL, this, other);
  }

  public Tensor equal(Tensor other) {
    return Elementwise.binary(BinaryOp.EQUAL, this, other);
  }

  public Tensor equal(double value) {
    return equal(scalar(dtype, value));
  }

  public Tensor notEqual(Tensor other) {
    return Elementwise.binary(BinaryOp.NOT_EQUAL, this, other);
  }

  /** max(x, 0); its gradient at 0 is 0 (PyTorch). */
  public Tensor relu() {
    return ActivationOp.apply(this, Pointwise.RELU);
  }

  /** 1 / (1 + exp(−x)), computed without overflow. */
  public Tensor sigmoid() {
    return ActivationOp.apply(this, Pointwise.SIGMOID);
  }

  public Tensor tanh() {
    return ActivationOp.apply(this, Pointwise.TANH);
  }

  /** log(1 + exp(x)) in the stable form max(x, 0) + log1p(exp(−|x|)). */
  public Tensor softplus() {
    return Elementwise.unary(UnaryOp.SOFTPLUS, this);
  }

  /** x if x > 0 else alpha·x (Keras' function default alpha is 0.2, the layer's 0.3). */
  public Tensor leakyRelu(double alpha) {
    return Activations.leakyRelu(this, alpha);
  }

  /** x if x > 0 else alpha·(exp(x) − 1). */
  public Tensor elu(double alpha) {
    return Activations.elu(this, alpha);
  }

  /** elu with alpha = 1, Keras' default. */
  public Tensor elu() {
    return elu(1.0);
  }

  /** The exact GELU, 0.5·x·(1 + erf(x/√2)), as Keras' "gelu" activation. */
  public Tensor gelu() {
    return Activations.gelu(this);
  }

  /** x·sigmoid(x), also called SiLU. */
  public Tensor swish() {
    return Activations.swish(this);
  }

  /** exp(x − max) / Σ exp(x − max) along {@code axis} (negative counts from the end). */
  public Tensor softmax(int axis) {
    return Activations.softmax(this, axis);
  }

  /** Softmax over the last axis, Keras' default. */
  public Tensor softmax() {
    return softmax(-1);
  }

  /** x − max − log Σ exp(x − max) along {@code axis}. */
  public Tensor logSoftmax(int axis) {
    return Activations.logSoftmax(this, axis);
  }

  public Tensor logSoftmax() {
    return logSoftmax(-1);
  }

  /** The sum of all elements, as a rank-0 tensor. */
  public Tensor sum() {
    return Reductions.sumAll(this);
  }

  public Tensor sum(int axis) {
    return sum(axis, false);
  }

  public Tensor sum(int axis, boolean keepDims) {
    return Reductions.sum(this, axis, keepDims);
  }

  public Tensor mean() {
    return sum().div((double) size());
  }

  public Tensor mean(int axis) {
    return mean(axis, false);
  }

  public Tensor mean(int axis, boolean keepDims) {
    int ax = Axis.normalize("mean", axis, shape);
    return sum(ax, keepDims).div(shape[ax]);
  }

  /** The largest element; the gradient goes to the first one (row-major) that attains it. */
  public Tensor max() {
    return reshape(-1).max(0, false);
  }

  public Tensor max(int axis) {
    return max(axis, false);
  }

  /** The largest element along {@code axis}; the gradient goes to the first that attains it. */
  public Tensor max(int axis, boolean keepDims) {
    return Reductions.max(this, axis, keepDims);
  }

  public Tensor min() {
    return neg().max().neg();
  }

  public Tensor min(int axis, boolean keepDims) {
    return neg().max(Axis.normalize("min", axis, shape), keepDims).neg();
  }

  /** The index of the first largest element along {@code axis}, as float32; no gradient. */
  public Tensor argmax(int axis) {
    return Reductions.argmax(this, axis);
  }

  /**
   * As Keras's {@code ops.one_hot}: float32, this tensor's shape with a last axis of {@code
   * classes} holding 1 at each element's class index and 0 elsewhere; each element must be a whole
   * number in [0, classes). No gradient.
   */
  public Tensor oneHot(int classes) {
    return OneHot.of(this, classes);
  }

  /** The same elements in a new shape; one dimension may be −1 to be inferred. */
  public Tensor reshape(int... newShape) {
    return Reshaping.reshape(this, newShape);
  }

  /** The axes in reverse order, as NumPy's {@code .T}; for a matrix, its transpose. */
  public Tensor transpose() {
    return Reshaping.reverseAxes(this);
  }

  /** Axis i of the result is axis {@code axes[i]} of this tensor. */
  public Tensor permute(int... axes) {
    return Reshaping.permute(this, axes);
  }

  /** Joins tensors along an existing axis; all other dimensions must agree. */
  public static Tensor concat(List<Tensor> tensors, int axis) {
    return Reshaping.concat(tensors, axis);
  }

  /** Elements [start, end) along {@code axis}. */
  public Tensor slice(int axis, int start, int end) {
    return Reshaping.slice(this, axis, start, end);
  }

  /** The matrix product of two rank-2 tensors. */
  public Tensor matmul(Tensor other) {
    return MatMul.matmul(this, other, false, false);
  }

  /** op(this)·op(other), where op transposes when its flag is set, without copying. */
  public Tensor matmul(Tensor other, boolean transposeThis, boolean transposeOther) {
    return MatMul.matmul(this, other, transposeThis, transposeOther);
  }

  /** This tensor converted to {@code target} (itself if already so); gradients convert back. */
  public Tensor to(DType target) {
    return Elementwise.cast(this, target);
  }

  /** The same values, cut off from the graph: no gradient flows through the result. */
  public Tensor detach() {
    return Reshaping.detach(this);
  }

  double at(int flat) {
    return floats != null ? floats[flat] : doubles[flat];
  }
}
