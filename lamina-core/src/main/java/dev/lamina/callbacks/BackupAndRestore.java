package dev.lamina.callbacks;

import dev.lamina.files.AtomicFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

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
 */
public final class BackupAndRestore implements Callback {
  /** The backup's name inside the backup folder. */
  public static final String FILE_NAME = "training-state.lamina";

  private final Path file;
  private boolean deleteCheckpoint = true;
  private TrainingControl control;
  private int firstEpoch = -1;

  public BackupAndRestore(Path backupDir) {
    this.file = backupDir.resolve(FILE_NAME);
  }

  /** Whether the backup is deleted once training ends normally (true, as in Keras). */
  public BackupAndRestore deleteCheckpoint(boolean delete) {
    this.deleteCheckpoint = delete;
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
    control.backUp(epoch, file);
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
