package dev.lockdep.lockgraph;

import java.util.Set;
import java.util.TreeSet;

/** How {@link LockGraph#check} runs. Immutable; the {@code with*} methods return copies. */
public final class CheckOptions {
  /** How many cycles are shown per group of cycles sharing locks, unless changed. */
  public static final int DEFAULT_CYCLE_CAP = 8;

  /**
   * States the searches for the cycles a group lists past the cap may visit, unless changed: past
   * it, a group lists a cycle through each dependency no listed cycle contains, not the shortest
   * through each (a group of 100,000 locks in one ring would take 10^10 steps). No program of the
   * corpus comes near it.
   */
  public static final long DEFAULT_LISTING_BUDGET = 50_000_000L;

  private static final CheckOptions DEFAULTS = new CheckOptions(true, DEFAULT_CYCLE_CAP, DEFAULT_LISTING_BUDGET, null);

  private final boolean primeFenceReclaim;
  private final int cycleCap;
  private final long listingBudget;
  /** Null when every unit is current. */
  private final Set<String> currentUnits;

  private CheckOptions(boolean primeFenceReclaim, int cycleCap, long listingBudget, Set<String> currentUnits) {
    this.primeFenceReclaim = primeFenceReclaim;
    this.cycleCap = cycleCap;
    this.listingBudget = listingBudget;
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

  /** How many states the searches for the cycles a group lists may visit ({@link #DEFAULT_LISTING_BUDGET}). */
  public long listingBudget() {
    return listingBudget;
  }

  public boolean isCurrent(String unit) {
    return currentUnits == null || currentUnits.contains(unit);
  }

  public CheckOptions withPrimeFenceReclaim(boolean prime) {
    return new CheckOptions(prime, cycleCap, listingBudget, currentUnits);
  }

  public CheckOptions withCycleCap(int cap) {
    if (cap < 1) {
      throw new IllegalArgumentException("cycle cap must be at least 1: " + cap);
    }
    return new CheckOptions(primeFenceReclaim, cap, listingBudget, currentUnits);
  }

  public CheckOptions withListingBudget(long budget) {
    if (budget < 0) {
      throw new IllegalArgumentException("listing budget must not be negative: " + budget);
    }
    return new CheckOptions(primeFenceReclaim, cycleCap, budget, currentUnits);
  }

  /** Only findings involving a fact of one of {@code units} are reported. */
  public CheckOptions withCurrentUnits(Set<String> units) {
    return new CheckOptions(primeFenceReclaim, cycleCap, listingBudget, new TreeSet<>(units));
  }

}
