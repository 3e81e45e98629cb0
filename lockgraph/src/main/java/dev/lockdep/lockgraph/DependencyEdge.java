package dev.lockdep.lockgraph;

import java.util.Comparator;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * One dependency fact: {@code to} was acquired (not by a trylock) while {@code from} was the
 * top blocking lock of the same context, or a trylock above it. The modes are those of that
 * acquisition; the edge type follows from them.
 *
 * @param from the held lock's class
 * @param fromMode how it was held
 * @param to the acquired class
 * @param toMode how it was acquired
 * @param at the acquisition of {@code to}
 * @param heldAt where {@code from} had been acquired
 * @param initialized class-initialization locks ({@link LockClass#initializedClass}) whose
 *     class has finished initializing whenever this dependency is made: no thread holds or waits
 *     for them then, so no deadlock has this dependency and one of them on its cycle. Facts of
 *     one edge keep what all of them say (the intersection).
 */
public record DependencyEdge(
    LockClass from, ReadMode fromMode, LockClass to, ReadMode toMode, Provenance at,
    Provenance heldAt, Set<LockClass> initialized) {

  /** Facts with one (from, to, type) key keep the least under this order. */
  static final Comparator<DependencyEdge> ORDER = DependencyEdge::compareFacts;

  public DependencyEdge {
    Objects.requireNonNull(from);
    Objects.requireNonNull(fromMode);
    Objects.requireNonNull(to);
    Objects.requireNonNull(toMode);
    Objects.requireNonNull(at);
    Objects.requireNonNull(heldAt);
    // No copy of a set already unmodifiable: the composition hands one set to many facts.
    initialized = Set.copyOf(initialized);
  }

  /** A dependency made with no class known to have finished initializing. */
  public DependencyEdge(
      LockClass from, ReadMode fromMode, LockClass to, ReadMode toMode, Provenance at, Provenance heldAt) {
    this(from, fromMode, to, toMode, at, heldAt, Set.of());
  }

  /** This fact, saying only what it and {@code other} both say of {@link #initialized}. */
  DependencyEdge initializedAlsoIn(DependencyEdge other) {
    if (initialized.isEmpty() || other.initialized.containsAll(initialized)) {
      return this;
    }
    Set<LockClass> both = new HashSet<>(initialized);
    both.retainAll(other.initialized);
    return new DependencyEdge(from, fromMode, to, toMode, at, heldAt, both);
  }

  public EdgeType type() {
    return EdgeType.of(fromMode, toMode);
  }

  /** By from, to, type, at, heldAt, fromMode, then toMode. */
  // One method instead of a chain of key extractors: javac loads the plugin in a fresh class
  // loader for every compilation, which spins a class for each lambda again, and each link of a
  // chain is a further call while the code runs interpreted.
  private static int compareFacts(DependencyEdge a, DependencyEdge b) {
    int c = a.from.compareTo(b.from);
    if (c == 0) {
      c = a.to.compareTo(b.to);
    }
    if (c == 0) {
      c = a.type().compareTo(b.type());
    }
    if (c == 0) {
      c = a.at.compareTo(b.at);
    }
    if (c == 0) {
      c = a.heldAt.compareTo(b.heldAt);
    }
    if (c == 0) {
      c = a.fromMode.compareTo(b.fromMode);
    }
    return c != 0 ? c : a.toMode.compareTo(b.toMode);
  }
}
