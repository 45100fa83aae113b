/**
 * The library's one random stream, {@link dev.lamina.random.SeededRandom}: every random draw
 * (initial weights, dropout masks, augmentation, shuffling) comes from a stream split off the seed
 * the user gives, so one seed gives bit-identical results. Its own package because layers,
 * initializers, the training loop and distributed training all draw from it.
 */
package dev.lamina.random;
