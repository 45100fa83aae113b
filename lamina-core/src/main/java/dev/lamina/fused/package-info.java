/**
 * The fused training path for stacks of built-in layers: each stage runs its forward and backward
 * pass over preallocated float arrays with the kernels (GEMM with transpose flags, bias and
 * activation in place), so a training step records no graph and allocates nothing. Stages know
 * arrays and kernels only; {@code dev.lamina.TrainingPlan} wires them to a model's weights.
 */
package dev.lamina.fused;
