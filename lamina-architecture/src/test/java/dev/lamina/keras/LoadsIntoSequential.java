package dev.lamina.keras;

import dev.lamina.Sequential;

/**
 * A model-file class that builds a {@code Sequential} itself instead of handing back the model's
 * contents: the arrow {@code ArchitectureRulesFailTest} expects the Sequential rule to report.
 */
final class LoadsIntoSequential {
  Sequential load() {
    return new Sequential();
  }
}
