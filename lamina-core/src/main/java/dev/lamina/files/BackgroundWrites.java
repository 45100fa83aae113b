package dev.lamina.files;

/**
 * Runs file writes on a thread of their own, one at a time, so that the caller goes on while a
 * large file is encoded, hashed and forced to disk. A write's failure is raised in the caller's
 * thread by the next {@link #start} or by {@link #finish}; whoever starts writes finishes them, so
 * that none outlives the work that asked for it.
 */
public final class BackgroundWrites {
  private final String threadName;
  private Thread inFlight;

  /** Set by the writing thread before it ends, read after joining it. */
  private Throwable failure;

  /** {@code threadName} names the writing threads, as a thread dump shows them. */
  public BackgroundWrites(String threadName) {
    this.threadName = threadName;
  }

  /** Waits for the write before this one (raising its failure), then starts {@code write}. */
  public void start(Runnable write) {
    finish();
    Thread thread =
        new Thread(
            () -> {
              try {
                write.run();
              } catch (Throwable e) { // an Error too: the caller must not think the file written
                failure = e;
              }
            },
            threadName);
    thread.start();
    inFlight = thread;
  }

  /** Waits for the write in flight, if any, and raises its failure. */
  public void finish() {
    Throwable failed = awaitInFlight();
    if (failed instanceof RuntimeException e) {
      throw e;
    }
    if (failed instanceof Error e) {
      throw e;
    }
  }

  /**
   * Waits for the write in flight while {@code primary} is already on its way up; the write's
   * failure, if any, is added to it as suppressed.
   */
  public void finishAfter(Throwable primary) {
    Throwable failed = awaitInFlight();
    if (failed != null) {
      primary.addSuppressed(failed);
    }
  }

  /** Waits even when interrupted (the interrupt is kept): an unfinished write must not be left. */
  private Throwable awaitInFlight() {
    if (inFlight == null) {
      return null;
    }
    boolean interrupted = false;
    while (true) {
      try {
        inFlight.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    inFlight = null;
    Throwable failed = failure;
    failure = null;
    return failed;
  }
}
