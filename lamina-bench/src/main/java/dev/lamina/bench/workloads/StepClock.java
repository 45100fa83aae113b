package dev.lamina.bench.workloads;

import bench.harness.CpuWatch;
import dev.lamina.callbacks.Callback;
import dev.lamina.callbacks.TrainingControl;
import java.util.Arrays;
import java.util.Map;

/**
 * Times a fit from inside, as the peers time their loops: per epoch after the warm-up epochs, or
 * one span over a range of global steps (stopping the fit at its end). The CPU watch starts with
 * the timed region.
 */
final class StepClock implements Callback {
  private final int warmupEpochs;
  private final long firstTimedStep;
  private final long lastTimedStep;
  private final double[] epochSeconds;
  private TrainingControl control;
  private CpuWatch watch;
  private double foreign = Double.NaN;
  private long epochStart;
  private long spanStart;
  private long spanNanos;
  private long steps;

  private StepClock(int warmupEpochs, int timedEpochs, long firstTimedStep, long lastTimedStep) {
    this.warmupEpochs = warmupEpochs;
    this.epochSeconds = new double[timedEpochs];
    this.firstTimedStep = firstTimedStep;
    this.lastTimedStep = lastTimedStep;
  }

  /** Times each epoch after {@code warmupEpochs}. */
  static StepClock epochs(int warmupEpochs, int timedEpochs) {
    return new StepClock(warmupEpochs, timedEpochs, -1, -1);
  }

  /** Times global steps {@code warmupSteps + 1 .. warmupSteps + timedSteps}, then stops the fit. */
  static StepClock steps(int warmupSteps, int timedSteps) {
    return new StepClock(Integer.MAX_VALUE, 0, warmupSteps, (long) warmupSteps + timedSteps);
  }

  @Override
  public void onTrainBegin(TrainingControl control) {
    this.control = control;
  }

  @Override
  public void onEpochBegin(int epoch) {
    if (epoch == warmupEpochs) {
      watch = new CpuWatch();
    }
    epochStart = System.nanoTime();
  }

  @Override
  public void onBatchEnd(int epoch, int batch, Map<String, Double> logs) {
    steps++;
    if (steps == firstTimedStep) {
      watch = new CpuWatch();
      spanStart = System.nanoTime();
    } else if (steps == lastTimedStep) {
      spanNanos = System.nanoTime() - spanStart;
      foreign = watch.foreign();
      control.stopTraining();
    }
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    long now = System.nanoTime();
    int timed = epoch - warmupEpochs;
    if (timed >= 0 && timed < epochSeconds.length) {
      epochSeconds[timed] = (now - epochStart) / 1e9;
      if (timed == epochSeconds.length - 1) {
        foreign = watch.foreign();
      }
    }
  }

  /** The timed epochs' durations in seconds. */
  double[] epochSeconds() {
    return Arrays.copyOf(epochSeconds, epochSeconds.length);
  }

  /** Seconds of the timed step span. */
  double spanSeconds() {
    return spanNanos / 1e9;
  }

  double foreignCpu() {
    return foreign;
  }
}
