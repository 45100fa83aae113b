package dev.lamina.callbacks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.FitOptions;
import dev.lamina.History;
import dev.lamina.ModelFileException;
import dev.lamina.Sequential;
import dev.lamina.Tensor;
import dev.lamina.TrainingState;
import dev.lamina.layers.BatchNormalization;
import dev.lamina.layers.Dense;
import dev.lamina.layers.Dropout;
import dev.lamina.losses.MeanSquaredError;
import dev.lamina.optimizers.Adam;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fit interrupted at an epoch boundary or in the middle of an epoch, then started again in a
 * fresh model with {@link BackupAndRestore}, ends with the bits of a fit that never stopped: every
 * weight (Dropout's masks, BatchNormalization's moving statistics, Adam's slots and step count) and
 * every History value, with EarlyStopping and ReduceLROnPlateau carrying their state across the
 * interruption.
 */
class BackupAndRestoreTest {
  private static final int EPOCHS = 9;

  @TempDir Path dir;

  /** A crash: thrown by a callback, it ends fit as a kill would, minus the process. */
  private static final class Crash extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Crash() {
      super("simulated crash");
    }
  }

  /**
   * Crashes at the given epoch, after {@code batch} batches of it (0: as the epoch begins); the
   * resumed fit has one that never crashes, as the callback lists of both must match.
   */
  private record CrashAt(int epoch, int batch) implements Callback {
    @Override
    public void onEpochBegin(int e) {
      if (e == epoch && batch == 0) {
        throw new Crash();
      }
    }

    @Override
    public void onBatchEnd(int e, int b, java.util.Map<String, Double> logs) {
      if (e == epoch && b == batch) {
        throw new Crash();
      }
    }
  }

  private static final CrashAt NO_CRASH = new CrashAt(-1, -1);

  private record Run(List<Tensor> weights, History history, EarlyStopping stopping) {}

  private static Tensor[] data(int rows, long seed) {
    java.util.Random random = new java.util.Random(seed);
    float[][] x = new float[rows][4];
    float[][] y = new float[rows][1];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < 4; j++) {
        x[i][j] = (float) random.nextGaussian();
      }
      y[i][0] = (float) (Math.sin(x[i][0]) + x[i][1] * x[i][2] - 0.5 * x[i][3]);
    }
    return new Tensor[] {Tensor.of(x), Tensor.of(y)};
  }

  /** One fit in a freshly built model, as a new process would make it. */
  private Run fit(Path backup, Callback last) {
    return fit(backup == null ? null : new BackupAndRestore(backup), last);
  }

  private Run fit(BackupAndRestore backup, Callback last) {
    Tensor[] train = data(150, 1);
    Tensor[] valid = data(40, 2);
    Sequential model =
        new Sequential(
                new Dense(16, "relu").inputShape(4),
                new BatchNormalization(),
                new Dropout(0.25),
                new Dense(8, "relu"),
                new Dropout(0.1),
                new Dense(1))
            .seed(7);
    model.compile(new Adam(0.01), new MeanSquaredError());
    EarlyStopping stopping = new EarlyStopping().patience(100).restoreBestWeights(true);
    List<Callback> callbacks =
        new ArrayList<>(List.of(stopping, new ReduceLROnPlateau().patience(1).factor(0.5)));
    if (backup != null) {
      callbacks.add(backup);
    }
    callbacks.add(last);
    History history =
        model.fit(
            train[0],
            train[1],
            new FitOptions()
                .epochs(EPOCHS)
                .batchSize(32)
                .validationData(valid[0], valid[1])
                .verbose(0)
                .callbacks(callbacks.toArray(Callback[]::new)));
    return new Run(model.getWeights(), history, stopping);
  }

  private static void assertSameBits(Run expected, Run actual, String what) {
    for (int i = 0; i < expected.weights().size(); i++) {
      assertArrayEquals(
          expected.weights().get(i).toFloatArray(),
          actual.weights().get(i).toFloatArray(),
          what + ": weight " + i);
    }
    assertEquals(expected.history().keys(), actual.history().keys(), what);
    for (String key : expected.history().keys()) {
      assertTrue(
          Arrays.equals(expected.history().get(key), actual.history().get(key)),
          what
              + ": History "
              + key
              + " "
              + Arrays.toString(expected.history().get(key))
              + " vs "
              + Arrays.toString(actual.history().get(key)));
    }
    assertEquals(expected.stopping().bestEpoch(), actual.stopping().bestEpoch(), what);
  }

  @Test
  void aFitInterruptedAnywhereEndsWithTheBitsOfOneThatNeverStopped() {
    Run undisturbed = fit((Path) null, NO_CRASH);
    assertEquals(EPOCHS, undisturbed.history().epochs());
    double[] rates = undisturbed.history().get("learning_rate");
    assertTrue(
        rates[EPOCHS - 1] < rates[0],
        "ReduceLROnPlateau must act in the run, so that its state matters: "
            + Arrays.toString(rates));
    // as an epoch begins, after some batches of one, in the last epoch, and twice in one fit
    int[][] crashes = {{3, 0}, {5, 2}, {1, 4}, {EPOCHS - 1, 3}};
    for (int[] at : crashes) {
      Path backup = dir.resolve("backup-" + at[0] + "-" + at[1]);
      assertThrows(Crash.class, () -> fit(backup, new CrashAt(at[0], at[1])));
      assertTrue(Files.isRegularFile(backup.resolve(BackupAndRestore.FILE_NAME)));
      Run resumed = fit(backup, NO_CRASH);
      assertSameBits(undisturbed, resumed, "crash at epoch " + at[0] + " batch " + at[1]);
      assertFalse(
          Files.exists(backup.resolve(BackupAndRestore.FILE_NAME)),
          "the backup is deleted once training ends");
    }
    Path twice = dir.resolve("twice");
    assertThrows(Crash.class, () -> fit(twice, new CrashAt(2, 3)));
    assertThrows(Crash.class, () -> fit(twice, new CrashAt(6, 0)));
    assertSameBits(undisturbed, fit(twice, NO_CRASH), "two crashes");
  }

  @Test
  void theStateBeforeAnEpochIsWhatTheFileHolds() {
    Path backup = dir.resolve("kept");
    assertThrows(Crash.class, () -> fit(backup, new CrashAt(4, 0)));
    Path file = backup.resolve(BackupAndRestore.FILE_NAME);
    assertEquals(4, TrainingState.read(file).nextEpoch());
  }

  /** A clock that has gone on by 0.4 s each time it is read. */
  private static LongSupplier tickingClock() {
    long[] now = {0};
    return () -> now[0] += 400_000_000L;
  }

  @Test
  void anIntervalSkipsBackupsAndAResumeFromAnEarlierOneEndsTheSame() {
    Run undisturbed = fit((Path) null, NO_CRASH);
    // read as the fit begins (0.4 s) and as epochs 1.. begin (0.8, 1.2, 1.6, ...): with 1 s
    // between backups, they are taken before epochs 3 and 6
    int[][] crashes = {{5, 0, 3}, {6, 0, 6}, {2, 1, -1}, {7, 2, 6}};
    for (int[] at : crashes) {
      Path dir = this.dir.resolve("interval-" + at[0] + "-" + at[1]);
      Path file = dir.resolve(BackupAndRestore.FILE_NAME);
      BackupAndRestore backup =
          new BackupAndRestore(dir, tickingClock()).minInterval(Duration.ofSeconds(1));
      assertThrows(Crash.class, () -> fit(backup, new CrashAt(at[0], at[1])));
      if (at[2] < 0) {
        assertFalse(Files.exists(file), "no backup before the first interval has passed");
      } else {
        assertEquals(at[2], TrainingState.read(file).nextEpoch(), "crash at epoch " + at[0]);
      }
      Run resumed =
          fit(
              new BackupAndRestore(dir, tickingClock()).minInterval(Duration.ofSeconds(1)),
              NO_CRASH);
      assertSameBits(undisturbed, resumed, "interval, crash at epoch " + at[0]);
    }
  }

  @Test
  void anIntervalIsZeroOrMore() {
    BackupAndRestore backup = new BackupAndRestore(dir);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> backup.minInterval(Duration.ofSeconds(-1)));
    assertTrue(
        e.getMessage().contains("minInterval") && e.getMessage().contains("PT-1S"), e.getMessage());
    Path never = dir.resolve("never");
    assertThrows(
        Crash.class,
        () ->
            fit(
                new BackupAndRestore(never).minInterval(Duration.ofDays(365L * 1_000_000)),
                new CrashAt(EPOCHS - 1, 0)));
    assertFalse(Files.exists(never.resolve(BackupAndRestore.FILE_NAME)));
  }

  @Test
  void aBackupThatCannotBeWrittenFailsTheFitNamingTheFile() throws IOException {
    Path notAFolder = dir.resolve("not-a-folder");
    Files.writeString(notAFolder, "a file where the backup folder would be");
    Path file = notAFolder.resolve("backup").resolve(BackupAndRestore.FILE_NAME);
    ModelFileException e =
        assertThrows(
            ModelFileException.class,
            () -> fit(new BackupAndRestore(notAFolder.resolve("backup")), NO_CRASH));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
  }

  @Test
  void aDamagedBackupFailsTypedNamingTheFile() throws IOException {
    Path backup = dir.resolve("damaged");
    assertThrows(Crash.class, () -> fit(backup, new CrashAt(2, 0)));
    Path file = backup.resolve(BackupAndRestore.FILE_NAME);
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 0x55;
    Files.write(file, bytes);
    ModelFileException e = assertThrows(ModelFileException.class, () -> fit(backup, NO_CRASH));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
  }

  @Test
  void aBackupOfAnotherFitIsRefused() {
    Path backup = dir.resolve("other");
    assertThrows(Crash.class, () -> fit(backup, new CrashAt(2, 0)));
    Sequential other = new Sequential(new Dense(3).inputShape(4), new Dense(1)).seed(7);
    other.compile(new Adam(0.01), new MeanSquaredError());
    Tensor[] train = data(20, 1);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                other.fit(
                    train[0],
                    train[1],
                    new FitOptions()
                        .epochs(3)
                        .verbose(0)
                        .callbacks(
                            new EarlyStopping(),
                            new ReduceLROnPlateau(),
                            new BackupAndRestore(backup),
                            NO_CRASH)));
    assertTrue(e.getMessage().contains("another fit"), e.getMessage());
  }
}
