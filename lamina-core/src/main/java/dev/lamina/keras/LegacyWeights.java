package dev.lamina.keras;

import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * The weights of a legacy Keras HDF5 model file: group {@code model_weights/<layer name>} whose
 * attribute {@code weight_names} lists the datasets in get_weights order ({@code dense/kernel:0} in
 * tf.keras, {@code model/dense/kernel} without {@code :0} from Keras 3), and {@code
 * optimizer_weights} likewise.
 */
final class LegacyWeights implements LayerWeights {
  private final Group root;

  LegacyWeights(Group root) {
    this.root = root;
  }

  @Override
  public List<Dataset> of(KerasLayerSpec spec) {
    Group weights = group(root, "model_weights");
    Node layer = weights == null ? null : weights.getChildren().get(spec.name());
    if (!(layer instanceof Group group)) {
      return List.of();
    }
    return named(group).stream().map(NamedDataset::dataset).toList();
  }

  @Override
  public List<NamedDataset> optimizerVariables() {
    Group optimizer = group(root, "optimizer_weights");
    return optimizer == null ? List.of() : named(optimizer);
  }

  private static List<NamedDataset> named(Group group) {
    List<NamedDataset> out = new ArrayList<>();
    for (String name : weightNames(group)) {
      if (!(group.getByPath(name) instanceof Dataset dataset)) {
        throw new IllegalArgumentException(
            "group '"
                + group.getPath()
                + "' lists weight '"
                + name
                + "' but holds no such dataset");
      }
      out.add(new NamedDataset(name, dataset));
    }
    return out;
  }

  /** The attribute as strings, whether stored as variable- or fixed-length strings. */
  private static List<String> weightNames(Group group) {
    Attribute attribute = group.getAttribute("weight_names");
    Object data = attribute == null ? null : attribute.getData();
    List<String> names = new ArrayList<>();
    if (data instanceof Object[] values) {
      for (Object v : values) {
        names.add(
            v instanceof byte[] b
                ? new String(b, java.nio.charset.StandardCharsets.UTF_8)
                : String.valueOf(v));
      }
    } else if (data instanceof String single) {
      names.add(single);
    }
    return names;
  }

  private static Group group(Group parent, String name) {
    return parent.getChildren().get(name) instanceof Group g ? g : null;
  }
}
