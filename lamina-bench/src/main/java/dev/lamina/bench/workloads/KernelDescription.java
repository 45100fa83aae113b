package dev.lamina.bench.workloads;

import dev.lamina.kernels.Kernels;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * Says which kernels a benchmark ran on, for its log. Kernels that state their shape (micro-kernel
 * and cache blocks chosen per vector width) do so through a public {@code describe()} on {@code
 * KernelSelection} or on the {@code Kernels} interface; it is looked up by name so that this
 * harness also runs against kernels that do not offer it yet, which give their name only.
 */
public final class KernelDescription {
  private static final String SELECTION = "dev.lamina.kernels.KernelSelection";

  private KernelDescription() {}

  /** Prints one line for a benchmark's log header (bench/describe-machine runs it). */
  public static void main(String[] args) {
    System.out.println(
        "lamina kernels: " + describe() + ", preferred vector " + preferredVectorBits() + " bits");
  }

  static String describe() {
    Kernels kernels = Kernels.get();
    String fromSelection = publicDescribe(SELECTION, null);
    if (fromSelection != null) {
      return fromSelection;
    }
    String fromKernels = publicDescribe(Kernels.class.getName(), kernels);
    return fromKernels != null ? fromKernels : kernels.name();
  }

  /** The width of the Vector API's preferred float species in bits; 0 without the module. */
  static int preferredVectorBits() {
    return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
        ? jdk.incubator.vector.FloatVector.SPECIES_PREFERRED.vectorBitSize()
        : 0;
  }

  private static String publicDescribe(String className, Object target) {
    try {
      Class<?> type = Class.forName(className);
      Method describe = type.getMethod("describe");
      boolean callable =
          Modifier.isPublic(type.getModifiers())
              && describe.getReturnType() == String.class
              && (target != null || Modifier.isStatic(describe.getModifiers()));
      return callable ? (String) describe.invoke(target) : null;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }
}
