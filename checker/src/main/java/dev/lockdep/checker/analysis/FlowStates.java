package dev.lockdep.checker.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * The held-lock stacks of every path that reaches a program point. Paths that hold the same
 * locks merge, and so do paths that differ only in what their calls may have left held (into the
 * union: a release on either may end such a hold); past {@link #MAX_PATHS} the boolean facts are
 * forgotten first, then the newest paths, so that loops and long methods stay linear.
 */
final class FlowStates {
  static final int MAX_PATHS = 16;

  static final FlowStates UNREACHABLE = new FlowStates(List.of());

  private final List<HeldLocks> paths;

  private FlowStates(Collection<HeldLocks> paths) {
    this.paths = List.copyOf(paths);
  }

  static FlowStates of(HeldLocks path) {
    return new FlowStates(List.of(path));
  }

  static FlowStates of(Collection<HeldLocks> paths) {
    if (paths.size() <= 1) {
      // Most code holds no lock on one path: nothing to merge, nor to hash.
      return paths.isEmpty() ? UNREACHABLE : new FlowStates(paths);
    }
    Set<HeldLocks> distinct = new LinkedHashSet<>(paths);
    if (distinct.size() > 1 && distinct.stream().anyMatch(p -> !p.leftByCalls().isEmpty())) {
      distinct = mergeLeftByCalls(distinct);
    }
    if (distinct.size() > MAX_PATHS) {
      Set<HeldLocks> forgetful = new LinkedHashSet<>();
      for (HeldLocks path : distinct) {
        forgetful.add(path.withoutFacts());
      }
      distinct = forgetful;
    }
    List<HeldLocks> kept = new ArrayList<>(distinct);
    return new FlowStates(kept.size() > MAX_PATHS ? kept.subList(0, MAX_PATHS) : kept);
  }

  private static Set<HeldLocks> mergeLeftByCalls(Set<HeldLocks> paths) {
    Map<HeldLocks, HeldLocks> merged = new LinkedHashMap<>();
    for (HeldLocks path : paths) {
      merged.merge(path.withoutLeftByCalls(), path, (a, b) -> a.leftHeldByCall(b.leftByCalls()));
    }
    return new LinkedHashSet<>(merged.values());
  }

  List<HeldLocks> paths() {
    return paths;
  }

  boolean isUnreachable() {
    return paths.isEmpty();
  }

  FlowStates join(FlowStates other) {
    if (other.paths.isEmpty()) {
      return this;
    }
    if (paths.isEmpty()) {
      return other;
    }
    if (paths.size() == 1 && other.paths.size() == 1 && paths.get(0) == other.paths.get(0)) {
      return this;
    }
    List<HeldLocks> all = new ArrayList<>(paths);
    all.addAll(other.paths);
    return of(all);
  }

  /** Each path through {@code f}; a null result ends that path. */
  FlowStates map(UnaryOperator<HeldLocks> f) {
    List<HeldLocks> mapped = new ArrayList<>(paths.size());
    for (HeldLocks path : paths) {
      HeldLocks next = f.apply(path);
      if (next != null) {
        mapped.add(next);
      }
    }
    return of(mapped);
  }

  /**
   * Whether both hold the same locks with the same facts, whatever calls may have left held: a
   * loop whose head changes only in that has settled. Another pass would check the same releases
   * on the same stacks and could only excuse more of them, while it would see locals reassigned
   * later in the body, which would change the acquisitions and calls recorded.
   */
  boolean sameHoldsAs(FlowStates other) {
    return withoutLeftByCalls().equals(other.withoutLeftByCalls());
  }

  /** What calls may have left held on any of the paths. */
  Set<String> leftByCalls() {
    Set<String> left = new TreeSet<>();
    for (HeldLocks path : paths) {
      left.addAll(path.leftByCalls());
    }
    return left;
  }

  /** Every path, after calls that may have left {@code left} held. */
  FlowStates leftHeldByCalls(Set<String> left) {
    return left.isEmpty() ? this : map(p -> p.leftHeldByCall(left));
  }

  private FlowStates withoutLeftByCalls() {
    return paths.stream().allMatch(p -> p.leftByCalls().isEmpty()) ? this : map(HeldLocks::withoutLeftByCalls);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof FlowStates other)) {
      return false;
    }
    if (paths.size() == 1 && other.paths.size() == 1) {
      return paths.get(0).equals(other.paths.get(0));
    }
    return Set.copyOf(paths).equals(Set.copyOf(other.paths));
  }

  @Override
  public int hashCode() {
    return Set.copyOf(paths).hashCode();
  }
}
