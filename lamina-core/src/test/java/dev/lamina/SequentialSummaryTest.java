package dev.lamina;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.layers.BatchNormalization;
import dev.lamina.layers.Dense;
import dev.lamina.layers.Dropout;
import dev.lamina.layers.Input;
import org.junit.jupiter.api.Test;

/** Keras 3's summary text, parameter counts as Keras prints them for the course's models. */
class SequentialSummaryTest {

  @Test
  void courseModelSummary() {
    Sequential model =
        new Sequential(
            new Dense(512, "relu").inputShape(11),
            new Dense(512, "relu"),
            new Dense(512, "relu"),
            new Dense(1));
    assertEquals(
        """
        Model: "sequential"
        ┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━┓
        ┃ Layer (type)                    ┃ Output Shape           ┃       Param # ┃
        ┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━┩
        │ dense (Dense)                   │ (None, 512)            │         6,144 │
        ├─────────────────────────────────┼────────────────────────┼───────────────┤
        │ dense_1 (Dense)                 │ (None, 512)            │       262,656 │
        ├─────────────────────────────────┼────────────────────────┼───────────────┤
        │ dense_2 (Dense)                 │ (None, 512)            │       262,656 │
        ├─────────────────────────────────┼────────────────────────┼───────────────┤
        │ dense_3 (Dense)                 │ (None, 1)              │           513 │
        └─────────────────────────────────┴────────────────────────┴───────────────┘
         Total params: 531,969 (2.03 MB)
         Trainable params: 531,969 (2.03 MB)
         Non-trainable params: 0 (0.00 B)
        """,
        model.summary());
    assertEquals(531_969, model.countParams());
  }

  @Test
  void batchNormalizationAddsNonTrainableParams() {
    Sequential model =
        new Sequential(
            new Input(11),
            new Dense(512, "relu"),
            new BatchNormalization(),
            new Dense(512, "relu"),
            new BatchNormalization(),
            new Dense(512, "relu"),
            new BatchNormalization(),
            new Dense(1));
    assertEquals(
        """
        Model: "sequential"
        ┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━┓
        ┃ Layer (type)                    ┃ Output Shape           ┃       Param # ┃
        ┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━┩
        │ dense (Dense)                   │ (None, 512)            │         6,144 │
        ├─────────────────────────────────┼────────────────────────┼───────────────┤
        │ batch_normalization             │ (None, 512)            │         2,048 │
        │ (BatchNormalization)            │                        │               │
        ├─────────────────────────────────┼────────────────────────┼───────────────┤
        │ dense_1 (Dense)                 │ (None, 512)            │       262,656 │
        ├─────────────────────────────────┼────────────────────────┼───────────────┤
        │ batch_normalization_1           │ (None, 512)            │         2,048 │
        │ (BatchNormalization)            │                        │               │
        ├─────────────────────────────────┼────────────────────────┼───────────────┤
        │ dense_2 (Dense)                 │ (None, 512)            │       262,656 │
        ├─────────────────────────────────┼────────────────────────┼───────────────┤
        │ batch_normalization_2           │ (None, 512)            │         2,048 │
        │ (BatchNormalization)            │                        │               │
        ├─────────────────────────────────┼────────────────────────┼───────────────┤
        │ dense_3 (Dense)                 │ (None, 1)              │           513 │
        └─────────────────────────────────┴────────────────────────┴───────────────┘
         Total params: 538,113 (2.05 MB)
         Trainable params: 535,041 (2.04 MB)
         Non-trainable params: 3,072 (12.00 KB)
        """,
        model.summary());
  }

  @Test
  void unbuiltModelShowsUnbuiltLayers() {
    Sequential model = new Sequential(new Dense(4), new Dropout(0.5));
    String summary = model.summary();
    assertTrue(
        summary.contains(
            "│ dense (Dense)                   │ ?                      │   0 (unbuilt) │"),
        summary);
  }

  @Test
  void optimizerParamsAppearAfterTheFirstStep() {
    Sequential model = new Sequential(new Dense(1).inputShape(3)).seed(1);
    model.compile("adam", "mse");
    model.fit(
        Tensor.of(new float[][] {{1, 2, 3}}),
        Tensor.of(new float[][] {{1}}),
        new FitOptions().verbose(0));
    String summary = model.summary();
    // Adam: step counter + learning rate + 2 slots per trainable value
    assertTrue(summary.contains(" Optimizer params: 10 (44.00 B)"), summary);
    assertTrue(summary.contains(" Total params: 14 (60.00 B)"), summary);
  }

  @Test
  void layersThatCannotChainNameTheLayerAndShapes() {
    Sequential model = new Sequential(new Dense(4).inputShape(3));
    ShapeMismatchException e =
        assertThrows(ShapeMismatchException.class, () -> model.predict(Tensor.zeros(2, 5)));
    assertTrue(
        e.getMessage().contains("(None, 3)") && e.getMessage().contains("[2, 5]"), e.getMessage());
  }

  @Test
  void snakeCaseNamesFollowKeras() {
    assertEquals("batch_normalization", Sequential.snakeCase("BatchNormalization"));
    assertEquals("leaky_re_lu", Sequential.snakeCase("LeakyReLU"));
    assertEquals("dense", Sequential.snakeCase("Dense"));
  }
}
