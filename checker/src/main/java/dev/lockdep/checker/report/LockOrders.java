package dev.lockdep.checker.report;

import dev.lockdep.lockgraph.ChainLink;
import dev.lockdep.lockgraph.CheckKind;
import dev.lockdep.lockgraph.Finding;
import dev.lockdep.lockgraph.HeldLock;
import dev.lockdep.lockgraph.LockClass;
import dev.lockdep.lockgraph.program.SummaryComposer.ComposedAcquisition;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How many places of the program take one lock while holding another, for the ordered pairs of
 * the reported cycles: the order most places use is the program's, and the fix of a cycle goes
 * where the fewest do. A place is a method holding the first lock and the site where it takes the
 * second or calls what takes it ({@link Holding}), so one helper called from three methods under
 * the lock counts three times and one method reached through three contexts once.
 */
public final class LockOrders {
  /** No counts: every order is taken in one place. */
  public static final LockOrders NONE = new LockOrders(Map.of());

  private final Map<Pair, Set<String>> places;

  private LockOrders(Map<Pair, Set<String>> places) {
    this.places = places;
  }

  /** The places of every order a lock-order cycle among {@code findings} has, over {@code program}. */
  public static LockOrders count(Collection<Finding> findings, Map<String, List<ComposedAcquisition>> program) {
    Map<Pair, Set<String>> places = new HashMap<>();
    for (Finding finding : findings) {
      if (finding.kind() == CheckKind.LockOrderInversion) {
        for (ChainLink link : finding.chain()) {
          places.put(new Pair(link.dependency().from(), link.dependency().to()), new HashSet<>());
        }
      }
    }
    if (places.isEmpty()) {
      return NONE;
    }
    for (List<ComposedAcquisition> unit : program.values()) {
      for (ComposedAcquisition acquisition : unit) {
        HeldLock next = acquisition.next();
        for (HeldLock held : acquisition.held()) {
          Set<String> order = places.get(new Pair(held.lockClass(), next.lockClass()));
          if (order != null) {
            order.add(Holding.of(held.acquiredAt(), next.acquiredAt()).place());
          }
        }
      }
    }
    return new LockOrders(places);
  }

  /** The places that take {@code to} while holding {@code from}; at least the one reported. */
  int places(LockClass from, LockClass to) {
    Set<String> order = places.get(new Pair(from, to));
    return order == null ? 1 : Math.max(1, order.size());
  }

  private record Pair(LockClass from, LockClass to) {}
}
