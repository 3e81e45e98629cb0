package dev.lockdep.checker.report;

import dev.lockdep.lockgraph.CheckKind;
import dev.lockdep.lockgraph.DependencyEdge;
import dev.lockdep.lockgraph.Finding;
import dev.lockdep.lockgraph.PseudoLock;
import java.util.List;

/**
 * The fix hint of a finding, fitted to the case. The lock graph already picks the kind of fix
 * ({@code @GfpFlags(NOFS)}, {@code @IrqsDisabled}, moving a wait out, not re-acquiring); for a
 * plain lock-order cycle this says where each order is taken, by the method that holds the first
 * lock (the caller, with its call, when a callee takes the second), and which one to change: the
 * order the fewest places use. {@code @Nested} is offered only when every lock of the cycle is one
 * lock class: a subclass cannot order two classes, and marking one side of a two-class cycle
 * would only hide it. A cycle through a class's initialization is fixed in the static initializer.
 */
public final class FixHint {
  private static final String LINE = "\n  ";

  private FixHint() {}

  /** The hint of {@code finding}, with {@code orders} telling how many places use each order. */
  public static String of(Finding finding, LockOrders orders) {
    if (finding.kind() != CheckKind.LockOrderInversion
        || finding.chain().size() < 2
        || finding.locks().stream().anyMatch(c -> c.pseudo() != PseudoLock.NONE)) {
      return finding.hint();
    }
    List<DependencyEdge> cycle = finding.chain().stream().map(l -> l.dependency()).toList();
    StringBuilder sb = new StringBuilder();
    if (cycle.stream().anyMatch(d -> d.from().initializedClass() != null)) {
      sb.append("the JVM initializes a class holding a lock of the class, its superclass first, and a use of a class")
          .append(" waits for another thread's initialization of it; move the use out of the static initializer")
          .append(" (initialize it on first use, in a holder class of its own) or do not use a subclass there.")
          .append(" Where each order is taken:");
      return wheres(sb, cycle, orders).toString();
    }
    if (oneLockClass(cycle)) {
      sb.append(cycle.get(0).from().name())
          .append(" is nested in opposite subclass orders; nest it in one order, the outer acquisition with the lower")
          .append(" subclass and the inner one marked with @Nested(n) of a higher one. Where each order is taken:");
      return wheres(sb, cycle, orders).toString();
    }
    sb.append(cycle.size() == 2 ? "these two locks are taken in opposite orders" : "these locks are taken in orders that form a cycle")
        .append("; take them in one order everywhere. Where each order is taken:");
    wheres(sb, cycle, orders);
    int fix = fewest(cycle, orders);
    return sb.append(LINE).append(fix(fix, cycle, orders)).toString();
  }

  private static boolean oneLockClass(List<DependencyEdge> cycle) {
    String key = cycle.get(0).from().key();
    return cycle.stream().allMatch(d -> d.from().key().equals(key) && d.to().key().equals(key));
  }

  /** Appends to {@code sb} one line per dependency of {@code cycle}, {@link #where} it is taken. */
  private static StringBuilder wheres(StringBuilder sb, List<DependencyEdge> cycle, LockOrders orders) {
    for (int i = 0; i < cycle.size(); i++) {
      sb.append(LINE).append(where(i, cycle.get(i), orders));
    }
    return sb;
  }

  /** {@code #1 Pool.evict() holds Pool.lock and calls Entry.close() at Pool.java:29, which takes Entry.lock} */
  private static String where(int i, DependencyEdge d, LockOrders orders) {
    Holding holding = Holding.of(d);
    String from = d.from().displayName();
    String to = d.to().displayName();
    StringBuilder sb = new StringBuilder("#").append(i).append(' ').append(holding.method()).append(" holds ").append(from);
    if (holding.throughCall()) {
      sb.append(" and calls ").append(holding.callee()).append(" at ").append(holding.site()).append(", which takes ")
          .append(to);
      if (!holding.callee().equals(d.at().method())) {
        sb.append(" in ").append(d.at().method());
      }
    } else {
      sb.append(" and takes ").append(to).append(" at ").append(holding.site());
    }
    int places = orders.places(d.from(), d.to());
    if (places > 1) {
      sb.append(" (").append(places).append(" places take ").append(from).append(" before ").append(to).append(')');
    }
    return sb.toString();
  }

  /** The dependency fewest places take; on a tie the closing one, where the error is. */
  private static int fewest(List<DependencyEdge> cycle, LockOrders orders) {
    int best = cycle.size() - 1;
    for (int i = cycle.size() - 2; i >= 0; i--) {
      DependencyEdge d = cycle.get(i);
      DependencyEdge b = cycle.get(best);
      if (orders.places(d.from(), d.to()) < orders.places(b.from(), b.to())) {
        best = i;
      }
    }
    return best;
  }

  private static String fix(int fix, List<DependencyEdge> cycle, LockOrders orders) {
    DependencyEdge d = cycle.get(fix);
    Holding holding = Holding.of(d);
    String from = d.from().displayName();
    String to = d.to().displayName();
    StringBuilder sb = new StringBuilder("change #").append(fix).append(": in ").append(holding.method())
        .append(", release ").append(from).append(" before ")
        .append(holding.throughCall() ? "calling " + holding.callee() : "taking " + to)
        .append(", or take ").append(to).append(" before ").append(from);
    if (cycle.size() == 2) {
      DependencyEdge other = cycle.get(1 - fix);
      int places = orders.places(other.from(), other.to());
      sb.append(places == 1
          ? ", the order " + Holding.of(other).method() + " uses"
          : ", the order the rest of the program uses (" + places + " places)");
    } else {
      sb.append(", which breaks the cycle");
    }
    return sb.toString();
  }
}
