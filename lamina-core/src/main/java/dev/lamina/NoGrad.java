package dev.lamina;

/**
 * A scope in which operations record nothing for automatic differentiation, for inference and for
 * optimizer updates. Confined to the thread that entered it; scopes nest.
 *
 * <pre>{@code
 * try (NoGrad scope = NoGrad.enter()) {
 *   Tensor prediction = model.apply(x);
 * }
 * }</pre>
 */
public final class NoGrad implements AutoCloseable {
  private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

  private final Thread owner = Thread.currentThread();
  private boolean closed;

  private NoGrad() {}

  /** Enters a scope on the current thread; close it on the same thread. */
  public static NoGrad enter() {
    DEPTH.get()[0]++;
    return new NoGrad();
  }

  /** Whether the current thread is inside a scope. */
  public static boolean isActive() {
    return DEPTH.get()[0] > 0;
  }

  @Override
  public void close() {
    if (Thread.currentThread() != owner) {
      throw new IllegalStateException(
          "NoGrad: scope entered on thread "
              + owner.getName()
              + " closed on "
              + Thread.currentThread().getName());
    }
    if (!closed) {
      closed = true;
      DEPTH.get()[0]--;
    }
  }
}
