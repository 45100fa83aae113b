package dev.lamina.architecture;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * Which library module a package of Lamina lives in, and the rule that a package named {@code
 * internal} is used only inside its own module (each module-info leaves it unexported; this rule
 * holds on the class path too, where module-info does not count).
 */
final class Modules {
  private Modules() {}

  static String moduleOf(String packageName) {
    if (inside(packageName, "dev.lamina.kernels") || inside(packageName, "dev.lamina.random")) {
      return "lamina-kernels";
    }
    for (String module : new String[] {"data", "report", "cli", "spark"}) {
      if (inside(packageName, "dev.lamina." + module)) {
        return "lamina-" + module;
      }
    }
    return "lamina-core";
  }

  static boolean isInternal(String packageName) {
    return packageName.endsWith(".internal") || packageName.contains(".internal.");
  }

  private static boolean inside(String packageName, String root) {
    return packageName.equals(root) || packageName.startsWith(root + ".");
  }

  static ArchCondition<JavaClass> notReachIntoAnotherModulesInternals() {
    return new ArchCondition<>("not use another module's internal packages") {
      @Override
      public void check(JavaClass item, ConditionEvents events) {
        String home = moduleOf(item.getPackageName());
        for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
          String target = dependency.getTargetClass().getBaseComponentType().getPackageName();
          if (isInternal(target) && !moduleOf(target).equals(home)) {
            events.add(SimpleConditionEvent.violated(item, dependency.getDescription()));
          }
        }
      }
    };
  }
}
