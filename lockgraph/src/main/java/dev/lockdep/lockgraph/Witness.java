package dev.lockdep.lockgraph;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Turns edge positions and usage bits of a {@link GraphIndex} into report data. */
final class Witness {
  private final GraphIndex g;

  Witness(GraphIndex g) {
    this.g = g;
  }

  LockClass lockClass(int c) {
    return g.classes[c];
  }

  String name(int c) {
    return g.classes[c].displayName();
  }

  /** The fact of edge {@code p} with type {@code t}, its classes described canonically. */
  ChainLink link(int p, EdgeType t) {
    ChainLink l = g.fact(p, t);
    DependencyEdge d = l.dependency();
    return new ChainLink(
        new DependencyEdge(
            g.classes[g.edgeFrom[p]], d.fromMode(), g.classes[g.edgeTo[p]], d.toMode(), d.at(),
            d.heldAt()),
        l.unit());
  }

  UsageLink usage(int c, UsageBit bit) {
    UsageLink l = g.usageFact(c, bit);
    return new UsageLink(new UsageFact(g.classes[c], bit, l.usage().at()), l.unit());
  }

  /**
   * The closing dependency of a chain (edge positions with the types shown): one with a current
   * fact if any, then the one whose shown fact is greatest, then the first. Returns an index.
   */
  int closing(IntList positions, List<EdgeType> types) {
    int best = -1;
    Provenance bestAt = null;
    boolean bestCurrent = false;
    for (int i = 0; i < positions.size(); i++) {
      int p = positions.get(i);
      boolean isCurrent = g.hasCurrentFact(p, types.get(i));
      Provenance at = g.fact(p, types.get(i)).dependency().at();
      if (best < 0
          || (isCurrent && !bestCurrent)
          || (isCurrent == bestCurrent && at.compareTo(bestAt) > 0)) {
        best = i;
        bestAt = at;
        bestCurrent = isCurrent;
      }
    }
    return best;
  }

  static List<String> units(List<ChainLink> chain, List<UsageLink> usages) {
    TreeSet<String> units = new TreeSet<>();
    for (ChainLink l : chain) {
      units.add(l.unit());
    }
    for (UsageLink u : usages) {
      units.add(u.unit());
    }
    // the primed dependency belongs to no unit
    units.remove("");
    return new ArrayList<>(units);
  }
}
