package dev.lamina.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineTest {
  private static final Table TRAIN =
      Table.of(
          NumericColumn.of("x", 1, Double.NaN, 4, 7, 2),
          NumericColumn.of("y", 0.5, 3, Double.NaN, Double.NaN, -1));

  /** A last step that records what it was fitted on and how often it transformed. */
  private static final class Recording implements Transformer {
    Table fittedOn;
    int transforms;

    @Override
    public Recording fit(Table table) {
      fittedOn = table;
      return this;
    }

    @Override
    public Table transform(Table table) {
      transforms++;
      return table;
    }

    @Override
    public boolean isFitted() {
      return fittedOn != null;
    }

    @Override
    public Map<String, Object> toJson() {
      return Map.of("type", "Recording");
    }
  }

  @Test
  void fitFitsTheLastStepOnTheOutputBeforeItWithoutTransformingThroughIt() {
    Recording last = new Recording();
    new Pipeline(new SimpleImputer(), last).fit(TRAIN);
    assertEquals(0, last.transforms, "the last step's output is not needed to fit");
    assertNotNull(last.fittedOn);
    Table imputed = new SimpleImputer().fitTransform(TRAIN);
    for (String column : TRAIN.columnNames()) {
      assertArrayEquals(
          imputed.numeric(column).toArray(), last.fittedOn.numeric(column).toArray(), column);
    }
  }

  @Test
  void fitThenTransformGivesWhatFitTransformGives() {
    Table fitted =
        new Pipeline(new SimpleImputer(), new StandardScaler()).fit(TRAIN).transform(TRAIN);
    Table both = new Pipeline(new SimpleImputer(), new StandardScaler()).fitTransform(TRAIN);
    assertEquals(both.columnNames(), fitted.columnNames());
    for (String column : both.columnNames()) {
      assertArrayEquals(both.numeric(column).toArray(), fitted.numeric(column).toArray(), column);
    }
  }
}
