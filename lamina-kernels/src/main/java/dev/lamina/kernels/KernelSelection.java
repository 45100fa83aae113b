package dev.lamina.kernels;

/** Picks the kernels once per JVM. */
final class KernelSelection {
  static final Kernels ACTIVE = PlainKernels.INSTANCE;

  private KernelSelection() {}
}
