package dev.lamina;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.lamina.layers.BatchNormalization;
import dev.lamina.layers.Conv2D;
import dev.lamina.layers.Dense;
import dev.lamina.layers.Dropout;
import dev.lamina.layers.Flatten;
import dev.lamina.layers.MaxPooling2D;
import dev.lamina.losses.MeanSquaredError;
import dev.lamina.optimizers.Adam;
import dev.lamina.optimizers.Optimizer;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A model keeps its step buffers from one fit to the next (StepBuffers): a second fit must train
 * exactly as it would on fresh buffers, whether its steps find the last fit's arrays (same shapes)
 * or not (another batch size), and a fit on another thread gets buffers of its own.
 */
class RepeatedFitTest {
  private static final MeanSquaredError LOSS = new MeanSquaredError();

  private static Sequential dense(long seed) {
    return new Sequential(
            new Dense(8, "relu").inputShape(3),
            new Dropout(0.25),
            new BatchNormalization(),
            new Dense(1))
        .seed(seed);
  }

  private static Sequential convnet(long seed) {
    return new Sequential(
            new Conv2D(4, 3, "relu").inputShape(6, 6, 1),
            new MaxPooling2D(2),
            new Flatten(),
            new Dense(1))
        .seed(seed);
  }

  private static FitOptions batches(int size) {
    return new FitOptions().epochs(2).batchSize(size).shuffle(false).verbose(0);
  }

  /** Fits twice; with {@code fresh}, recompiles with the same optimizer between the fits. */
  private static Sequential fitTwice(
      Sequential model, Tensor x, Tensor y, int firstBatch, int secondBatch, boolean fresh) {
    Optimizer adam = new Adam(0.01);
    model.compile(adam, LOSS);
    model.fit(x, y, batches(firstBatch));
    if (fresh) {
      // the same optimizer keeps its state: only the step buffers start over
      model.compile(adam, LOSS);
    }
    model.fit(x, y, batches(secondBatch));
    return model;
  }

  private static void assertSameWeights(Sequential expected, Sequential actual) {
    for (int i = 0; i < expected.getWeights().size(); i++) {
      assertArrayEquals(
          expected.getWeights().get(i).toFloatArray(),
          actual.getWeights().get(i).toFloatArray(),
          "weight " + i);
    }
  }

  @Test
  void aSecondFitTrainsAsOnFreshBuffers() {
    Tensor x = Tensor.randomUniform(3, -1, 1, 50, 3);
    Tensor y = Tensor.randomUniform(4, -1, 1, 50, 1);
    // 50 rows in batches of 16 end with a short batch: both step variants are reused
    assertSameWeights(
        fitTwice(dense(7), x, y, 16, 16, true), fitTwice(dense(7), x, y, 16, 16, false));
    assertSameWeights(
        fitTwice(dense(7), x, y, 16, 10, true), fitTwice(dense(7), x, y, 16, 10, false));
  }

  @Test
  void aSecondConvolutionFitTrainsAsOnFreshBuffers() {
    Tensor x = Tensor.randomUniform(5, 0, 1, 20, 6, 6, 1);
    Tensor y = Tensor.randomUniform(6, -1, 1, 20, 1);
    assertSameWeights(
        fitTwice(convnet(3), x, y, 8, 8, true), fitTwice(convnet(3), x, y, 8, 8, false));
  }

  @Test
  void fitsOnOneThreadShareBuffersAndCompileDropsThem() {
    Tensor x = Tensor.randomUniform(3, -1, 1, 20, 3);
    Tensor y = Tensor.randomUniform(4, -1, 1, 20, 1);
    Sequential model = dense(1);
    model.compile(new Adam(), LOSS);
    model.fit(x, y, batches(8));
    StepBuffers kept = model.stepBuffers();
    model.fit(x, y, batches(8));
    assertSame(kept, model.stepBuffers());
    model.compile(new Adam(), LOSS);
    assertNotSame(kept, model.stepBuffers());
  }

  @Test
  void aFitOnAnotherThreadGetsBuffersOfItsOwn() throws Exception {
    Tensor x = Tensor.randomUniform(3, -1, 1, 20, 3);
    Tensor y = Tensor.randomUniform(4, -1, 1, 20, 1);
    Sequential model = dense(1);
    model.compile(new Adam(), LOSS);
    model.fit(x, y, batches(8));
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread other = new Thread(() -> model.fit(x, y, batches(8)));
    other.setUncaughtExceptionHandler((t, e) -> failure.set(e));
    other.start();
    other.join();
    if (failure.get() != null) {
      throw new AssertionError("fit on a second thread failed", failure.get());
    }
    model.fit(x, y, batches(8));
  }
}
