package dev.lamina.data;

import dev.lamina.kernels.internal.KernelThreads;

/** A data class that sets the kernels' thread count: reaching into lamina-kernels' internals. */
final class UsesKernelThreads {
  void tune() {
    KernelThreads.setCount(1);
  }
}
