package dev.lockdep.lockgraph;

import java.util.Set;
import java.util.TreeSet;

/** How {@link LockGraph#check} runs. Immutable; the {@code with*} methods return copies. */
public final class CheckOptions {
  /** How many cycles are shown per group of cycles sharing locks, unless changed. */
  public static final int DEFAULT_CYCLE_CAP = 8;

  private static final CheckOptions DEFAULTS = new CheckOptions(true, DEFAULT_CYCLE_CAP, null);

  private final boolean primeFenceReclaim;
  private final int cycleCap;
  /** Null when every unit is current. */
  private final Set<String> currentUnits;

  private CheckOptions(boolean primeFenceReclaim, int cycleCap, Set<String> currentUnits) {
    this.primeFenceReclaim = primeFenceReclaim;
    this.cycleCap = cycleCap;
    this.currentUnits = currentUnits;
  }

  /** Prime on, cap {@value #DEFAULT_CYCLE_CAP}, every unit current. */
  public static CheckOptions defaults() {
    return DEFAULTS;
  }

  /** Whether the graph starts with {@code fs_reclaim -> dma_fence_map} (dma_resv_lockdep). */
  public boolean primeFenceReclaim() {
    return primeFenceReclaim;
  }

  /** At most this many cycles are reported per group of cycles sharing locks. */
  public int cycleCap() {
    return cycleCap;
  }

  public boolean isCurrent(String unit) {
    return currentUnits == null || currentUnits.contains(unit);
  }

  public CheckOptions withPrimeFenceReclaim(boolean prime) {
    return new CheckOptions(prime, cycleCap, currentUnits);
  }

  public CheckOptions withCycleCap(int cap) {
    if (cap < 1) {
      throw new IllegalArgumentException("cycle cap must be at least 1: " + cap);
    }
    return new CheckOptions(primeFenceReclaim, cap, currentUnits);
  }

  /** Only findings involving a fact of one of {@code units} are reported. */
  public CheckOptions withCurrentUnits(Set<String> units) {
    return new CheckOptions(primeFenceReclaim, cycleCap, new TreeSet<>(units));
  }

}
