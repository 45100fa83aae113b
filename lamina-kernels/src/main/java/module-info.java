/**
 * The kernels (float[] in, float[] out) and the library's seeded random stream. The Vector API is
 * optional: without {@code --add-modules jdk.incubator.vector} the plain-Java kernels are chosen at
 * run time. The thread pool and the SplitMix64 function stay inside ({@code .internal}).
 */
module dev.lamina.kernels {
  requires static jdk.incubator.vector;
  requires jdk.management; // HotSpotOptions reads the JVM's flags

  exports dev.lamina.kernels;
  exports dev.lamina.random;
}
