package dev.lockdep.lockgraph;

/** lockdep's usage STATEs ({@code lockdep_states.h}). */
public enum IrqKind {
  HARDIRQ,
  SOFTIRQ
}
