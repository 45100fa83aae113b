package dev.lamina.kernels.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * One daemon thread that runs parts of split kernels for {@link KernelThreads}. The hand-over in
 * both directions is a volatile generation counter: the waiting side spins for a short while (the
 * next part, or the other half of the same product, usually arrives within microseconds) and then
 * parks, having first announced that it parks so the other side knows to unpark it. Each generation
 * is claimed once, by the worker as it begins the part or by the caller taking it back ({@link
 * #revoke}) when the worker has not begun by the time the caller's own part is done.
 */
final class KernelWorker {
  private static final VarHandle CLAIMED;

  static {
    try {
      CLAIMED = MethodHandles.lookup().findVarHandle(KernelWorker.class, "claimed", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /**
   * How long either side spins before parking: longer than the serial work between two split
   * kernels in a training step (bias, activation: tens of microseconds), short enough that an idle
   * worker gives its core back almost at once.
   */
  private static final long SPIN_NANOS = 200_000;

  private final Thread thread;

  /** Written by the caller before it publishes {@link #posted}. */
  private KernelThreads.PartedTask task;

  private int part;
  private int parts;

  /** Written by the worker before it publishes {@link #finished}. */
  private Throwable failure;

  private long generation;
  private volatile long posted;
  private volatile long finished;

  /** The last generation begun by the worker or taken back by the caller. */
  @SuppressWarnings("UnusedVariable") // accessed through CLAIMED
  private volatile long claimed;

  private volatile boolean workerParked;
  private volatile Thread callerParked;

  KernelWorker() {
    thread = new Thread(this::loop, "lamina-kernel");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Hands this worker one part; the caller must {@link #revoke} it or {@link #awaitDone} before the
   * next.
   */
  void start(KernelThreads.PartedTask task, int part, int parts) {
    this.task = task;
    this.part = part;
    this.parts = parts;
    posted = ++generation;
    if (workerParked) {
      LockSupport.unpark(thread);
    }
  }

  /**
   * Takes back the part handed over last if the worker has not begun it, so that the caller runs it
   * instead of waiting: a worker that was parked, or whose core the machine gave to another
   * process, can start a millisecond late (one kernel call in a hundred on a shared 2-vCPU host),
   * several times what the part itself takes. After true the worker never runs that part.
   */
  boolean revoke() {
    if (!CLAIMED.compareAndSet(this, generation - 1, generation)) {
      return false;
    }
    task = null;
    return true;
  }

  /** Waits for the part handed over last, which the worker began, and returns what it threw. */
  Throwable awaitDone() {
    long deadline = System.nanoTime() + SPIN_NANOS;
    while (finished != generation && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    if (finished != generation) {
      boolean interrupted = false;
      callerParked = Thread.currentThread();
      while (finished != generation) {
        LockSupport.park(this);
        // the kernel's output must be complete before returning, so keep waiting
        interrupted |= Thread.interrupted();
      }
      callerParked = null;
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    Throwable thrown = failure;
    failure = null;
    return thrown;
  }

  private void loop() {
    long seen = 0;
    while (true) {
      seen = awaitPosted(seen);
      if (!CLAIMED.compareAndSet(this, seen - 1, seen)) {
        continue; // the caller took this part back
      }
      Throwable thrown = null;
      try {
        task.runPart(part, parts);
      } catch (Throwable t) {
        thrown = t;
      }
      task = null;
      failure = thrown;
      finished = seen;
      Thread caller = callerParked;
      if (caller != null) {
        LockSupport.unpark(caller);
      }
    }
  }

  private long awaitPosted(long seen) {
    long deadline = System.nanoTime() + SPIN_NANOS;
    while (posted == seen && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    while (posted == seen) {
      workerParked = true;
      if (posted == seen) {
        LockSupport.park(this);
      }
      workerParked = false;
    }
    return posted;
  }
}
