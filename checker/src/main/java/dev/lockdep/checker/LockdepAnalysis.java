package dev.lockdep.checker;

import dev.lockdep.checker.analysis.LocalFinding;
import dev.lockdep.checker.analysis.MethodSummary;
import dev.lockdep.checker.analysis.UnitSummary;
import dev.lockdep.lockgraph.CheckKind;
import dev.lockdep.lockgraph.CheckOptions;
import dev.lockdep.lockgraph.Finding;
import dev.lockdep.lockgraph.IrqState;
import dev.lockdep.lockgraph.LockGraph;
import dev.lockdep.lockgraph.UnitFacts;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * From the front end's summaries to findings: the summaries become lockgraph facts, the graph
 * runs lockdep's checks, and its findings join the ones the front end decided alone.
 *
 * <p>{@code @SuppressWarnings("Check")} removes a method's facts from that check only, so the
 * graph runs once for every distinct set of facts the enabled checks see (usually once).
 */
public final class LockdepAnalysis {
  private static final Set<CheckName> GRAPH_CHECKS =
      EnumSet.of(
          CheckName.LockOrderInversion,
          CheckName.RecursiveLocking,
          CheckName.IrqSafeToUnsafe,
          CheckName.InconsistentLockState);

  private LockdepAnalysis() {}

  /** The findings of the enabled checks over {@code units}, sorted. */
  public static List<LockdepReport> check(Collection<UnitSummary> units, LockdepOptions options) {
    List<LockdepReport> reports = new ArrayList<>();
    Map<List<UnitFacts>, Set<CheckName>> runs = new LinkedHashMap<>();
    boolean anySuppression =
        units.stream().flatMap(u -> u.methods().stream()).anyMatch(m -> !m.suppressed().isEmpty());
    List<UnitFacts> unsuppressed = anySuppression ? null : facts(units, null);
    for (CheckName check : GRAPH_CHECKS) {
      if (options.enabled(check)) {
        List<UnitFacts> facts = anySuppression ? facts(units, check) : unsuppressed;
        runs.computeIfAbsent(facts, f -> EnumSet.noneOf(CheckName.class)).add(check);
      }
    }
    CheckOptions checkOptions = CheckOptions.defaults().withPrimeFenceReclaim(options.primeFenceReclaim());
    runs.forEach(
        (facts, checks) -> {
          for (Finding finding : LockGraph.merge(facts).check(checkOptions)) {
            CheckName check = CheckName.valueOf(finding.kind().name());
            if (checks.contains(check)) {
              reports.add(report(finding));
            }
          }
        });
    for (UnitSummary unit : units) {
      for (LocalFinding finding : unit.findings()) {
        if (options.enabled(finding.check())) {
          reports.add(
              new LockdepReport(finding.check(), finding.at(), finding.title(), finding.summary(), finding.details()));
        }
      }
    }
    reports.sort(null);
    return reports;
  }

  /**
   * The facts of every unit as {@code check} sees them: without the methods that suppress it
   * ({@code null}: every method).
   */
  private static List<UnitFacts> facts(Collection<UnitSummary> units, CheckName check) {
    List<UnitFacts> facts = new ArrayList<>();
    for (UnitSummary unit : units) {
      UnitFacts.Builder builder = UnitFacts.builder(unit.file());
      for (MethodSummary method : unit.methods()) {
        if (check != null && method.suppressed().contains(check)) {
          continue;
        }
        for (MethodSummary.Acquisition acquisition : method.acquisitions()) {
          // Irq contexts are not modelled yet: every acquisition runs in process context.
          builder.acquire(acquisition.held(), acquisition.next(), IrqState.PROCESS);
        }
      }
      facts.add(builder.build());
    }
    return facts;
  }

  private static LockdepReport report(Finding finding) {
    List<String> details = new ArrayList<>();
    String rendered = finding.render();
    List<String> lines = rendered.lines().toList();
    // render() opens with a banner repeating the title and summary; the first line already says both.
    int start = 0;
    while (start < lines.size() && (lines.get(start).startsWith("=") || lines.get(start).startsWith("WARNING: ") || lines.get(start).equals(finding.summary()))) {
      start++;
    }
    details.addAll(lines.subList(start, lines.size()));
    while (!details.isEmpty() && details.get(details.size() - 1).isBlank()) {
      details.remove(details.size() - 1);
    }
    CheckKind kind = finding.kind();
    return new LockdepReport(CheckName.valueOf(kind.name()), finding.position(), finding.title(), finding.summary(), details);
  }
}
