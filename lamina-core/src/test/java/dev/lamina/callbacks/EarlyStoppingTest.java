package dev.lamina.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Scripted monitored sequences, traced by hand through Keras 3's EarlyStopping code. */
class EarlyStoppingTest {

  @Test
  void workedExampleFromTheSemantics() {
    ScriptedTraining t = new ScriptedTraining();
    EarlyStopping es = new EarlyStopping().minDelta(0.05).patience(2).restoreBestWeights(true);
    int epochs = t.run("val_loss", new double[] {1.00, 0.90, 0.95, 0.91, 0.5, 0.4}, es);
    assertEquals(4, epochs);
    assertEquals(3, es.stoppedEpoch());
    assertEquals(1, es.bestEpoch());
    assertEquals(
        Float.floatToIntBits(ScriptedTraining.weightOfEpoch(1)), Float.floatToIntBits(t.weight()));
  }

  @Test
  void patienceZeroStopsAtFirstNonImprovingEpoch() {
    ScriptedTraining t = new ScriptedTraining();
    EarlyStopping es = new EarlyStopping();
    assertEquals(3, t.run("val_loss", new double[] {3, 2, 2.5, 1}, es));
    assertEquals(2, es.stoppedEpoch());
  }

  @Test
  void anExactTieIsNotAnImprovement() {
    ScriptedTraining t = new ScriptedTraining();
    EarlyStopping es = new EarlyStopping().patience(1);
    assertEquals(2, t.run("val_loss", new double[] {1, 1, 0.5}, es));
  }

  @Test
  void restoresBestWeightsAlsoWhenEpochsRunOut() {
    ScriptedTraining t = new ScriptedTraining();
    EarlyStopping es = new EarlyStopping().patience(10).restoreBestWeights(true);
    assertEquals(4, t.run("val_loss", new double[] {0.9, 0.4, 0.6, 0.7}, es));
    assertEquals(0, es.stoppedEpoch());
    assertEquals(ScriptedTraining.weightOfEpoch(1), t.weight());
  }

  @Test
  void withoutRestoreTheLastWeightsStay() {
    ScriptedTraining t = new ScriptedTraining();
    t.run("val_loss", new double[] {0.9, 0.4, 0.6, 0.7}, new EarlyStopping().patience(2));
    assertEquals(ScriptedTraining.weightOfEpoch(3), t.weight());
  }

  @Test
  void baselineNeverBeatenKeepsWaitRunning() {
    // wait is never reset; improvements return before the stop test, so the first
    // non-improving epoch once wait ≥ patience stops training.
    ScriptedTraining t = new ScriptedTraining();
    EarlyStopping es = new EarlyStopping().patience(2).baseline(0.1).restoreBestWeights(true);
    assertEquals(4, t.run("val_loss", new double[] {0.5, 0.4, 0.3, 0.35, 0.2}, es));
    assertEquals(ScriptedTraining.weightOfEpoch(2), t.weight());
  }

  @Test
  void baselineBeatenResetsWait() {
    ScriptedTraining t = new ScriptedTraining();
    EarlyStopping es = new EarlyStopping().patience(2).baseline(0.45);
    // epoch 1 beats the baseline: wait resets; then two non-improving epochs stop it.
    assertEquals(4, t.run("val_loss", new double[] {0.5, 0.4, 0.41, 0.42, 0.1}, es));
  }

  @Test
  void accuracyIsMaximizedInAutoMode() {
    ScriptedTraining t = new ScriptedTraining();
    EarlyStopping es =
        new EarlyStopping().monitor("val_accuracy").patience(1).restoreBestWeights(true);
    assertEquals(3, t.run("val_accuracy", new double[] {0.5, 0.8, 0.7, 0.9}, es));
    assertEquals(ScriptedTraining.weightOfEpoch(1), t.weight());
  }

  @Test
  void explicitMaxModeOverridesTheName() {
    ScriptedTraining t = new ScriptedTraining();
    EarlyStopping es = new EarlyStopping().monitor("val_loss").mode("max").patience(0);
    assertEquals(2, t.run("val_loss", new double[] {0.5, 0.4, 0.9}, es));
  }

  @Test
  void epochsBeforeStartFromEpochAreIgnored() {
    ScriptedTraining t = new ScriptedTraining();
    EarlyStopping es = new EarlyStopping().startFromEpoch(2).restoreBestWeights(true);
    // epochs 0 and 1 (best values) are ignored; epoch 2 is the first monitored.
    assertEquals(4, t.run("val_loss", new double[] {0.1, 0.1, 0.5, 0.6, 0.2}, es));
    assertEquals(ScriptedTraining.weightOfEpoch(2), t.weight());
  }

  @Test
  void missingMonitorKeyDoesNothing() {
    ScriptedTraining t = new ScriptedTraining();
    assertEquals(3, t.run("loss", new double[] {1, 2, 3}, new EarlyStopping()));
  }

  @Test
  void badOptionsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new EarlyStopping().patience(-1));
    assertThrows(IllegalArgumentException.class, () -> new EarlyStopping().mode("down"));
    assertThrows(IllegalArgumentException.class, () -> new EarlyStopping().startFromEpoch(-2));
  }
}
