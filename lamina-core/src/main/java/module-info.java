/**
 * The core: tensors and their tape, the building blocks of a model, training, and model files.
 * Every package here carries API that users or Lamina's other modules call; see
 * docs/architecture.md for what each holds and the order they depend on each other in.
 */
// jHDF 0.10.0 is an automatic module (io.jhdf)
@SuppressWarnings("requires-automatic")
module dev.lamina.core {
  requires transitive dev.lamina.kernels; // the random stream is in the layer API
  requires com.fasterxml.jackson.databind;
  requires io.jhdf;

  exports dev.lamina;
  exports dev.lamina.autograd;
  exports dev.lamina.callbacks;
  exports dev.lamina.constraints;
  exports dev.lamina.files;
  exports dev.lamina.initializers;
  exports dev.lamina.io;
  exports dev.lamina.keras;
  exports dev.lamina.layers;
  exports dev.lamina.losses;
  exports dev.lamina.metrics;
  exports dev.lamina.optimizers;
  exports dev.lamina.optimizers.schedules;
}
