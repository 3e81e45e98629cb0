package dev.lockdep.checker;

import dev.lockdep.checker.report.CycleOrder;
import dev.lockdep.lockgraph.ChainLink;
import dev.lockdep.lockgraph.CheckKind;
import dev.lockdep.lockgraph.Finding;
import dev.lockdep.lockgraph.LockClass;
import dev.lockdep.lockgraph.Provenance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One finding per distinct problem. The same cycle among the same lock classes, or the same lock
 * re-acquired at the same place of the fix, reached through several call paths (a decorator whose
 * every method calls its delegate, a helper called from several places under one lock) is one
 * problem with one fix: it is reported once, at its shortest path, and lists every path, shortest
 * first. The same acquisitions closing one problem per type an object may have (a monitor taken
 * in a method of an abstract class, for each concrete class the analysis lets the object be) are
 * one problem too: it is reported once, for the type with the shortest name, and lists the others.
 */
final class DistinctProblems {
  /** A lock class's name as {@link #variantKey} masks it. */
  private static final Pattern MASKED = Pattern.compile("\u0001[0-9]+\u0002");

  /** Fewer calls first: the path a reader follows most easily, and the one shown in full. */
  private static final Comparator<Finding> SHORTEST = Comparator.comparingInt(DistinctProblems::calls);

  private DistinctProblems() {}

  /** {@code findings} with each problem's findings merged into one, in the order of their first. */
  static List<Finding> of(List<Finding> findings) {
    Map<List<Object>, List<Finding>> byProblem = new LinkedHashMap<>();
    for (Finding finding : findings) {
      byProblem.computeIfAbsent(key(finding), k -> new ArrayList<>()).add(finding);
    }
    Map<Object, List<Finding>> byVariant = new LinkedHashMap<>();
    for (List<Finding> same : byProblem.values()) {
      Finding distinct = same.size() == 1 ? same.get(0) : merged(same);
      byVariant.computeIfAbsent(variantKey(distinct), k -> new ArrayList<>()).add(distinct);
    }
    List<Finding> distinct = new ArrayList<>();
    for (List<Finding> variants : byVariant.values()) {
      distinct.add(variants.size() == 1 ? variants.get(0) : withVariants(variants));
    }
    return distinct;
  }

  /**
   * What a finding says with its lock classes' names replaced by their order of appearance:
   * findings that differ in those names only are the same acquisitions, at the same places, with
   * an object the analysis lets be of several types (or a lock field its creators give several
   * classes).
   */
  private static Object variantKey(Finding finding) {
    List<String> names = new ArrayList<>();
    for (LockClass lock : finding.locks()) {
      if (!names.contains(lock.displayName())) {
        names.add(lock.displayName());
      }
    }
    // Longest first: a generated class's name holds its supertype's (<anonymous QuorumPeer>).
    names.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
    String text = finding.render();
    for (int i = 0; i < names.size(); i++) {
      // Not a part of a longer name: a field's lock (Pool.lock) or an enclosing class's.
      text = Pattern.compile("(?<![\\w$.<])" + Pattern.quote(names.get(i)) + "(?![\\w$.>])")
          .matcher(text).replaceAll("\u0001" + i + "\u0002");
    }
    Map<String, String> byAppearance = new HashMap<>();
    text = MASKED.matcher(text).replaceAll(m -> "#" + byAppearance.computeIfAbsent(m.group(), k -> String.valueOf(byAppearance.size())));
    return List.of(finding.kind(), finding.position(), text);
  }

  /**
   * The variant with the shortest summary (a base class's name is shorter than its subclasses'),
   * noting what the others close.
   */
  private static Finding withVariants(List<Finding> found) {
    List<Finding> variants = new ArrayList<>(found);
    variants.sort(Comparator.comparingInt((Finding f) -> f.summary().length()));
    Finding first = variants.get(0);
    List<String> notes = new ArrayList<>(first.notes());
    StringBuilder listed =
        new StringBuilder("the same acquisitions with an object of another type it may have (")
            .append(variants.size() - 1).append(" more):");
    for (Finding other : variants.subList(1, variants.size())) {
      listed.append("\n  ").append(other.summary());
    }
    notes.add(listed.toString());
    return new Finding(
        first.kind(), first.title(), first.summary(), first.position(), first.locks(), first.chain(), first.usages(),
        first.scenario(), notes, first.hint(), first.units());
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
