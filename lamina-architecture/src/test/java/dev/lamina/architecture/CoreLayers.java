package dev.lamina.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Splits the face package {@code dev.lamina} in two by what its classes use. The tensor and its
 * tape ({@code Tensor}, its operations, {@code Parameter}, {@code Gradients}, {@code NoGrad} ...)
 * use nothing of the library outside the package but the kernels and the foundations (random
 * stream, constraints, file writer); every class of the package that reaches, directly or through
 * other classes of the package, anything else (layers, losses, optimizers, callbacks, model files)
 * belongs to the training loop and the model face ({@code Sequential}, {@code FitOptions}, {@code
 * Trainer} ...).
 */
final class CoreLayers {
  static final String FACE = "dev.lamina";
  private static final Set<String> BELOW_TENSOR =
      Set.of(
          FACE,
          "dev.lamina.kernels",
          "dev.lamina.random",
          "dev.lamina.constraints",
          "dev.lamina.files");

  private final Map<JavaClass, Boolean> training = new HashMap<>();

  static DescribedPredicate<JavaClass> tensorAndTape() {
    CoreLayers layers = new CoreLayers();
    return DescribedPredicate.describe(
        "the tensor and its tape (dev.lamina's classes that use only kernels and foundations)",
        c -> c.getPackageName().equals(FACE) && !layers.isTraining(c));
  }

  static DescribedPredicate<JavaClass> training() {
    CoreLayers layers = new CoreLayers();
    return DescribedPredicate.describe(
        "the training loop and the model face (dev.lamina's classes above the building blocks)",
        c -> c.getPackageName().equals(FACE) && layers.isTraining(c));
  }

  private boolean isTraining(JavaClass c) {
    return training.computeIfAbsent(c, CoreLayers::reachesAboveTheTensor);
  }

  /** Walks c's arrows inside the face package, looking for one that leaves the tensor's world. */
  private static boolean reachesAboveTheTensor(JavaClass c) {
    Set<JavaClass> seen = new HashSet<>(Set.of(c));
    Deque<JavaClass> queue = new ArrayDeque<>(seen);
    while (!queue.isEmpty()) {
      for (Dependency dependency : queue.poll().getDirectDependenciesFromSelf()) {
        JavaClass target = dependency.getTargetClass().getBaseComponentType();
        String targetPackage = target.getPackageName();
        if (!targetPackage.startsWith(FACE + ".") && !targetPackage.equals(FACE)) {
          continue;
        }
        if (!BELOW_TENSOR.contains(targetPackage)) {
          return true;
        }
        if (targetPackage.equals(FACE) && seen.add(target)) {
          queue.add(target);
        }
      }
    }
    return false;
  }
}
