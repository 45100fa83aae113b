package dev.lamina;

import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Lets any number of threads read a model at once (predict, evaluate) and one thread change it
 * (fit, setWeights, a lazy build), never both: a change while others read, or a read while another
 * thread changes the model, fails at once with an {@link IllegalStateException} instead of waiting
 * or mixing old and new weights. The thread that is changing the model may also read it (a callback
 * that predicts during fit).
 */
final class UseGuard {
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

  <T> T reading(String operation, Supplier<T> body) {
    if (!lock.readLock().tryLock()) {
      throw new IllegalStateException(
          "Sequential."
              + operation
              + ": the model is being "
              + "trained or changed by another thread; call "
              + operation
              + " after fit returns");
    }
    try {
      return body.get();
    } finally {
      lock.readLock().unlock();
    }
  }

  <T> T changing(String operation, Supplier<T> body) {
    if (lock.getReadHoldCount() > 0 || !lock.writeLock().tryLock()) {
      throw new IllegalStateException(
          "Sequential."
              + operation
              + ": the model is in use by "
              + "another thread (predict, evaluate or fit); its weights would change under it, so "
              + "wait for that to finish");
    }
    try {
      return body.get();
    } finally {
      lock.writeLock().unlock();
    }
  }
}
