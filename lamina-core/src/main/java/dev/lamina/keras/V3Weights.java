package dev.lamina.keras;

import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The weights of a Keras v3 file ({@code model.weights.h5}): one group per layer under {@code
 * layers/} (tf.keras 2.13–2.14: {@code _layer_checkpoint_dependencies/}; Windows builds of tf.keras
 * write both as a literal {@code layers\dense} at the top), named by the layer's class with a
 * per-class counter in model order — not by the layer's name — and the variables as {@code vars/0},
 * {@code vars/1}, … Since tf.keras 2.13 leaves gaps in the counter ({@code dense}, {@code dense_2},
 * {@code dense_4}), slots are matched to layers by their order within the class.
 */
final class V3Weights implements LayerWeights {
  private static final List<String> CONTAINERS =
      List.of("layers", "_layer_checkpoint_dependencies");
  private static final Pattern SLOT = Pattern.compile("(.+?)(?:_(\\d+))?");

  private final Map<String, Group> slots = new HashMap<>();
  private final Group root;
  private final Map<Integer, Group> bySpec = new HashMap<>();

  /** {@code weighted}: the layers that hold weights, in model order. */
  V3Weights(Group root, List<KerasLayerSpec> weighted) {
    this.root = root;
    for (Node node : root) {
      String name = node.getName().replace('\\', '/');
      if (node instanceof Group group) {
        for (String container : CONTAINERS) {
          if (name.equals(container)) {
            for (Node child : group) {
              if (child instanceof Group slot) {
                slots.put(child.getName(), slot);
              }
            }
          } else if (name.startsWith(container + "/")) {
            slots.put(name.substring(container.length() + 1), group);
          }
        }
      }
    }
    Map<String, List<KerasLayerSpec>> byClass = new HashMap<>();
    weighted.forEach(
        s ->
            byClass
                .computeIfAbsent(KerasObjects.snakeCase(s.className()), k -> new ArrayList<>())
                .add(s));
    byClass.forEach(this::match);
  }

  private void match(String base, List<KerasLayerSpec> specs) {
    TreeMap<Integer, Group> numbered = new TreeMap<>();
    slots.forEach(
        (name, group) -> {
          Matcher m = SLOT.matcher(name);
          if (m.matches() && m.group(1).equals(base) && !variables(group).isEmpty()) {
            numbered.put(m.group(2) == null ? 0 : Integer.parseInt(m.group(2)) + 1, group);
          }
        });
    if (numbered.size() != specs.size()) {
      throw new IllegalArgumentException(
          "the weights file holds "
              + numbered.size()
              + " '"
              + base
              + "' slots with variables for "
              + specs.size()
              + " such layers in the config");
    }
    List<Group> ordered = new ArrayList<>(numbered.values());
    for (int i = 0; i < specs.size(); i++) {
      bySpec.put(specs.get(i).position(), ordered.get(i));
    }
  }

  @Override
  public List<Dataset> of(KerasLayerSpec spec) {
    Group slot = bySpec.get(spec.position());
    return slot == null ? List.of() : variables(slot);
  }

  @Override
  public List<NamedDataset> optimizerVariables() {
    Node optimizer = root.getChildren().get("optimizer");
    if (!(optimizer instanceof Group group)) {
      return List.of();
    }
    List<NamedDataset> out = new ArrayList<>();
    List<Dataset> vars = variables(group);
    for (int i = 0; i < vars.size(); i++) {
      out.add(new NamedDataset(String.valueOf(i), vars.get(i)));
    }
    return out;
  }

  /** The datasets {@code vars/0}, {@code vars/1}, … of a slot, in index order. */
  private static List<Dataset> variables(Group slot) {
    if (!(slot.getChildren().get("vars") instanceof Group vars)) {
      return List.of();
    }
    TreeMap<Integer, Dataset> ordered = new TreeMap<>();
    for (Node node : vars) {
      if (node instanceof Dataset dataset && node.getName().matches("\\d{1,6}")) {
        ordered.put(Integer.parseInt(node.getName()), dataset);
      }
    }
    if (!ordered.isEmpty() && ordered.lastKey() != ordered.size() - 1) {
      throw new IllegalArgumentException(
          "slot '" + slot.getName() + "' numbers its variables with gaps: " + ordered.keySet());
    }
    return new ArrayList<>(ordered.values());
  }
}
