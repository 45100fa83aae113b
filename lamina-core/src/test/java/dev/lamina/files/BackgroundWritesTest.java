package dev.lamina.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The caller goes on while a write runs, writes never overlap, a failure reaches the caller's
 * thread exactly once, and no write is left running by an interrupted caller.
 */
class BackgroundWritesTest {
  private final BackgroundWrites writes = new BackgroundWrites("test-writer");

  @Test
  void theCallerGoesOnWhileTheWriteRunsOnItsOwnThread() throws InterruptedException {
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean done = new AtomicBoolean();
    String[] writer = new String[1];
    writes.start(
        () -> {
          writer[0] = Thread.currentThread().getName();
          awaitQuietly(release);
          done.set(true);
        });
    assertFalse(done.get(), "start returned before the write could end");
    release.countDown();
    writes.finish();
    assertTrue(done.get(), "finish waits for the write");
    assertEquals("test-writer", writer[0]);
    assertNotEquals(Thread.currentThread().getName(), writer[0]);
  }

  @Test
  void aWriteBeginsOnlyOnceTheOneBeforeHasEnded() {
    List<String> events = new CopyOnWriteArrayList<>();
    for (int i = 0; i < 4; i++) {
      int n = i;
      writes.start(
          () -> {
            events.add("begin " + n);
            sleep(20);
            events.add("end " + n);
          });
    }
    writes.finish();
    assertArrayEquals(
        new String[] {
          "begin 0", "end 0", "begin 1", "end 1", "begin 2", "end 2", "begin 3", "end 3"
        },
        events.toArray(String[]::new));
  }

  @Test
  void aFailedWriteFailsTheNextStartOnceAndTheWriteAfterItRuns() {
    UncheckedIOException failure =
        new UncheckedIOException("cannot write backup", new java.io.IOException("disk full"));
    writes.start(
        () -> {
          throw failure;
        });
    AtomicBoolean second = new AtomicBoolean();
    assertSame(failure, assertThrows(UncheckedIOException.class, () -> writes.start(() -> {})));
    writes.start(() -> second.set(true));
    writes.finish();
    assertTrue(second.get());
  }

  @Test
  void finishRaisesTheFailureAndAnErrorStaysAnError() {
    writes.start(
        () -> {
          throw new IllegalStateException("broken");
        });
    assertEquals("broken", assertThrows(IllegalStateException.class, writes::finish).getMessage());
    writes.finish(); // raised once
    OutOfMemoryError error = new OutOfMemoryError("no room for the encoded state");
    writes.start(
        () -> {
          throw error;
        });
    assertSame(error, assertThrows(OutOfMemoryError.class, writes::finish));
  }

  @Test
  void aCallerAlreadyFailingGetsTheWritesFailureAsSuppressed() {
    IllegalStateException write = new IllegalStateException("write failed");
    writes.start(
        () -> {
          sleep(20);
          throw write;
        });
    RuntimeException primary = new RuntimeException("training failed");
    writes.finishAfter(primary);
    assertArrayEquals(new Throwable[] {write}, primary.getSuppressed());
    writes.finish(); // nothing left
  }

  @Test
  void anInterruptedCallerStillWaitsForTheWriteAndKeepsItsInterrupt() {
    AtomicBoolean done = new AtomicBoolean();
    writes.start(
        () -> {
          sleep(50);
          done.set(true);
        });
    Thread.currentThread().interrupt();
    try {
      writes.finish();
      assertTrue(done.get(), "the write ended before finish returned");
      assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is kept");
    } finally {
      Thread.interrupted();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      assertTrue(latch.await(10, TimeUnit.SECONDS));
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
