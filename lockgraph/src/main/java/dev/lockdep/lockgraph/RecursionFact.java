package dev.lockdep.lockgraph;

import java.util.Comparator;
import java.util.Objects;

/**
 * An acquisition refused by lockdep's {@code check_deadlock}: the acquired class was already held
 * in a way that deadlocks.
 *
 * @param held the class as held (its description as the unit saw it)
 * @param heldMode how it was held
 * @param nextMode how it was acquired again
 * @param kind which rule refused it
 * @param heldAt where it had been acquired
 * @param at the refused acquisition
 */
public record RecursionFact(
    LockClass held, ReadMode heldMode, ReadMode nextMode, Kind kind, Provenance heldAt,
    Provenance at) {

  /** Why the re-acquisition deadlocks. */
  public enum Kind {
    /** Another instance of a held class, same subclass: lockdep's AA. */
    SAME_CLASS,
    /** The same instance of a non-reentrant lock. */
    SAME_INSTANCE,
    /** A write acquisition of an instance the owner holds for reading. */
    READ_TO_WRITE
  }

  static final Comparator<RecursionFact> ORDER = RecursionFact::compareFacts;

  /**
   * Of the refusals of one acquisition, the one kept and reported: a proven one (the same object,
   * a read lock upgraded) before two objects of one class, which the same acquisition reached
   * from another caller may be; its hint would offer {@code @Nested} for a self-deadlock.
   */
  static final Comparator<RecursionFact> REPORTED =
      (a, b) -> {
        int c = Boolean.compare(a.kind == Kind.SAME_CLASS, b.kind == Kind.SAME_CLASS);
        return c != 0 ? c : compareFacts(a, b);
      };

  public RecursionFact {
    Objects.requireNonNull(held);
    Objects.requireNonNull(heldMode);
    Objects.requireNonNull(nextMode);
    Objects.requireNonNull(kind);
    Objects.requireNonNull(heldAt);
    Objects.requireNonNull(at);
  }

  /** By held, at, kind, heldMode, nextMode, then heldAt. */
  // One method, not a chain of key extractors: see DependencyEdge#compareFacts.
  private static int compareFacts(RecursionFact a, RecursionFact b) {
    int c = a.held.compareTo(b.held);
    if (c == 0) {
      c = a.at.compareTo(b.at);
    }
    if (c == 0) {
      c = a.kind.compareTo(b.kind);
    }
    if (c == 0) {
      c = a.heldMode.compareTo(b.heldMode);
    }
    if (c == 0) {
      c = a.nextMode.compareTo(b.nextMode);
    }
    return c != 0 ? c : a.heldAt.compareTo(b.heldAt);
  }
}
