package dev.lamina.kernels;

import dev.lamina.kernels.internal.KernelThreads;

/** Splits work on a batch of images over the kernel threads, every part a stride of images. */
final class ImageParts {
  private ImageParts() {}

  /**
   * Work on one image, given room for one window's pixels ({@link Window2d#windowStarts});
   * different images write disjoint outputs.
   */
  @FunctionalInterface
  interface ImageTask {
    void run(int image, int[] pixels);
  }

  /** Runs the task on images [0, images) and returns when all are done. */
  static void forEach(int images, Window2d window, ImageTask task) {
    KernelThreads.runParts(
        (part, parts) -> {
          int[] pixels = new int[window.windowSize()];
          for (int image = part; image < images; image += parts) {
            task.run(image, pixels);
          }
        },
        Math.max(1, Math.min(KernelThreads.count(), images)));
  }
}
