package dev.lamina.data;

/** The two parts of a split table: rows to fit on and rows to validate on. */
public record TableSplit(Table train, Table valid) {}
