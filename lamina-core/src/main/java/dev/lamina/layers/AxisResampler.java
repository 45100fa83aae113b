package dev.lamina.layers;

import java.util.List;
import java.util.Locale;

/**
 * Resamples images of {@code (batch, height, width, channels)} through per-sample axis-aligned maps
 * from output to input coordinates ({@code inputRow = rowScale · row + rowOffset}, likewise for
 * columns), as Keras's {@code affine_transform} does for translations and zooms: bilinear or
 * nearest interpolation, points outside the image filled by {@code reflect} (d c b a | a b c d | d
 * c b a), {@code wrap} (a b c d | a b c d), {@code nearest} (a a | a b c d | d d) or {@code
 * constant} (the fill value). Because the maps are axis-aligned, each output value is a weighted
 * sum over at most two input rows and two input columns, and the gradient sends it back through the
 * same taps.
 */
final class AxisResampler {
  static final List<String> FILL_MODES = List.of("reflect", "wrap", "constant", "nearest");
  static final List<String> INTERPOLATIONS = List.of("bilinear", "nearest");

  private final int batch;
  private final int height;
  private final int width;
  private final int channels;
  private final Taps rows;
  private final Taps columns;
  private final double fillValue;

  /** The taps of one axis for each sample and output position: input index, weight, validity. */
  private record Taps(int count, int[] index, double[] weight, boolean[] inside) {}

  /**
   * {@code rowMap} and {@code columnMap} hold {@code scale, offset} for each sample in turn; the
   * mode and interpolation are among {@link #FILL_MODES} and {@link #INTERPOLATIONS}.
   */
  AxisResampler(
      int[] shape,
      double[] rowMap,
      double[] columnMap,
      String fillMode,
      String interpolation,
      double fillValue) {
    this.batch = shape[0];
    this.height = shape[1];
    this.width = shape[2];
    this.channels = shape[3];
    this.fillValue = fillValue;
    boolean bilinear = interpolation.equals("bilinear");
    this.rows = taps(rowMap, height, fillMode, bilinear);
    this.columns = taps(columnMap, width, fillMode, bilinear);
  }

  /** Checks a fill mode or an interpolation against its allowed values, as Keras names them. */
  static String check(String layer, String option, String value, List<String> allowed) {
    String name = value == null ? "" : value.toLowerCase(Locale.ROOT);
    if (!allowed.contains(name)) {
      throw new IllegalArgumentException(
          layer + ": " + option + " must be one of " + allowed + ", got '" + value + "'");
    }
    return name;
  }

  /** The resampled images. */
  double[] forward(double[] images) {
    double[] out = new double[images.length];
    int at = 0;
    for (int b = 0; b < batch; b++) {
      for (int y = 0; y < height; y++) {
        for (int x = 0; x < width; x++) {
          for (int c = 0; c < channels; c++) {
            out[at++] = sample(images, b, y, x, c);
          }
        }
      }
    }
    return out;
  }

  /** The gradient with respect to the input images, given that of the output. */
  double[] backward(double[] gradient) {
    double[] in = new double[gradient.length];
    int at = 0;
    for (int b = 0; b < batch; b++) {
      for (int y = 0; y < height; y++) {
        for (int x = 0; x < width; x++) {
          for (int c = 0; c < channels; c++) {
            double g = gradient[at++];
            for (int i = 0; i < rows.count; i++) {
              int r = (b * height + y) * rows.count + i;
              for (int j = 0; j < columns.count; j++) {
                int k = (b * width + x) * columns.count + j;
                if (rows.inside[r] && columns.inside[k]) {
                  int from =
                      ((b * height + rows.index[r]) * width + columns.index[k]) * channels + c;
                  in[from] += rows.weight[r] * columns.weight[k] * g;
                }
              }
            }
          }
        }
      }
    }
    return in;
  }

  private double sample(double[] images, int b, int y, int x, int c) {
    double sum = 0;
    for (int i = 0; i < rows.count; i++) {
      int r = (b * height + y) * rows.count + i;
      for (int j = 0; j < columns.count; j++) {
        int k = (b * width + x) * columns.count + j;
        double value =
            rows.inside[r] && columns.inside[k]
                ? images[((b * height + rows.index[r]) * width + columns.index[k]) * channels + c]
                : fillValue;
        sum += rows.weight[r] * columns.weight[k] * value;
      }
    }
    return sum;
  }

  private Taps taps(double[] map, int size, String fillMode, boolean bilinear) {
    int count = bilinear ? 2 : 1;
    int[] index = new int[batch * size * count];
    double[] weight = new double[index.length];
    boolean[] inside = new boolean[index.length];
    for (int b = 0; b < batch; b++) {
      for (int p = 0; p < size; p++) {
        // Keras computes the coordinates in float32
        float coordinate = (float) (map[2 * b] * p + map[2 * b + 1]);
        int at = (b * size + p) * count;
        if (bilinear) {
          double lower = Math.floor(coordinate);
          weight[at] = 1 - (coordinate - lower);
          weight[at + 1] = coordinate - lower;
          index[at] = (int) lower;
          index[at + 1] = (int) lower + 1;
        } else {
          weight[at] = 1;
          index[at] = (int) Math.signum(coordinate) * (int) Math.floor(Math.abs(coordinate) + 0.5);
        }
        for (int t = at; t < at + count; t++) {
          inside[t] = !fillMode.equals("constant") || (index[t] >= 0 && index[t] < size);
          index[t] = inside[t] ? fixed(index[t], size, fillMode) : 0;
        }
      }
    }
    return new Taps(count, index, weight, inside);
  }

  /** An index outside {@code [0, size)} mapped inside by the fill mode. */
  private static int fixed(int index, int size, String fillMode) {
    return switch (fillMode) {
      case "nearest" -> Math.min(Math.max(index, 0), size - 1);
      case "wrap" -> Math.floorMod(index, size);
      case "reflect" -> Math.floorDiv(mirrored(2 * index + 1, 2 * size + 1) - 1, 2);
      default -> index;
    };
  }

  /** The triangular wave that reflects about the first and the last element. */
  private static int mirrored(int index, int size) {
    int half = size - 1;
    return Math.abs(Math.floorMod(index + half, 2 * half) - half);
  }
}
