package dev.lamina.architecture;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * No cycle of class dependencies spans two packages. A nested class counts as its top-level class,
 * and a cycle inside one package is allowed. Package cycles alone are not reported: the face
 * package {@code dev.lamina} holds both {@code Tensor} (used by every building block) and {@code
 * Sequential} (which uses them), as the public API fixes, so its package arrows point both ways
 * while its classes do not.
 *
 * <p>Finds the strongly connected components of the class graph (Tarjan) once, over all classes
 * checked, then reports each component that holds classes of two packages, with one shortest cycle
 * through it.
 */
final class CrossPackageCycles extends ArchCondition<JavaClass> {
  private final Map<JavaClass, Set<JavaClass>> arrows = new LinkedHashMap<>();
  private final Map<JavaClass, Integer> component = new HashMap<>();

  /** Per component that spans two packages: its first class by name, where its cycle starts. */
  private final Map<Integer, JavaClass> crossPackage = new HashMap<>();

  private final Set<Integer> reported = new HashSet<>();

  CrossPackageCycles() {
    super("not be on a cycle of class dependencies that spans two packages");
  }

  @Override
  public void init(Collection<JavaClass> allClasses) {
    arrows.clear();
    component.clear();
    crossPackage.clear();
    reported.clear();
    Set<JavaClass> checked = new HashSet<>();
    allClasses.forEach(c -> checked.add(topLevel(c)));
    for (JavaClass from : allClasses) {
      Set<JavaClass> targets = arrows.computeIfAbsent(topLevel(from), k -> new TreeSet<>(BY_NAME));
      for (Dependency dependency : from.getDirectDependenciesFromSelf()) {
        JavaClass to = topLevel(dependency.getTargetClass().getBaseComponentType());
        if (checked.contains(to) && !to.equals(topLevel(from))) {
          targets.add(to);
        }
      }
    }
    new Tarjan().run();
  }

  @Override
  public void check(JavaClass item, ConditionEvents events) {
    JavaClass top = topLevel(item);
    Integer id = component.get(top);
    if (id != null && crossPackage.containsKey(id) && reported.add(id)) {
      String cycle = cycleThrough(crossPackage.get(id));
      events.add(SimpleConditionEvent.violated(item, "cycle across packages: " + cycle));
    }
  }

  private static final Comparator<JavaClass> BY_NAME = Comparator.comparing(JavaClass::getName);

  private static JavaClass topLevel(JavaClass c) {
    JavaClass top = c;
    while (top.getEnclosingClass().isPresent()) {
      top = top.getEnclosingClass().get();
    }
    return top;
  }

  /** A shortest path from {@code start} back to itself inside its component, by breadth first. */
  private String cycleThrough(JavaClass start) {
    int id = component.get(start);
    Map<JavaClass, JavaClass> cameFrom = new HashMap<>();
    Deque<JavaClass> queue = new ArrayDeque<>(List.of(start));
    while (!queue.isEmpty()) {
      JavaClass at = queue.poll();
      for (JavaClass next : arrows.getOrDefault(at, Set.of())) {
        if (component.get(next) != id || cameFrom.containsKey(next)) {
          continue;
        }
        cameFrom.put(next, at);
        if (next.equals(start)) {
          List<String> path = new ArrayList<>();
          JavaClass step = start;
          do {
            path.add(0, step.getName());
            step = cameFrom.get(step);
          } while (!step.equals(start));
          path.add(0, start.getName());
          return String.join(" -> ", path);
        }
        queue.add(next);
      }
    }
    throw new IllegalStateException("no cycle through " + start.getName());
  }

  /** Tarjan's strongly connected components, iterative so deep graphs need no deep stack. */
  private final class Tarjan {
    private final Map<JavaClass, Integer> index = new HashMap<>();
    private final Map<JavaClass, Integer> low = new HashMap<>();
    private final Deque<JavaClass> stack = new ArrayDeque<>();
    private final Set<JavaClass> onStack = new HashSet<>();
    private int next;
    private int components;

    void run() {
      for (JavaClass root : arrows.keySet()) {
        if (!index.containsKey(root)) {
          visit(root);
        }
      }
    }

    private void visit(JavaClass root) {
      Deque<Map.Entry<JavaClass, Iterator<JavaClass>>> work = new ArrayDeque<>();
      enter(root, work);
      while (!work.isEmpty()) {
        var frame = work.peek();
        JavaClass v = frame.getKey();
        if (frame.getValue().hasNext()) {
          JavaClass w = frame.getValue().next();
          if (!index.containsKey(w)) {
            enter(w, work);
          } else if (onStack.contains(w)) {
            low.put(v, Math.min(low.get(v), index.get(w)));
          }
          continue;
        }
        work.pop();
        if (!work.isEmpty()) {
          JavaClass parent = work.peek().getKey();
          low.put(parent, Math.min(low.get(parent), low.get(v)));
        }
        if (low.get(v).equals(index.get(v))) {
          close(v);
        }
      }
    }

    private void enter(JavaClass v, Deque<Map.Entry<JavaClass, Iterator<JavaClass>>> work) {
      index.put(v, next);
      low.put(v, next);
      next++;
      stack.push(v);
      onStack.add(v);
      work.push(Map.entry(v, arrows.getOrDefault(v, Set.of()).iterator()));
    }

    private void close(JavaClass root) {
      int id = components++;
      Set<String> packages = new HashSet<>();
      JavaClass first = root;
      JavaClass member;
      do {
        member = stack.pop();
        onStack.remove(member);
        component.put(member, id);
        packages.add(member.getPackageName());
        first = BY_NAME.compare(member, first) < 0 ? member : first;
      } while (!member.equals(root));
      if (packages.size() > 1) {
        crossPackage.put(id, first);
      }
    }
  }
}
