package dev.lamina.callbacks;

import dev.lamina.Tensor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one callback carries from epoch to epoch (EarlyStopping's wait and best value, its best
 * weights), as {@link BackupAndRestore} saves it: named numbers, saved exactly, and named weight
 * lists. A value that is absent (a best not found yet) is simply not put.
 */
public final class CallbackState {
  private final Map<String, Double> numbers = new LinkedHashMap<>();
  private final Map<String, List<Tensor>> weights = new LinkedHashMap<>();

  public CallbackState put(String key, double value) {
    numbers.put(key, value);
    return this;
  }

  /** Puts {@code value} when it is not null. */
  public CallbackState putIfPresent(String key, Double value) {
    if (value != null) {
      numbers.put(key, value);
    }
    return this;
  }

  /** Puts {@code value} when it is not null. */
  public CallbackState putWeights(String key, List<Tensor> value) {
    if (value != null) {
      weights.put(key, List.copyOf(value));
    }
    return this;
  }

  /** The number put under {@code key}, or null. */
  public Double number(String key) {
    return numbers.get(key);
  }

  /** The number put under {@code key} as an int; 0 when absent. */
  public int count(String key) {
    Double value = numbers.get(key);
    return value == null ? 0 : value.intValue();
  }

  /** The weights put under {@code key}, or null. */
  public List<Tensor> weights(String key) {
    return weights.get(key);
  }

  public Map<String, Double> numbers() {
    return Collections.unmodifiableMap(numbers);
  }

  public Map<String, List<Tensor>> weightLists() {
    return Collections.unmodifiableMap(weights);
  }

  public boolean isEmpty() {
    return numbers.isEmpty() && weights.isEmpty();
  }
}
