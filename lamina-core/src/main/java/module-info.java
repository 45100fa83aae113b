/**
 * The core: tensors and their tape, the building blocks of a model, training, and model files.
 * Exports the packages of the public API (docs/api.md and the types its signatures show); the
 * model-file machinery and the bounded JSON reader are shared with the modules named below and
 * nobody else; metrics and the Keras file codecs stay inside. See docs/architecture.md.
 */
// jHDF 0.10.0 is an automatic module (io.jhdf); the qualified exports name modules that are built
// after this one, so javac cannot find them while it compiles this one ("module" lint)
@SuppressWarnings({"requires-automatic", "module"})
module dev.lamina.core {
  requires transitive dev.lamina.kernels; // the random stream is in the layer API
  requires com.fasterxml.jackson.databind;
  requires io.jhdf;

  exports dev.lamina;
  exports dev.lamina.autograd; // a custom layer's gradient check (docs/custom-layers.md)
  exports dev.lamina.callbacks;
  exports dev.lamina.constraints; // Dense.kernelConstraint(Constraint) ...
  exports dev.lamina.initializers; // Dense.kernelInitializer(Initializer) ...
  exports dev.lamina.layers;
  exports dev.lamina.losses;
  exports dev.lamina.optimizers;
  exports dev.lamina.optimizers.schedules;

  // Json (data's fitted transformers, cli's settings) and ModelFile (cli's model files)
  exports dev.lamina.io to
      dev.lamina.data,
      dev.lamina.cli;
  // AtomicFile: reports and the command line's outputs save as model files do
  exports dev.lamina.files to
      dev.lamina.report,
      dev.lamina.cli;
}
