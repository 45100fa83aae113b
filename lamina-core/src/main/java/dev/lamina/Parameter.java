package dev.lamina;

import dev.lamina.constraints.Constraint;
import java.util.Arrays;

/**
 * The one mutable cell: a named tensor that optimizers overwrite in place. {@link #value()} is the
 * same tensor object across updates, so gradients asked for it stay keyed to it; each {@link
 * #assign} bumps {@link #version()}. Ask for gradients before assigning: backward rules read the
 * values they were recorded with, and an assignment in between would change them.
 */
public final class Parameter {
  private final String name;
  private final Tensor value;
  private int version;
  private Constraint constraint;

  public Parameter(String name, Tensor initial) {
    this.name = name;
    this.value =
        initial.floats != null
            ? new Tensor(initial.shape.clone(), initial.floats.clone(), null, true, null)
            : new Tensor(initial.shape.clone(), null, initial.doubles.clone(), true, null);
  }

  public String name() {
    return name;
  }

  /** The current values; a tensor with no graph behind it, updated in place by assign. */
  public Tensor value() {
    return value;
  }

  public int[] shape() {
    return value.shape();
  }

  /** How many times the values were assigned. */
  public int version() {
    return version;
  }

  /** Copies {@code newValues} in, converted to this parameter's type. */
  public void assign(Tensor newValues) {
    if (!Arrays.equals(newValues.shape, value.shape)) {
      throw ShapeMismatchException.of(
          "assign to parameter '" + name + "'",
          "expected shape, got",
          value.shape,
          newValues.shape);
    }
    Tensor converted = newValues.to(value.dtype);
    Object source = converted.floats != null ? converted.floats : converted.doubles;
    Object target = value.floats != null ? value.floats : value.doubles;
    System.arraycopy(source, 0, target, 0, (int) value.size());
    version++;
  }

  /** Copies row-major float32 values in, without allocating. */
  public void assign(float[] newValues) {
    if (newValues.length != value.size()) {
      throw new IllegalArgumentException(
          "assign to parameter '"
              + name
              + "': expected "
              + value.size()
              + " values for shape "
              + Arrays.toString(value.shape)
              + ", got "
              + newValues.length);
    }
    if (value.floats != null) {
      System.arraycopy(newValues, 0, value.floats, 0, newValues.length);
    } else {
      for (int i = 0; i < newValues.length; i++) {
        value.doubles[i] = newValues[i];
      }
    }
    version++;
  }

  /**
   * The projection {@link #constrain()} applies (Keras's {@code kernel_constraint}, …), or null for
   * none; rejects one that does not fit this parameter's shape.
   */
  public void setConstraint(Constraint constraint) {
    if (constraint != null) {
      constraint.requireFits(name, value.shape);
    }
    this.constraint = constraint;
  }

  public Constraint constraint() {
    return constraint;
  }

  /**
   * Projects the values onto the constraint in place; training calls it right after each optimizer
   * update, as Keras does (float32 weights, as training uses). Does nothing without a constraint.
   */
  public void constrain() {
    if (constraint == null) {
      return;
    }
    if (value.floats == null) {
      throw new IllegalStateException(
          "parameter '" + name + "': constraints apply to float32 weights, got " + value.dtype);
    }
    constraint.project(value.floats, value.shape);
  }

  @Override
  public String toString() {
    return "Parameter " + name + " " + value;
  }
}
