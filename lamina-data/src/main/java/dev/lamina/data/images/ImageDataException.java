package dev.lamina.data.images;

/**
 * Image data that cannot be read as asked: a missing or malformed file, an image of the wrong size
 * or channel count, an empty class folder. The message names the file or folder and what is wrong
 * with it.
 */
public final class ImageDataException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public ImageDataException(String message) {
    super(message);
  }

  public ImageDataException(String message, Throwable cause) {
    super(message, cause);
  }
}
