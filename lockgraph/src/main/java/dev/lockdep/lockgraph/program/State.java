package dev.lockdep.lockgraph.program;

import static dev.lockdep.lockgraph.program.KeyText.powerOf31;
import static dev.lockdep.lockgraph.program.SummaryComposer.ORDER_ONLY;

import dev.lockdep.lockgraph.IrqState;

/**
 * The state a body runs in; one object per distinct state ({@link SummaryComposer#state}).
 *
 * <p>{@code irq}: the irq state, or null when only the callers know it; {@code gfp}: the
 * allocation scope; {@code memalloc}: inside memory reclaim, where reclaiming calls do not take
 * {@code fs_reclaim} again; {@code signalling}: in a fence-signalling section, where the
 * {@code dma_fence_map} reader is held.
 */
final class State {
  static final int GFPS = Gfp.values().length;
  /** Codes: no irq state or one of four per irq context, by scope, memalloc and signalling. */
  static final int CODES = (1 + 4 * IrqState.Context.values().length) * GFPS * 4;

  final IrqState irq;
  final Gfp gfp;
  final boolean memalloc;
  final boolean signalling;
  /** The state's part of a key. */
  final String text;
  /** The hash and 31 to the power of the length of {@code text + "\n"}, as keys join it. */
  final int hash;
  final int power;

  State(IrqState irq, Gfp gfp, boolean memalloc, boolean signalling) {
    this.irq = irq;
    this.gfp = gfp;
    this.memalloc = memalloc;
    this.signalling = signalling;
    StringBuilder text = new StringBuilder();
    if (irq == null) {
      text.append('-');
    } else {
      text.append(irq.context().name())
          .append(irq.hardirqsEnabled() ? "+h" : "-h")
          .append(irq.softirqsEnabled() ? "+s" : "-s");
    }
    text.append('|').append(gfp.name()).append(memalloc ? "|true|" : "|false|").append(signalling);
    this.text = text.toString();
    this.hash = 31 * this.text.hashCode() + '\n';
    this.power = powerOf31(this.text.length() + 1);
  }

  IrqState irqOrOrderOnly() {
    return irq == null ? ORDER_ONLY : irq;
  }

  /** Sleeping is not allowed: in an interrupt, or with irqs disabled. */
  boolean atomic() {
    return irq != null && (irq.context() != IrqState.Context.TASK || !irq.hardirqsEnabled());
  }
}
