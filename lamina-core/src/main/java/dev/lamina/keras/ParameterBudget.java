package dev.lamina.keras;

import dev.lamina.KerasModelException;
import dev.lamina.layers.BatchNormalization;
import dev.lamina.layers.ConvolutionLayer;
import dev.lamina.layers.Dense;
import dev.lamina.layers.Layer;
import dev.lamina.layers.Normalization;
import java.nio.file.Path;

/**
 * Bounds what a Keras config may make Lamina allocate before any layer is built: every weight must
 * be stored in the file, so a config that implies more float32 values than the file has bytes for
 * is refused (a few tiny int64 counters are allowed for).
 */
final class ParameterBudget {
  private static final long SLACK = 1024;

  private ParameterBudget() {}

  /** Whether the layer has weights the file must supply. */
  static boolean holdsWeights(Layer layer) {
    return layer instanceof Dense
        || layer instanceof BatchNormalization
        || layer instanceof ConvolutionLayer<?>
        || (layer instanceof Normalization n && n.statisticsAreWeights());
  }

  /** The weight elements {@code layer} creates for per-sample inputs of {@code inputShape}. */
  static long elements(Layer layer, int[] inputShape) {
    long features = inputShape.length == 0 ? 0 : inputShape[inputShape.length - 1];
    if (layer instanceof Dense dense) {
      return (features + 1) * dense.units();
    }
    if (layer instanceof BatchNormalization) {
      return 4 * features;
    }
    if (layer instanceof ConvolutionLayer<?> convolution) {
      long taps = 1;
      for (Object size : (java.util.List<?>) convolution.config().get("kernel_size")) {
        taps *= ((Number) size).longValue();
      }
      return (taps * features + 1) * convolution.filters();
    }
    return holdsWeights(layer) && layer instanceof Normalization ? 2 * features + 1 : 0;
  }

  static void check(Path file, long elements, long fileBytes) {
    if (elements > fileBytes / Float.BYTES + SLACK) {
      throw new KerasModelException(
          file,
          "the config implies "
              + elements
              + " weights but the file holds only "
              + fileBytes
              + " bytes: refused before allocating");
    }
  }
}
