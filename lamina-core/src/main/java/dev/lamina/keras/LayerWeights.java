package dev.lamina.keras;

import io.jhdf.api.Dataset;
import java.util.List;

/** Where a Keras file keeps each layer's weights, in Keras's get_weights order. */
interface LayerWeights {

  /** The datasets of the layer {@code spec}; empty when the file holds none for it. */
  List<Dataset> of(KerasLayerSpec spec);

  /** The optimizer's variables in Keras's order, each with its name (legacy) or index. */
  List<NamedDataset> optimizerVariables();

  record NamedDataset(String name, Dataset dataset) {}
}
