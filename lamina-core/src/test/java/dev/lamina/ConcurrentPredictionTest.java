package dev.lamina;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.callbacks.Callback;
import dev.lamina.layers.BatchNormalization;
import dev.lamina.layers.Dense;
import dev.lamina.layers.Dropout;
import dev.lamina.losses.Loss;
import dev.lamina.losses.MeanSquaredError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * predict and evaluate on one model from many threads give the bits one thread gets; fit while
 * another thread predicts fails at once instead of changing the weights under it. The thread and
 * prediction counts are {@code lamina.stress.threads} and {@code lamina.stress.predictions}
 * (tools/stress-predict runs 16 × 10,000).
 */
class ConcurrentPredictionTest {
  private static final int THREADS = Integer.getInteger("lamina.stress.threads", 16);
  private static final int PREDICTIONS = Integer.getInteger("lamina.stress.predictions", 300);
  private static final int ROWS = 512;
  private static final int REQUESTS = 256;
  private static final int MAX_BATCH = 96;

  private static Sequential model() {
    Sequential model =
        new Sequential(
                new Dense(48, "relu"),
                new BatchNormalization(),
                new Dropout(0.3),
                new Dense(32, "tanh"),
                new Dense(3, "softmax"))
            .seed(7);
    model.build(12);
    model.compile("adam", "sparse_categorical_crossentropy", "accuracy");
    return model;
  }

  /** A request: rows [start, start + rows) predicted in batches of {@code batch}. */
  private record Request(int start, int rows, int batch) {}

  @Test
  void manyThreadsPredictTheSameBitsAsOne() throws Exception {
    Sequential model = model();
    Tensor x = Tensor.randomNormal(11, 0, 2, ROWS, 12);
    SplittableRandom random = new SplittableRandom(5);
    List<Request> requests = new ArrayList<>();
    List<float[]> expected = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      int rows = 1 + random.nextInt(MAX_BATCH);
      Request request =
          new Request(random.nextInt(ROWS - rows + 1), rows, 1 + random.nextInt(rows));
      requests.add(request);
      expected.add(predict(model, x, request));
    }
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> mismatches = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        long seed = t;
        mismatches.add(
            pool.submit(
                () -> {
                  SplittableRandom own = new SplittableRandom(seed);
                  start.await();
                  int wrong = 0;
                  for (int i = 0; i < PREDICTIONS; i++) {
                    int pick = own.nextInt(REQUESTS);
                    float[] got = predict(model, x, requests.get(pick));
                    wrong += Arrays.equals(got, expected.get(pick)) ? 0 : 1;
                  }
                  return wrong;
                }));
      }
      start.countDown();
      int total = 0;
      for (Future<Integer> result : mismatches) {
        total += result.get(10, TimeUnit.MINUTES);
      }
      assertEquals(
          0, total, "predictions differing from one thread's, of " + THREADS * PREDICTIONS);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void manyThreadsEvaluateTheSameBitsAsOne() throws Exception {
    Sequential model = model();
    Tensor x = Tensor.randomNormal(3, 0, 1, 200, 12);
    float[] labels = new float[200];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = i % 3;
    }
    Tensor y = Tensor.of(labels, 200, 1);
    Map<String, Double> alone = model.evaluate(x, y);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Map<String, Double>>> results = new ArrayList<>();
      for (int t = 0; t < 32; t++) {
        results.add(pool.submit(() -> model.evaluate(x, y)));
      }
      for (Future<Map<String, Double>> result : results) {
        assertEquals(alone, result.get(5, TimeUnit.MINUTES));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void fitWhileAnotherThreadEvaluatesFailsAtOnceAndLeavesTheWeights() throws Exception {
    HoldingLoss loss = new HoldingLoss();
    Sequential model = model();
    model.compile(new dev.lamina.optimizers.Adam(), loss);
    Tensor x = Tensor.randomNormal(1, 0, 1, 64, 12);
    Tensor y = Tensor.randomNormal(2, 0, 1, 64, 3);
    List<Tensor> before = model.getWeights();
    loss.arm();
    Thread reader = new Thread(() -> model.evaluate(x, y));
    reader.start();
    loss.entered.await();
    IllegalStateException busy =
        assertThrows(
            IllegalStateException.class,
            () -> model.fit(x, y, new FitOptions().epochs(1).verbose(0)));
    loss.release.countDown();
    reader.join();
    assertTrue(
        busy.getMessage().contains("Sequential.fit")
            && busy.getMessage().contains("in use by another thread"),
        busy.getMessage());
    List<Tensor> after = model.getWeights();
    for (int i = 0; i < before.size(); i++) {
      assertArrayEquals(before.get(i).toFloatArray(), after.get(i).toFloatArray());
    }
    model.fit(x, y, new FitOptions().epochs(1).verbose(0));
  }

  /** Mean squared error that, once armed, waits inside its first use until released. */
  private static final class HoldingLoss implements Loss {
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    private volatile boolean armed;

    void arm() {
      armed = true;
    }

    @Override
    public String name() {
      return "holding_mse";
    }

    @Override
    public Tensor perSample(Tensor yTrue, Tensor yPred) {
      if (armed) {
        armed = false;
        entered.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return new MeanSquaredError().perSample(yTrue, yPred);
    }
  }

  @Test
  void predictWhileAnotherThreadTrainsFailsAtOnceButACallbackOfTheTrainerMayPredict()
      throws Exception {
    Sequential model = model();
    Tensor x = Tensor.randomNormal(1, 0, 1, 64, 12);
    Tensor y = Tensor.of(new float[64], 64, 1);
    AtomicReference<Throwable> otherThread = new AtomicReference<>();
    AtomicReference<Tensor> ownThread = new AtomicReference<>();
    Callback probe =
        new Callback() {
          @Override
          public void onEpochEnd(int epoch, Map<String, Double> logs) {
            ownThread.set(model.predict(x));
            Thread other =
                new Thread(
                    () -> {
                      try {
                        model.predict(x);
                      } catch (Throwable e) {
                        otherThread.set(e);
                      }
                    });
            other.start();
            try {
              other.join();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        };
    model.fit(x, y, new FitOptions().epochs(1).verbose(0).callbacks(probe));
    assertTrue(ownThread.get() != null);
    assertTrue(
        otherThread.get() instanceof IllegalStateException
            && otherThread.get().getMessage().contains("being trained"),
        String.valueOf(otherThread));
  }

  private static float[] predict(Sequential model, Tensor x, Request request) {
    return model
        .predict(x.slice(0, request.start(), request.start() + request.rows()), request.batch())
        .toFloatArray();
  }
}
