package dev.lockdep.lockgraph;

import java.util.Comparator;
import java.util.Objects;

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
 */
public record DependencyEdge(
    LockClass from, ReadMode fromMode, LockClass to, ReadMode toMode, Provenance at,
    Provenance heldAt) {

  /** Facts with one (from, to, type) key keep the least under this order. */
  static final Comparator<DependencyEdge> ORDER =
      Comparator.comparing(DependencyEdge::from)
          .thenComparing(DependencyEdge::to)
          .thenComparing(DependencyEdge::type)
          .thenComparing(DependencyEdge::at)
          .thenComparing(DependencyEdge::heldAt)
          .thenComparing(DependencyEdge::fromMode)
          .thenComparing(DependencyEdge::toMode);

  public DependencyEdge {
    Objects.requireNonNull(from);
    Objects.requireNonNull(fromMode);
    Objects.requireNonNull(to);
    Objects.requireNonNull(toMode);
    Objects.requireNonNull(at);
    Objects.requireNonNull(heldAt);
  }

  public EdgeType type() {
    return EdgeType.of(fromMode, toMode);
  }
}
