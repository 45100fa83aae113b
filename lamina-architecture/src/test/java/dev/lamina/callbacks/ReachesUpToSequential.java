package dev.lamina.callbacks;

import dev.lamina.Sequential;

/**
 * A callback that talks back to {@code Sequential} instead of the training control it is given: the
 * arrow {@code ArchitectureRulesFailTest} expects the layer rule to report.
 */
final class ReachesUpToSequential {
  Sequential model;
}
