package dev.lockdep.checker;

import dev.lockdep.checker.report.CycleOrder;
import dev.lockdep.lockgraph.ChainLink;
import dev.lockdep.lockgraph.CheckKind;
import dev.lockdep.lockgraph.Finding;
import dev.lockdep.lockgraph.Provenance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One finding per distinct problem. The same cycle among the same lock classes, or the same lock
 * re-acquired at the same place of the fix, reached through several call paths (a decorator whose
 * every method calls its delegate, a helper called from several places under one lock) is one
 * problem with one fix: it is reported once, at its shortest path, and lists every path, shortest
 * first.
 */
final class DistinctProblems {
  /** Fewer calls first: the path a reader follows most easily, and the one shown in full. */
  private static final Comparator<Finding> SHORTEST = Comparator.comparingInt(DistinctProblems::calls);

  private DistinctProblems() {}

  /** {@code findings} with each problem's findings merged into one, in the order of their first. */
  static List<Finding> of(List<Finding> findings) {
    Map<List<Object>, List<Finding>> byProblem = new LinkedHashMap<>();
    for (Finding finding : findings) {
      byProblem.computeIfAbsent(key(finding), k -> new ArrayList<>()).add(finding);
    }
    List<Finding> distinct = new ArrayList<>();
    for (List<Finding> same : byProblem.values()) {
      distinct.add(same.size() == 1 ? same.get(0) : merged(same));
    }
    return distinct;
  }

  /**
   * A cycle is its lock classes, from the least one round: wherever it closes, the fix is to take
   * them in one order. Any other finding is its check, place and locks.
   */
  private static List<Object> key(Finding finding) {
    if (finding.kind() == CheckKind.LockOrderInversion) {
      return List.of(finding.kind(), CycleOrder.fromLeast(finding.locks()));
    }
    Provenance at = finding.position();
    return List.of(finding.kind(), at.file(), at.line(), at.column(), finding.summary(), finding.locks());
  }

  private static Finding merged(List<Finding> same) {
    List<Finding> paths = new ArrayList<>(same);
    paths.sort(SHORTEST);
    Finding shortest = paths.get(0);
    List<String> notes = new ArrayList<>(shortest.notes());
    StringBuilder listed =
        new StringBuilder("reached through ").append(paths.size())
            .append(" paths, shortest first (the chain above is the first), each closing at:");
    for (int i = 0; i < paths.size(); i++) {
      Provenance closing = closingAt(paths.get(i));
      listed.append("\n  ").append(i + 1).append(". ").append(closing).append(Finding.via(closing, "       "));
    }
    notes.add(listed.toString());
    return new Finding(
        shortest.kind(), shortest.title(), shortest.summary(), shortest.position(), shortest.locks(), shortest.chain(),
        shortest.usages(), shortest.scenario(), notes, shortest.hint(), shortest.units());
  }

  /** Where a path closes: its last dependency's acquisition, or the finding's position without one. */
  private static Provenance closingAt(Finding finding) {
    List<ChainLink> chain = finding.chain();
    return chain.isEmpty() ? finding.position() : chain.get(chain.size() - 1).dependency().at();
  }

  /** The calls a finding's chain goes through. */
  private static int calls(Finding finding) {
    int calls = 0;
    for (ChainLink link : finding.chain()) {
      calls += link.dependency().at().callChain().size() + link.dependency().heldAt().callChain().size();
    }
    return calls;
  }
}
