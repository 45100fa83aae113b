package dev.lamina.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.kernels.internal.KernelThreads;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The hand-over to the persistent workers: every part runs once, failures surface, callers share.
 */
class KernelThreadsTest {
  private final int threadsBefore = KernelThreads.count();

  @AfterEach
  void restoreThreads() {
    KernelThreads.setCount(threadsBefore);
  }

  @Test
  void everyPartRunsExactlyOnce() {
    AtomicIntegerArray runs = new AtomicIntegerArray(3);
    for (int call = 0; call < 1000; call++) {
      KernelThreads.runParts((part, parts) -> runs.incrementAndGet(part), 3);
    }
    for (int part = 0; part < 3; part++) {
      assertEquals(1000, runs.get(part), "part " + part);
    }
  }

  @Test
  void aPartItsWorkerHasNotBegunRunsOnTheCallerOnceAndOnlyOnce() {
    Thread caller = Thread.currentThread();
    AtomicIntegerArray runs = new AtomicIntegerArray(2);
    int[] part1Where = new int[2]; // [0]: on the caller (taken back), [1]: on the worker
    for (int call = 0; call < 4000; call++) {
      // a part 0 that ends at once usually finds its worker not yet begun; a long one, begun
      long part0Nanos = call % 2 == 0 ? 0 : 50_000;
      KernelThreads.runParts(
          (part, parts) -> {
            runs.incrementAndGet(part);
            if (part == 0) {
              long until = System.nanoTime() + part0Nanos;
              while (System.nanoTime() < until) {
                Thread.onSpinWait();
              }
            } else {
              part1Where[Thread.currentThread() == caller ? 0 : 1]++;
            }
          },
          2);
      assertEquals(call + 1, runs.get(0));
      assertEquals(call + 1, runs.get(1), "part 1 ran once in call " + call);
    }
    assertTrue(part1Where[0] > 0, "no part was ever taken back: " + part1Where[1] + " on workers");
    assertTrue(part1Where[1] > 0, "no part ever ran on a worker");
  }

  @Test
  void aFailingWorkerPartIsRethrownToTheCaller() {
    IllegalStateException boom = new IllegalStateException("part 1 failed");
    var thrown =
        assertThrows(
            IllegalStateException.class,
            () ->
                KernelThreads.runParts(
                    (part, parts) -> {
                      if (part == 1) {
                        throw boom;
                      }
                    },
                    2));
    assertSame(boom, thrown);
    // the workers are still usable afterwards
    AtomicIntegerArray runs = new AtomicIntegerArray(2);
    KernelThreads.runParts((part, parts) -> runs.incrementAndGet(part), 2);
    assertEquals(1, runs.get(1));
  }

  @Test
  void concurrentCallersGetTheSameResultAsOneThread() throws Exception {
    GemmCase g = GemmCase.random(200, 300, 260, 0, new Random(9));
    KernelThreads.setCount(1);
    float[] expected = g.run(Kernels.get(), false, true, false);
    KernelThreads.setCount(2);
    ExecutorService callers = Executors.newFixedThreadPool(3);
    try {
      List<Future<float[]>> results = new ArrayList<>();
      for (int caller = 0; caller < 3; caller++) {
        results.add(
            callers.submit(
                () -> {
                  float[] last = null;
                  for (int call = 0; call < 20; call++) {
                    last = g.run(Kernels.get(), false, true, false);
                  }
                  return last;
                }));
      }
      for (Future<float[]> result : results) {
        assertArrayEquals(expected, result.get());
      }
    } finally {
      callers.shutdownNow();
    }
  }
}
