package dev.lamina.io;

/** Malformed JSON, with the offset where reading failed. */
public final class JsonException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public JsonException(String message) {
    super(message);
  }
}
