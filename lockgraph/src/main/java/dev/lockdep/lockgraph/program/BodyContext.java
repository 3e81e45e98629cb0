package dev.lockdep.lockgraph.program;

import dev.lockdep.lockgraph.IrqKind;
import dev.lockdep.lockgraph.Provenance;
import java.util.Objects;

/**
 * What a body's own annotations, inherited ones included, say about the context it runs in
 * (SPEC §4). The summary stays context-free otherwise: the composer applies these on entry to the
 * body, on top of the context its caller runs in.
 *
 * @param irqContext the interrupt level the body is a handler for ({@code @IrqContext}), or null
 * @param irqsDisabled the interrupt level the body disables ({@code @IrqsDisabled}), or null
 * @param gfp the allocation scope of the body ({@code @GfpFlags}); {@link Gfp#KERNEL} when none
 * @param reclaim the body is a reclaim entry ({@code @Reclaim}): it runs holding {@code fs_reclaim}
 * @param shrinker the body is a reclaim callback ({@code @Shrinker}): reclaim runs it holding
 *     {@code fs_reclaim}
 * @param fenceSignalling the body is a fence-signalling section ({@code @FenceSignalling})
 * @param entry whether code the program does not show may call the body from process context
 *     with irqs enabled: every non-private method, constructor, initializer and lambda
 * @param declaredAt the body's declaration, where the pseudo-locks it holds on entry are taken
 */
public record BodyContext(
    IrqKind irqContext,
    IrqKind irqsDisabled,
    Gfp gfp,
    boolean reclaim,
    boolean shrinker,
    boolean fenceSignalling,
    boolean entry,
    Provenance declaredAt) {

  public BodyContext {
    Objects.requireNonNull(gfp);
    Objects.requireNonNull(declaredAt);
  }

  /** An unannotated body that callers outside the program may run, declared at {@code at}. */
  public static BodyContext entry(Provenance at) {
    return new BodyContext(null, null, Gfp.KERNEL, false, false, false, true, at);
  }
}
