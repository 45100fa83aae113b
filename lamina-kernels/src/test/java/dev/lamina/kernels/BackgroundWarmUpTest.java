package dev.lamina.kernels;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The background warm-up: one daemon thread however often it is asked for, and no error. */
class BackgroundWarmUpTest {

  @Test
  void startsOneDaemonThreadThatWarmsTheKernelsAndReturnsAtOnce() throws InterruptedException {
    List<Thread> warmingThreads = new CopyOnWriteArrayList<>();
    CountDownLatch release = new CountDownLatch(1);
    Kernels recording =
        (Kernels)
            Proxy.newProxyInstance(
                Kernels.class.getClassLoader(),
                new Class<?>[] {Kernels.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("warmUp")) {
                    warmingThreads.add(Thread.currentThread());
                    release.await(); // held until both calls below have returned
                  }
                  return null;
                });
    BackgroundWarmUp.start(recording);
    BackgroundWarmUp.start(recording);
    release.countDown();
    for (int wait = 0; wait < 100 && warmingThreads.isEmpty(); wait++) {
      TimeUnit.MILLISECONDS.sleep(50);
    }
    assertEquals(1, warmingThreads.size(), "warm-up threads started");
    Thread thread = warmingThreads.get(0);
    thread.join(5_000);
    assertEquals(BackgroundWarmUp.THREAD_NAME, thread.getName());
    assertTrue(thread.isDaemon(), "a warm-up must not keep the JVM alive");
    assertEquals(1, warmingThreads.size(), "warm-up threads started");
  }

  @Test
  void theActiveKernelsWarmUpWithoutError() {
    assertDoesNotThrow(() -> Kernels.get().warmUp());
  }
}
