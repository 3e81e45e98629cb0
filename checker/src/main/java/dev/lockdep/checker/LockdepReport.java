package dev.lockdep.checker;

import dev.lockdep.checker.report.FixHint;
import dev.lockdep.checker.report.LockOrders;
import dev.lockdep.lockgraph.ChainLink;
import dev.lockdep.lockgraph.CheckKind;
import dev.lockdep.lockgraph.Finding;
import dev.lockdep.lockgraph.Provenance;
import dev.lockdep.lockgraph.UsageLink;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One finding as a diagnostic: the check, the position of the acquisition (or release, or
 * annotation) that closes the problem, lockdep's title, a one-line summary and the detail lines,
 * plus the structured facts behind them for the outputs that link every site (javac notes, SARIF,
 * the graph).
 *
 * @param check the check
 * @param position where the diagnostic goes
 * @param title lockdep's title
 * @param summary the rest of the first line
 * @param details the lines after the first
 * @param chain every dependency of the cycle or path, in the order the details list them; empty
 *     for findings the front end decides alone
 * @param usages the usage bits the finding relies on
 * @param hint how such a problem is usually fixed; empty when the details carry none
 */
public record LockdepReport(
    CheckKind check,
    Provenance position,
    String title,
    String summary,
    List<String> details,
    List<ChainLink> chain,
    List<UsageLink> usages,
    String hint)
    implements Comparable<LockdepReport> {

  private static final Comparator<LockdepReport> ORDER =
      Comparator.comparing(LockdepReport::position)
          .thenComparing(LockdepReport::check)
          .thenComparing(LockdepReport::summary)
          .thenComparing(r -> String.join("\n", r.details()));

  /** How render() introduces the fix hint, its last line. */
  private static final String HINT = "hint: ";

  public LockdepReport {
    details = List.copyOf(details);
    chain = List.copyOf(chain);
    usages = List.copyOf(usages);
  }

  /** A finding the front end decided alone: no graph facts behind it. */
  public LockdepReport(CheckKind check, Provenance position, String title, String summary, List<String> details) {
    this(check, position, title, summary, details, List.of(), List.of(), "");
  }

  /**
   * A lock graph finding, its details being lockdep's splat without the banner, its hint fitted
   * to where the program takes each order ({@code orders}).
   */
  public static LockdepReport of(Finding finding, LockOrders orders) {
    List<String> lines = finding.render().lines().toList();
    // render() opens with a banner repeating the title and summary; the first line already says both.
    int start = 0;
    while (start < lines.size()
        && (lines.get(start).startsWith("=")
            || lines.get(start).startsWith("WARNING: ")
            || lines.get(start).equals(finding.title())
            || lines.get(start).equals(finding.summary()))) {
      start++;
    }
    List<String> details = new ArrayList<>(lines.subList(start, lines.size()));
    while (!details.isEmpty() && details.get(details.size() - 1).isBlank()) {
      details.remove(details.size() - 1);
    }
    String hint = FixHint.of(finding, orders);
    int last = details.size() - 1;
    if (last >= 0 && details.get(last).startsWith(HINT)) {
      details.remove(last);
      details.addAll((HINT + hint).lines().toList());
    }
    return new LockdepReport(
        finding.kind(),
        finding.position(),
        finding.title(),
        finding.summary(),
        details,
        finding.chain(),
        finding.usages(),
        hint);
  }

  /** The whole message as the javac plugin prints it: {@code [CheckKind] <title>: <summary>} first. */
  public String message() {
    return "[" + check + "] " + body();
  }

  /** The message without the check name, as Error Prone prints it after its own {@code [CheckKind]}. */
  public String body() {
    StringBuilder sb = new StringBuilder(headline());
    for (String line : details) {
      sb.append('\n').append(line);
    }
    return sb.toString();
  }

  /**
   * {@code <title>: <summary>}, the first line without the check name; a title that is a sentence
   * of its own ({@code inconsistent {IN-HARDIRQ-W} -> {HARDIRQ-ON-W} usage.}) drops its period there.
   */
  public String headline() {
    String t = title.endsWith(".") ? title.substring(0, title.length() - 1) : title;
    return t + ": " + summary;
  }

  @Override
  public int compareTo(LockdepReport other) {
    return ORDER.compare(this, other);
  }
}
