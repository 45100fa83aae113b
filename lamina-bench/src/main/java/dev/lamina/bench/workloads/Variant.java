package dev.lamina.bench.workloads;

import dev.lamina.DType;
import dev.lamina.layers.Dense;
import dev.lamina.layers.L2;
import dev.lamina.losses.Huber;
import dev.lamina.losses.Loss;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One change to a workload's model, as a user would make it to the course's recipe: a workload
 * named {@code W1-gelu} is W1 with gelu hidden layers. bench/compare runs each next to the plain
 * workload, so what leaving the recipe costs is read off as a ratio within one run.
 */
public enum Variant {
  PLAIN(""),
  /** {@code L2(1e-4)} on every Dense kernel. */
  L2_KERNELS("l2"),
  GELU("gelu"),
  ELU("elu"),
  /** The Huber loss (δ = 1) instead of the workload's loss. */
  HUBER("huber"),
  /** The {@link ScaledTanh} custom layer after each hidden layer. */
  SCALED_TANH("scaledtanh"),
  /** Weights, data and training in float64. */
  FLOAT64("f64");

  private static final double L2_FACTOR = 1e-4;

  private final String suffix;

  Variant(String suffix) {
    this.suffix = suffix;
  }

  /** The variant a workload name asks for: {@code W1} is plain, {@code W1-gelu} is GELU. */
  public static Variant of(String workload) {
    int dash = workload.indexOf('-');
    if (dash < 0) {
      return PLAIN;
    }
    String wanted = workload.substring(dash + 1).toLowerCase(Locale.ROOT);
    for (Variant v : values()) {
      if (v != PLAIN && v.suffix.equals(wanted)) {
        return v;
      }
    }
    throw new IllegalArgumentException(
        "unknown variant '"
            + wanted
            + "' in workload "
            + workload
            + "; known: "
            + Arrays.stream(values())
                .filter(v -> v != PLAIN)
                .map(v -> v.suffix)
                .collect(Collectors.joining(", ")));
  }

  /** The workload a variant changes: {@code W1} for {@code W1-gelu}. */
  public static String base(String workload) {
    int dash = workload.indexOf('-');
    return dash < 0 ? workload : workload.substring(0, dash);
  }

  /** The hidden layers' activation in place of the workload's relu. */
  String hiddenActivation() {
    return switch (this) {
      case GELU -> "gelu";
      case ELU -> "elu";
      default -> "relu";
    };
  }

  /** Applies the variant's regularizer and type to a Dense layer of the model. */
  Dense configure(Dense dense) {
    if (this == L2_KERNELS) {
      dense.kernelRegularizer(new L2(L2_FACTOR));
    }
    return dense.dtype(dtype());
  }

  boolean scaledTanhAfterHidden() {
    return this == SCALED_TANH;
  }

  DType dtype() {
    return this == FLOAT64 ? DType.FLOAT64 : DType.FLOAT32;
  }

  Loss loss(Loss workloadLoss) {
    return this == HUBER ? new Huber() : workloadLoss;
  }
}
