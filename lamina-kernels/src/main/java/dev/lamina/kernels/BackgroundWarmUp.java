package dev.lamina.kernels;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one warm-up thread of {@link Kernels#warmUpInBackground}. On hotel.csv, `lamina train`'s
 * first epoch took 2–2.5 s less when the kernels were warmed while the file was read: until C2 has
 * compiled them, Vector API kernels allocate a box per vector operation.
 */
final class BackgroundWarmUp {
  static final String THREAD_NAME = "lamina-kernel-warm-up";
  private static final AtomicBoolean STARTED = new AtomicBoolean();

  private BackgroundWarmUp() {}

  static void start(Kernels kernels) {
    if (STARTED.compareAndSet(false, true)) {
      Thread thread = new Thread(kernels::warmUp, THREAD_NAME);
      thread.setDaemon(true);
      thread.start();
    }
  }
}
