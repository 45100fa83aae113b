package dev.lamina.data;

import java.util.Map;

/**
 * A preprocessing step in scikit-learn's style: {@link #fit} learns from training rows only, {@link
 * #transform} applies what was learnt to any rows (training, validation, new data).
 *
 * <p>The output of {@code transform} is a table whose column names are the output feature names. A
 * fitted transformer is plain data: {@link #toJson()} writes its options and learnt values, and
 * {@link TransformerJson#fromJson} rebuilds it, so a saved model can carry its preprocessing.
 */
public interface Transformer {

  /** Learns from {@code table} (replacing anything learnt before) and returns this transformer. */
  Transformer fit(Table table);

  /**
   * Applies what {@link #fit} learnt.
   *
   * @throws IllegalStateException when not fitted yet
   * @throws UnknownColumnException when a column seen during fit is absent
   */
  Table transform(Table table);

  /** {@code fit(table)} then {@code transform(table)}. */
  default Table fitTransform(Table table) {
    return fit(table).transform(table);
  }

  boolean isFitted();

  /**
   * The options and (when fitted) the learnt values, with a {@code "type"} field naming the
   * transformer, e.g. {@code {"type":"StandardScaler","columns":[…],"mean":[…],"scale":[…]}}.
   */
  Map<String, Object> toJson();
}
