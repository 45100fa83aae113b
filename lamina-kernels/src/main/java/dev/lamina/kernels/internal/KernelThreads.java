package dev.lamina.kernels.internal;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How many threads large kernels split across, and the daemon workers they run on. Defaults to the
 * number of available processors; the system property {@code lamina.threads} or {@link #setCount}
 * changes it (benchmarks measure 1 and 2 threads this way).
 *
 * <p>A split kernel runs part 0 on the calling thread and hands the other parts to persistent
 * {@link KernelWorker}s, which spin briefly before parking: a training step calls split kernels
 * back to back with short serial work between them, and waking a parked thread costs tens of
 * microseconds, a noticeable share of a 256×512×512 product. A part whose worker has not begun it
 * when the caller's own part is done runs on the caller instead: on a shared machine one hand-over
 * in a hundred starts a millisecond late. Handing over allocates nothing.
 */
public final class KernelThreads {
  private static volatile int count = initialCount();

  /** Held by the one caller whose parts the workers run; others run their parts themselves. */
  private static final AtomicBoolean BUSY = new AtomicBoolean();

  private static KernelWorker[] workers = new KernelWorker[0];

  private KernelThreads() {}

  /** Work that splits into parts that write disjoint outputs, so they may run in any order. */
  @FunctionalInterface
  public interface PartedTask {
    void runPart(int part, int parts);
  }

  /** The number of threads a large kernel splits across. */
  public static int count() {
    return count;
  }

  /** Sets the number of threads large kernels split across; must be at least 1. */
  public static void setCount(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("thread count must be at least 1, got " + threads);
    }
    count = threads;
  }

  /**
   * Runs parts 0..parts-1 of the task and returns when all are done: part 0 here, the rest on
   * workers, except a part whose worker has not begun it when part 0 is done, which runs here next.
   * While another caller holds the workers (or a worker itself calls a kernel), this caller runs
   * every part itself; the parts own disjoint outputs, so the result is the same.
   */
  public static void runParts(PartedTask task, int parts) {
    if (parts == 1 || !BUSY.compareAndSet(false, true)) {
      for (int part = 0; part < parts; part++) {
        task.runPart(part, parts);
      }
      return;
    }
    try {
      KernelWorker[] pool = workers(parts - 1);
      for (int w = 0; w < parts - 1; w++) {
        pool[w].start(task, w + 1, parts);
      }
      Throwable failure = runHere(task, 0, parts);
      for (int w = 0; w < parts - 1; w++) {
        Throwable partFailure =
            pool[w].revoke() ? runHere(task, w + 1, parts) : pool[w].awaitDone();
        if (failure == null) {
          failure = partFailure;
        }
      }
      rethrow(failure);
    } finally {
      BUSY.set(false);
    }
  }

  /** Runs a part on the calling thread; returns what it threw, or null. */
  private static Throwable runHere(PartedTask task, int part, int parts) {
    try {
      task.runPart(part, parts);
      return null;
    } catch (RuntimeException | Error e) {
      return e;
    }
  }

  private static void rethrow(Throwable failure) {
    if (failure instanceof RuntimeException r) {
      throw r;
    }
    if (failure instanceof Error e) {
      throw e;
    }
    if (failure != null) {
      throw new IllegalStateException("kernel worker failed", failure);
    }
  }

  /** Grows the worker pool to at least {@code needed}; only the BUSY holder calls this. */
  private static KernelWorker[] workers(int needed) {
    if (workers.length < needed) {
      KernelWorker[] grown = Arrays.copyOf(workers, needed);
      for (int w = workers.length; w < needed; w++) {
        grown[w] = new KernelWorker();
      }
      workers = grown;
    }
    return workers;
  }

  private static int initialCount() {
    String value = System.getProperty("lamina.threads");
    if (value == null) {
      return Runtime.getRuntime().availableProcessors();
    }
    try {
      int threads = Integer.parseInt(value.trim());
      if (threads >= 1) {
        return threads;
      }
    } catch (NumberFormatException e) {
      // reported below with the allowed range
    }
    throw new IllegalArgumentException(
        "system property lamina.threads must be an integer ≥ 1, got '" + value + "'");
  }
}
