package dev.lamina.callbacks;

import dev.lamina.files.AtomicFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Keras's {@code BackupAndRestore}: a fit that is interrupted (killed, crashed, out of power) and
 * started again with the same model, data, options and this callback continues where it stopped and
 * ends with exactly the weights and History of a fit that never stopped.
 *
 * <p>Between epochs the whole training state ({@code TrainingState}: weights, optimizer slots and
 * step count, random streams, History, every callback's state) is written to {@code
 * backupDir/training-state.lamina}, atomically and checksummed, so a kill at any moment leaves the
 * previous backup or the new one. When a fit begins and a backup is there, training resumes from
 * it; the epoch that was running when the fit stopped runs again from its start. As in Keras, the
 * backup is deleted when training ends normally, unless {@link #deleteCheckpoint(boolean)} says to
 * keep it. Unlike Keras, the History that fit returns holds the epochs before the interruption too.
 *
 * <p>Where epochs are short, writing the state before every one of them costs more than the epochs:
 * {@link #minInterval(Duration)} skips the backups of epochs that begin sooner than that after the
 * last one (or after the fit began), so that a kill loses at most that long and the epoch that was
 * running. The resumed fit ends with the same bits from any earlier epoch.
 */
public final class BackupAndRestore implements Callback {
  /** The backup's name inside the backup folder. */
  public static final String FILE_NAME = "training-state.lamina";

  private final Path file;
  private final LongSupplier nanoClock;
  private boolean deleteCheckpoint = true;
  private long minIntervalNanos;
  private TrainingControl control;
  private int firstEpoch = -1;
  private long lastBackupNanos;

  public BackupAndRestore(Path backupDir) {
    this(backupDir, System::nanoTime);
  }

  /** With the clock that {@link #minInterval} is measured on, which tests advance by hand. */
  BackupAndRestore(Path backupDir, LongSupplier nanoClock) {
    this.file = backupDir.resolve(FILE_NAME);
    this.nanoClock = nanoClock;
  }

  /** Whether the backup is deleted once training ends normally (true, as in Keras). */
  public BackupAndRestore deleteCheckpoint(boolean delete) {
    this.deleteCheckpoint = delete;
    return this;
  }

  /**
   * Skips the backup of an epoch that begins less than {@code interval} after the last backup, or
   * after the fit began (default zero: before every epoch, as Keras does).
   */
  public BackupAndRestore minInterval(Duration interval) {
    Objects.requireNonNull(interval, "BackupAndRestore.minInterval");
    if (interval.isNegative()) {
      throw new IllegalArgumentException(
          "BackupAndRestore.minInterval must be zero or more, got " + interval);
    }
    // beyond 292 years: never again
    this.minIntervalNanos =
        interval.compareTo(Duration.ofNanos(Long.MAX_VALUE)) > 0
            ? Long.MAX_VALUE
            : interval.toNanos();
    return this;
  }

  /** Where the backup is written. */
  public Path file() {
    return file;
  }

  @Override
  public void onTrainBegin(TrainingControl control) {
    this.control = control;
    firstEpoch = -1;
    lastBackupNanos = nanoClock.getAsLong();
    // a backup write killed midway leaves only a hidden temporary file beside the old backup
    AtomicFile.deleteLeftovers(file);
    if (Files.isRegularFile(file)) {
      control.resumeFrom(file);
    }
  }

  @Override
  public void onEpochBegin(int epoch) {
    // the state before the first epoch of this fit is already on disk or is the initial one
    if (firstEpoch < 0) {
      firstEpoch = epoch;
      return;
    }
    long now = nanoClock.getAsLong();
    if (now - lastBackupNanos < minIntervalNanos) {
      return;
    }
    control.backUp(epoch, file);
    lastBackupNanos = now;
  }

  @Override
  public void onTrainEnd(Map<String, Double> logs) {
    if (!deleteCheckpoint) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("BackupAndRestore: cannot delete " + file, e);
    }
  }
}
