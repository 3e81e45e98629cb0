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

  static final Comparator<UsageFact> ORDER =
      Comparator.comparing(UsageFact::lockClass)
          .thenComparing(UsageFact::bit)
          .thenComparing(UsageFact::at);

  public UsageFact {
    Objects.requireNonNull(lockClass);
    Objects.requireNonNull(bit);
    Objects.requireNonNull(at);
  }
}
