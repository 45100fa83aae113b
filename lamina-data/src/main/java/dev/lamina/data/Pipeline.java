package dev.lamina.data;

import dev.lamina.data.fitting.JsonFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Transformers applied one after the other: each step is fitted on the output of the previous one,
 * as scikit-learn's Pipeline (without a final estimator).
 */
public final class Pipeline implements Transformer {
  private final List<Transformer> steps;

  public Pipeline(Transformer... steps) {
    this(List.of(steps));
  }

  public Pipeline(List<Transformer> steps) {
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("Pipeline: needs at least one step");
    }
    this.steps = List.copyOf(steps);
  }

  /**
   * Fits each step on the output of the one before; the last step's own output is not needed, so it
   * is only fitted (scikit-learn's Pipeline.fit does the same).
   */
  @Override
  public Pipeline fit(Table table) {
    lastStep().fit(throughAllButLast(table));
    return this;
  }

  @Override
  public Table fitTransform(Table table) {
    return lastStep().fitTransform(throughAllButLast(table));
  }

  /** The last step's input: every step before it fitted and applied in turn. */
  private Table throughAllButLast(Table table) {
    Table current = table;
    for (Transformer step : steps.subList(0, steps.size() - 1)) {
      current = step.fitTransform(current);
    }
    return current;
  }

  private Transformer lastStep() {
    return steps.get(steps.size() - 1);
  }

  @Override
  public Table transform(Table table) {
    Table current = table;
    for (Transformer step : steps) {
      current = step.transform(current);
    }
    return current;
  }

  public List<Transformer> steps() {
    return steps;
  }

  @Override
  public boolean isFitted() {
    return steps.stream().allMatch(Transformer::isFitted);
  }

  @Override
  public Map<String, Object> toJson() {
    Map<String, Object> json = JsonFields.object("Pipeline");
    List<Map<String, Object>> array = new ArrayList<>();
    for (Transformer step : steps) {
      array.add(step.toJson());
    }
    json.put("steps", array);
    return json;
  }

  static Pipeline fromJson(Map<String, ?> json) {
    List<Transformer> steps = new ArrayList<>();
    for (Object step : JsonFields.list(json, "steps")) {
      steps.add(TransformerJson.fromJson(JsonFields.object(step, "a Pipeline step")));
    }
    return new Pipeline(steps);
  }
}
