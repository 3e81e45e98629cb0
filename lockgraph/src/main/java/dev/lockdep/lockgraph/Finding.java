package dev.lockdep.lockgraph;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One reported problem. Plain data, so that front ends can render it as a diagnostic, SARIF or a
 * graph; {@link #render()} gives a lockdep-like splat.
 *
 * @param kind the check
 * @param title lockdep's title, e.g. {@code possible circular locking dependency detected}
 * @param summary one line about this instance of the problem
 * @param position the acquisition (or irq enable) that closes the problem: the error position
 * @param locks the classes involved, in the order the report discusses them
 * @param chain every dependency of the cycle or path, each with its provenance and call chain;
 *     for a cycle, the path from the acquired lock back to the held one, then the closing
 *     dependency; for an irq report, the path from the irq-safe lock to the irq-unsafe one
 * @param usages the usage bits the report relies on
 * @param scenario lockdep's "Possible unsafe locking scenario" rows, in lockdep's order
 * @param notes further lines: "Chain exists of:", how many similar problems are not shown, ...
 * @param hint how such a problem is usually fixed
 * @param units the names of the units whose facts the report shows, sorted
 */
public record Finding(
    CheckKind kind,
    String title,
    String summary,
    Provenance position,
    List<LockClass> locks,
    List<ChainLink> chain,
    List<UsageLink> usages,
    List<ScenarioRow> scenario,
    List<String> notes,
    String hint,
    List<String> units)
    implements Comparable<Finding> {

  /** Where the calls below a chain's acquisition start: under its {@code lock(}. */
  private static final String CALL_INDENT = "         ";

  private static final Comparator<Finding> ORDER = Finding::compareFindings;

  public Finding {
    Objects.requireNonNull(kind);
    Objects.requireNonNull(title);
    Objects.requireNonNull(summary);
    Objects.requireNonNull(position);
    locks = List.copyOf(locks);
    chain = List.copyOf(chain);
    usages = List.copyOf(usages);
    scenario = List.copyOf(scenario);
    notes = List.copyOf(notes);
    Objects.requireNonNull(hint);
    units = List.copyOf(units);
  }

  /** The first line of a diagnostic: {@code [CheckName] <title>: <summary>}. */
  public String headline() {
    String t = title.endsWith(".") ? title.substring(0, title.length() - 1) : title;
    return "[" + kind.name() + "] " + t + ": " + summary;
  }

  /** Findings sort by position, then kind, then text: the order diagnostics are emitted in. */
  @Override
  public int compareTo(Finding other) {
    return ORDER.compare(this, other);
  }

  /** A plain-text report laid out like a lockdep splat. */
  public String render() {
    StringBuilder sb = new StringBuilder();
    String rule = "=".repeat(Math.max(40, title.length() + 9));
    sb.append(rule).append('\n');
    sb.append("WARNING: ")
        .append(kind == CheckKind.InconsistentLockState ? "inconsistent lock state" : title)
        .append('\n');
    sb.append(rule).append('\n');
    if (kind == CheckKind.InconsistentLockState) {
      sb.append(title).append('\n');
    }
    sb.append(summary).append('\n');
    sb.append("at ").append(position).append(via(position, "  ")).append("\n\n");
    if (!chain.isEmpty()) {
      sb.append(
          kind == CheckKind.LockOrderInversion
              ? "the dependency chain (the closing dependency last) is:\n"
              : "the dependencies involved are:\n");
      int i = 0;
      for (ChainLink link : chain) {
        DependencyEdge d = link.dependency();
        sb.append("-> #").append(i++).append(' ')
            .append(d.from().displayName()).append(" -(").append(d.type()).append(")-> ")
            .append(d.to().displayName()).append(":\n");
        sb.append("       ").append(acquire(d.fromMode())).append(d.from().displayName())
            .append(") at ").append(d.heldAt()).append(via(d.heldAt(), CALL_INDENT)).append('\n');
        sb.append("       ").append(acquire(d.toMode())).append(d.to().displayName())
            .append(") at ").append(d.at()).append(via(d.at(), CALL_INDENT)).append('\n');
      }
      sb.append('\n');
    }
    for (UsageLink u : usages) {
      sb.append(u.usage().lockClass().displayName()).append(" {")
          .append(u.usage().bit().label()).append("} state was registered at: ")
          .append(u.usage().at()).append(via(u.usage().at(), "  ")).append('\n');
    }
    if (!usages.isEmpty()) {
      sb.append('\n');
    }
    sb.append("other info that might help us debug this:\n");
    for (String note : notes) {
      sb.append(note).append('\n');
    }
    if (!scenario.isEmpty()) {
      sb.append(
          kind == CheckKind.IrqSafeToUnsafe
              ? " Possible interrupt unsafe locking scenario:\n\n"
              : " Possible unsafe locking scenario:\n\n");
      // lockdep's CPU0 and CPU1 columns, as the threads a Java program runs.
      boolean twoThreads = scenario.stream().anyMatch(r -> r.column() == ScenarioRow.Column.CPU1);
      sb.append(twoThreads ? "       Thread 1                Thread 2\n" : "       Thread 1\n");
      sb.append(twoThreads ? "       --------                --------\n" : "       --------\n");
      for (ScenarioRow row : scenario) {
        sb.append(row.column() == ScenarioRow.Column.CPU0 ? "  " : "                               ")
            .append(row.text()).append('\n');
      }
      sb.append("\n *** DEADLOCK ***\n\n");
    }
    sb.append("hint: ").append(hint).append('\n');
    return sb.toString();
  }

  private static String acquire(ReadMode mode) {
    return mode.isReader() ? "rlock(" : "lock(";
  }

  /**
   * The calls that led to a fact, one per line below it, outermost first: {@code via A} then
   * {@code -> B} under it. A chain of eight calls on the fact's own line could not be read.
   */
  public static String via(Provenance p, String indent) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < p.callChain().size(); i++) {
      sb.append('\n').append(indent).append(i == 0 ? "via " : " -> ").append(p.callChain().get(i));
    }
    return sb.toString();
  }
  /** By position, kind, title, summary, the locks' text, then the whole rendering. */
  // One method, not a chain of key extractors: see DependencyEdge#compareFacts.
  private static int compareFindings(Finding a, Finding b) {
    int c = a.position.compareTo(b.position);
    if (c == 0) {
      c = a.kind.compareTo(b.kind);
    }
    if (c == 0) {
      c = a.title.compareTo(b.title);
    }
    if (c == 0) {
      c = a.summary.compareTo(b.summary);
    }
    if (c == 0) {
      c = a.locks.toString().compareTo(b.locks.toString());
    }
    return c != 0 ? c : a.render().compareTo(b.render());
  }
}
