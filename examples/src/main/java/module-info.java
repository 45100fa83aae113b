/**
 * The course's lessons, written as a user of Lamina writes a program: on the module path this
 * module sees only the packages the library modules export, so it compiling is the proof that the
 * public API is enough.
 */
module dev.lamina.examples {
  requires dev.lamina.core;
  requires dev.lamina.data;
  requires dev.lamina.report;
}
