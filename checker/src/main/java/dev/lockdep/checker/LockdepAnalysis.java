package dev.lockdep.checker;

import dev.lockdep.checker.analysis.LocalFinding;
import dev.lockdep.checker.analysis.UnitSummary;
import dev.lockdep.checker.report.LockOrders;
import dev.lockdep.lockgraph.CheckKind;
import dev.lockdep.lockgraph.CheckOptions;
import dev.lockdep.lockgraph.Finding;
import dev.lockdep.lockgraph.LockGraph;
import dev.lockdep.lockgraph.Provenance;
import dev.lockdep.lockgraph.UnitFacts;
import dev.lockdep.lockgraph.program.ProgramUnit;
import dev.lockdep.lockgraph.program.SummaryComposer;
import dev.lockdep.lockgraph.program.SummaryComposer.ComposedAcquisition;
import dev.lockdep.lockgraph.program.SummaryComposer.Composition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
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
  private static final Set<CheckKind> GRAPH_CHECKS =
      EnumSet.of(
          CheckKind.LockOrderInversion,
          CheckKind.RecursiveLocking,
          CheckKind.IrqSafeToUnsafe,
          CheckKind.InconsistentLockState);

  private LockdepAnalysis() {}

  /** The findings of the enabled checks over {@code units}, sorted. */
  public static List<LockdepReport> check(Collection<UnitSummary> units, LockdepOptions options) {
    return check(units, List.of(), options);
  }

  /**
   * The findings of the enabled checks over {@code units} composed with the summaries of earlier
   * compilations ({@code classpath}), sorted. Only findings that involve a fact of {@code units}
   * are reported, each at a position in {@code units}.
   */
  public static List<LockdepReport> check(
      Collection<UnitSummary> units, Collection<ProgramUnit> classpath, LockdepOptions options) {
    return analyze(units, classpath, options).reports();
  }

  /**
   * The findings, sorted, and the bounds composition reached, each of which must be said.
   *
   * @param reports the findings
   * @param limits the bounds of composition reached ({@link SummaryComposer.Limit})
   */
  public record Analysis(List<LockdepReport> reports, List<SummaryComposer.Limit> limits) {}

  /** {@link #check}, with the bounds of composition it reached. */
  public static Analysis analyze(
      Collection<UnitSummary> units, Collection<ProgramUnit> classpath, LockdepOptions options) {
    List<LockdepReport> reports = new ArrayList<>();
    Map<List<UnitFacts>, Set<CheckKind>> runs = new LinkedHashMap<>();
    Composition composition = SummaryComposer.compose(programs(units), classpath);
    Map<String, List<ComposedAcquisition>> program = composition.acquisitions();
    Set<String> current = new HashSet<>();
    units.forEach(u -> current.add(u.file()));
    Map<Provenance, Provenance> anchors = anchors(program, current);
    boolean anySuppression =
        program.values().stream().flatMap(List::stream).anyMatch(a -> !a.suppressed().isEmpty());
    List<UnitFacts> unsuppressed = anySuppression ? null : facts(program, null);
    for (CheckKind check : GRAPH_CHECKS) {
      if (options.enabled(check)) {
        List<UnitFacts> facts = anySuppression ? facts(program, check) : unsuppressed;
        runs.computeIfAbsent(facts, f -> EnumSet.noneOf(CheckKind.class)).add(check);
      }
    }
    CheckOptions checkOptions =
        CheckOptions.defaults().withPrimeFenceReclaim(options.primeFenceReclaim()).withCurrentUnits(current);
    List<Finding> findings = new ArrayList<>();
    runs.forEach(
        (facts, checks) -> {
          for (Finding finding : LockGraph.merge(facts).check(checkOptions)) {
            if (checks.contains(finding.kind())) {
              findings.add(finding);
            }
          }
        });
    LockOrders orders = LockOrders.count(findings, program);
    FixPositions fixes = new FixPositions(programs(units));
    List<Finding> placed = new ArrayList<>();
    for (Finding finding : findings) {
      placed.add(fixes.of(finding));
    }
    for (Finding finding : DistinctProblems.of(placed)) {
      reports.add(anchored(LockdepReport.of(finding, orders), current, anchors));
    }
    if (options.enabled(CheckKind.SleepInAtomicContext)) {
      reports.addAll(AtomicSleeps.reports(composition.sleeps(), current));
    }
    for (UnitSummary unit : units) {
      for (LocalFinding finding : unit.findings()) {
        if (options.enabled(finding.check())) {
          reports.add(
              new LockdepReport(finding.check(), finding.at(), finding.title(), finding.summary(), finding.details()));
        }
      }
    }
    reports.sort(null);
    return new Analysis(reports, composition.limits());
  }

  /** The lock graph of every unit's facts, suppressions aside: what the Graph= output draws. */
  public static LockGraph graph(Collection<UnitSummary> units) {
    return LockGraph.merge(facts(SummaryComposer.compose(programs(units), List.of()).acquisitions(), null));
  }

  private static List<ProgramUnit> programs(Collection<UnitSummary> units) {
    return units.stream().map(UnitSummary::program).toList();
  }

  /**
   * For each acquisition in another compilation reached through calls from this one, the
   * outermost of those calls: an error must be reported in a file being compiled.
   */
  private static Map<Provenance, Provenance> anchors(
      Map<String, List<ComposedAcquisition>> program, Set<String> current) {
    Map<Provenance, Provenance> anchors = new HashMap<>();
    program.values().forEach(
        acquisitions -> {
          for (ComposedAcquisition acquisition : acquisitions) {
            Provenance at = acquisition.next().acquiredAt();
            if (acquisition.anchor() != null && !current.contains(at.file())) {
              anchors.putIfAbsent(at, acquisition.anchor());
            }
          }
        });
    return anchors;
  }

  private static LockdepReport anchored(
      LockdepReport report, Set<String> current, Map<Provenance, Provenance> anchors) {
    Provenance anchor = current.contains(report.position().file()) ? null : anchors.get(report.position());
    return anchor == null
        ? report
        : new LockdepReport(
            report.check(), anchor, report.title(), report.summary(), report.details(), report.chain(),
            report.usages(), report.hint());
  }

  /**
   * The facts of every unit as {@code check} sees them: without the acquisitions made in or
   * through a body that suppresses it ({@code null}: every acquisition).
   */
  private static List<UnitFacts> facts(Map<String, List<ComposedAcquisition>> program, CheckKind check) {
    List<UnitFacts> facts = new ArrayList<>();
    program.forEach(
        (unit, acquisitions) -> {
          UnitFacts.Builder builder = UnitFacts.builder(unit);
          for (ComposedAcquisition acquisition : acquisitions) {
            if (check == null || !acquisition.suppressed().contains(check.name())) {
              builder.acquire(acquisition.held(), acquisition.next(), acquisition.irq(), acquisition.initialized());
            }
          }
          facts.add(builder.build());
        });
    return facts;
  }
}
