package dev.lamina;

/**
 * The tensors a training step reads its batch from: features, targets and per-row weights for a
 * fixed number of rows, refilled in place every step so that the step's operations see the same
 * input tensors (a workspace recognizes them by identity).
 */
final class StepInputs {
  final Tensor x;
  final Tensor y;
  final Tensor weights; // null without sample weights
  private final int rows;

  StepInputs(Tensor x, Tensor y, Tensor weights, int rows) {
    this.rows = rows;
    this.x = Storage.empty(x.dtype, withRows(x.shape, rows));
    this.y = Storage.empty(y.dtype, withRows(y.shape, rows));
    this.weights =
        weights == null ? null : Storage.empty(weights.dtype, withRows(weights.shape, rows));
  }

  /** Whether these tensors take a batch shaped and typed like {@code b}. */
  boolean fits(Tensor bx, Tensor by, Tensor bw, int batchRows) {
    return batchRows == rows
        && sameRow(x, bx)
        && sameRow(y, by)
        && (bw == null ? weights == null : weights != null && sameRow(weights, bw));
  }

  /** Copies rows {@code order[start..start+rows)} (or start.. in order when order is null). */
  void fill(Tensor bx, Tensor by, Tensor bw, int[] order, int start, int batchRows) {
    copyRows(bx, x, order, start, batchRows);
    copyRows(by, y, order, start, batchRows);
    if (bw != null) {
      copyRows(bw, weights, order, start, batchRows);
    }
  }

  private static void copyRows(Tensor from, Tensor to, int[] order, int start, int rows) {
    int width = (int) (to.size() / Math.max(1, rows));
    Object source = from.floats != null ? from.floats : from.doubles;
    Object target = to.floats != null ? to.floats : to.doubles;
    if (order == null) {
      System.arraycopy(source, start * width, target, 0, rows * width);
      return;
    }
    for (int r = 0; r < rows; r++) {
      System.arraycopy(source, order[start + r] * width, target, r * width, width);
    }
  }

  private static boolean sameRow(Tensor mine, Tensor batch) {
    if (mine.dtype != batch.dtype || mine.shape.length != batch.shape.length) {
      return false;
    }
    for (int i = 1; i < mine.shape.length; i++) {
      if (mine.shape[i] != batch.shape[i]) {
        return false;
      }
    }
    return true;
  }

  private static int[] withRows(int[] shape, int rows) {
    int[] result = shape.clone();
    result[0] = rows;
    return result;
  }
}
