package dev.lamina.layers;

import dev.lamina.ShapeMismatchException;
import dev.lamina.Tensor;
import java.util.Arrays;
import java.util.Map;

/**
 * What Keras's global pooling layers share: each channel of {@code (batch, spatial…, channels)}
 * pooled over all its spatial positions, giving {@code (batch, channels)}, or {@code (batch, 1…,
 * channels)} with {@code keepdims}.
 *
 * @param <SELF> the concrete layer, so that the fluent options return it
 */
public abstract class GlobalPooling<SELF extends GlobalPooling<SELF>> extends BaseLayer<SELF> {
  private final int spatialRank;
  private boolean keepDims;

  GlobalPooling(int spatialRank) {
    this.spatialRank = spatialRank;
  }

  /** Keeps the pooled axes with size 1, as Keras's {@code keepdims=True}. */
  public final SELF keepDims(boolean keepDims) {
    this.keepDims = keepDims;
    @SuppressWarnings("unchecked")
    SELF self = (SELF) this;
    return self;
  }

  @Override
  public final int[] outputShape(int[] inputShape) {
    if (inputShape.length != spatialRank + 1) {
      throw new ShapeMismatchException(
          describe()
              + ": expected inputs of rank "
              + (spatialRank + 2)
              + " (batch, "
              + (spatialRank == 2 ? "height, width" : "steps")
              + ", channels), got input shape "
              + Arrays.toString(inputShape)
              + " without the batch axis");
    }
    int channels = inputShape[spatialRank];
    if (!keepDims) {
      return new int[] {channels};
    }
    int[] shape = WindowOptions.filled(spatialRank + 1, 1);
    shape[spatialRank] = channels;
    return shape;
  }

  @Override
  protected final Tensor forward(Tensor inputs, Phase phase) {
    int[] shape = inputs.shape();
    int channels = shape[shape.length - 1];
    Tensor pooled = pool(inputs.reshape(shape[0], -1, channels));
    int[] out = outputShape(Arrays.copyOfRange(shape, 1, shape.length));
    int[] withBatch = new int[out.length + 1];
    withBatch[0] = shape[0];
    System.arraycopy(out, 0, withBatch, 1, out.length);
    return pooled.reshape(withBatch);
  }

  /** Pools {@code (batch, positions, channels)} over axis 1 to {@code (batch, channels)}. */
  abstract Tensor pool(Tensor positions);

  @Override
  protected final void addConfig(Map<String, Object> config) {
    config.put("data_format", "channels_last");
    config.put("keepdims", keepDims);
  }

  final SELF withGlobalOptions(LayerConfig config) {
    keepDims(config.bool("keepdims", false));
    return withCommonOptions(config.values());
  }
}
