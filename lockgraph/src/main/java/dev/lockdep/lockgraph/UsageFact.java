package dev.lockdep.lockgraph;

import java.util.Comparator;
import java.util.Objects;

/**
 * A usage bit set on a class, with the acquisition (or irq enable) that set it.
 *
 * @param lockClass the class
 * @param bit the bit
 * @param at where it was set
 */
public record UsageFact(LockClass lockClass, UsageBit bit, Provenance at) {

  static final Comparator<UsageFact> ORDER = UsageFact::compareFacts;

  public UsageFact {
    Objects.requireNonNull(lockClass);
    Objects.requireNonNull(bit);
    Objects.requireNonNull(at);
  }

  /** By lock class, bit, then at. */
  // One method, not a chain of key extractors: see DependencyEdge#compareFacts.
  private static int compareFacts(UsageFact a, UsageFact b) {
    int c = a.lockClass.compareTo(b.lockClass);
    if (c == 0) {
      c = a.bit.compareTo(b.bit);
    }
    return c != 0 ? c : a.at.compareTo(b.at);
  }
}
