package dev.lockdep.checker.analysis;

import dev.lockdep.checker.CheckName;
import dev.lockdep.lockgraph.HeldLock;
import dev.lockdep.lockgraph.Provenance;
import java.util.List;
import java.util.Set;

/**
 * What one method does with locks (SPEC §6): every acquisition with the locks held before it,
 * every call with the locks held across it, by source position. Summaries hold names and
 * positions only, never trees, so they outlive their compilation unit.
 *
 * @param method the method as reports print it, e.g. {@code Pool.evict(long)}
 * @param acquisitions in source order, each once per distinct held stack
 * @param calls in source order, each once per distinct held stack
 * @param suppressed the checks {@code @SuppressWarnings} turns off for this method's facts
 */
public record MethodSummary(
    String method, List<Acquisition> acquisitions, List<CallSite> calls, Set<CheckName> suppressed) {

  public MethodSummary {
    acquisitions = List.copyOf(acquisitions);
    calls = List.copyOf(calls);
    suppressed = Set.copyOf(suppressed);
  }

  /**
   * lockdep's {@code lock_acquire} with the held stack at that moment.
   *
   * @param held the locks held, oldest first
   * @param next the lock taken, with its mode, trylock flag and instance
   * @param at the acquisition
   */
  public record Acquisition(List<HeldLock> held, HeldLock next, Provenance at) {
    public Acquisition {
      held = List.copyOf(held);
    }
  }

  /**
   * A call made while holding locks.
   *
   * @param callee {@code pkg.Type#name(paramTypes)}
   * @param held the locks held across the call, oldest first
   * @param at the call
   */
  public record CallSite(String callee, List<HeldLock> held, Provenance at) {
    public CallSite {
      held = List.copyOf(held);
    }
  }
}
