package dev.lockdep.checker.report;

import dev.lockdep.lockgraph.LockClass;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A cycle of lock classes as one value: its classes in cycle order, from the least one round. */
public final class CycleOrder {
  private CycleOrder() {}

  /** {@code cycle} rotated to start at its least class: the same cycle, wherever it was closed. */
  public static List<LockClass> fromLeast(List<LockClass> cycle) {
    if (cycle.isEmpty()) {
      return cycle;
    }
    int least = cycle.indexOf(cycle.stream().min(Comparator.naturalOrder()).orElseThrow());
    List<LockClass> rotated = new ArrayList<>(cycle.size());
    for (int i = 0; i < cycle.size(); i++) {
      rotated.add(cycle.get((least + i) % cycle.size()));
    }
    return rotated;
  }
}
