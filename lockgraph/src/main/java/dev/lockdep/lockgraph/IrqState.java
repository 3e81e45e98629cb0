package dev.lockdep.lockgraph;

import java.util.Objects;

/**
 * The interrupt state at an acquisition: which context runs and whether each irq level is
 * enabled. Only the current context's locks are passed with it; edges never cross contexts.
 *
 * @param context the running context
 * @param hardirqsEnabled {@code !hardirqs_off}
 * @param softirqsEnabled softirqs (bottom halves) enabled
 */
public record IrqState(Context context, boolean hardirqsEnabled, boolean softirqsEnabled) {

  /** lockdep's {@code task_irq_context()}. */
  public enum Context {
    TASK,
    SOFTIRQ,
    HARDIRQ
  }

  /** Plain process context with every irq enabled: where unannotated Java code runs. */
  public static final IrqState PROCESS = new IrqState(Context.TASK, true, true);

  /** A hard interrupt handler: irqs off. */
  public static final IrqState IN_HARDIRQ = new IrqState(Context.HARDIRQ, false, false);

  /** A softirq handler: hardirqs on, softirqs off. */
  public static final IrqState IN_SOFTIRQ = new IrqState(Context.SOFTIRQ, true, false);

  public IrqState {
    Objects.requireNonNull(context);
  }

  public IrqState withHardirqsEnabled(boolean enabled) {
    return new IrqState(context, enabled, softirqsEnabled);
  }

  public IrqState withSoftirqsEnabled(boolean enabled) {
    return new IrqState(context, hardirqsEnabled, enabled);
  }
}
