package dev.lamina;

import java.nio.file.Path;

/**
 * A Keras model file Lamina refuses: damaged, oversized, or holding something Lamina does not run
 * (a Lambda layer, a custom object, a branching graph, an unknown class). When a layer is at fault
 * the message and {@link #layerPosition()} / {@link #layerClass()} name it; nothing from the file
 * is ever executed or guessed.
 */
public final class KerasModelException extends ModelFileException {
  private static final long serialVersionUID = 1L;
  private final int layerPosition;
  private final String layerClass;

  public KerasModelException(Path file, String problem) {
    this(file, problem, null);
  }

  public KerasModelException(Path file, String problem, Throwable cause) {
    super(file, problem, cause);
    this.layerPosition = -1;
    this.layerClass = null;
  }

  /** A problem with the layer at {@code position} (0-based, as in the file's layer list). */
  public KerasModelException(Path file, int position, String layerClass, String problem) {
    super(file, "layer " + position + " (" + layerClass + "): " + problem);
    this.layerPosition = position;
    this.layerClass = layerClass;
  }

  /** The 0-based position of the offending layer in the file's layer list, or -1. */
  public int layerPosition() {
    return layerPosition;
  }

  /** The Keras class name of the offending layer, or null. */
  public String layerClass() {
    return layerClass;
  }
}
