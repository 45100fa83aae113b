package dev.lamina.kernels;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * How many threads large kernels split across, and the shared pool of daemon workers they run on.
 * Defaults to the number of available processors; the system property {@code lamina.threads} or
 * {@link #setCount} changes it (benchmarks measure 1 and 2 threads this way).
 */
public final class KernelThreads {
  private static volatile int count = initialCount();
  private static ExecutorService pool;
  private static int poolSize;

  private KernelThreads() {}

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

  /** Runs the tasks, one on the calling thread and the rest on pool workers, and waits for all. */
  static void runAll(List<Runnable> tasks) {
    List<Future<?>> pending = new ArrayList<>(tasks.size() - 1);
    ExecutorService workers = workers(tasks.size() - 1);
    for (int t = 1; t < tasks.size(); t++) {
      pending.add(workers.submit(tasks.get(t)));
    }
    tasks.get(0).run();
    for (Future<?> f : pending) {
      awaitQuietly(f);
    }
  }

  private static void awaitQuietly(Future<?> f) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          f.get();
          return;
        } catch (InterruptedException e) {
          // the kernel's output must be complete before returning, so keep waiting
          interrupted = true;
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          if (cause instanceof RuntimeException r) {
            throw r;
          }
          if (cause instanceof Error err) {
            throw err;
          }
          throw new IllegalStateException("kernel worker failed", cause);
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static synchronized ExecutorService workers(int needed) {
    if (poolSize < needed) {
      ExecutorService old = pool;
      pool = Executors.newFixedThreadPool(needed, KernelThreads::daemon);
      poolSize = needed;
      if (old != null) {
        old.shutdown();
      }
    }
    return pool;
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "lamina-kernel");
    t.setDaemon(true);
    return t;
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
