package dev.lockdep.lockgraph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The merge of unit facts and the checks over it. Merging is commutative and idempotent: units
 * of one name are united, and the result is kept sorted by name, so any order or repetition of
 * the same facts gives an equal graph, equal bytes from {@link FactsFormat} and identical
 * findings. The checks run over the whole merged graph (batch, not lockdep's online order) and
 * report every distinct problem once.
 */
public final class LockGraph {
  private final List<UnitFacts> units;

  private LockGraph(List<UnitFacts> units) {
    this.units = units;
  }

  public static LockGraph merge(Collection<UnitFacts> units) {
    return new LockGraph(mergeByName(units));
  }

  public static LockGraph of(UnitFacts... units) {
    return merge(List.of(units));
  }

  /** The merged units, one per name, sorted by name. */
  public List<UnitFacts> units() {
    return units;
  }

  /** Every check, findings sorted by {@link Finding#compareTo}. */
  public List<Finding> check(CheckOptions options) {
    GraphIndex g = GraphIndex.build(units, options);
    List<Finding> findings = new ArrayList<>();
    RecursionCheck.run(units, options, findings);
    StrongComponents scc = StrongComponents.of(g);
    new CycleCheck(g, scc, options.cycleCap(), options.listingBudget()).run(findings);
    new IrqUsageCheck(g, scc).run(findings);
    findings.sort(null);
    return List.copyOf(findings);
  }

  public List<Finding> check() {
    return check(CheckOptions.defaults());
  }

  static List<UnitFacts> mergeByName(Collection<UnitFacts> units) {
    Map<String, UnitFacts> byName = new TreeMap<>();
    for (UnitFacts u : units) {
      byName.merge(u.name(), u, UnitFacts::union);
    }
    return List.copyOf(byName.values());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LockGraph other && units.equals(other.units);
  }

  @Override
  public int hashCode() {
    return units.hashCode();
  }

  @Override
  public String toString() {
    return "LockGraph" + units;
  }
}
