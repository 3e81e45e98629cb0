package dev.lockdep.checker;

import dev.lockdep.lockgraph.Provenance;
import java.util.Comparator;
import java.util.List;

/**
 * One finding as a diagnostic: the check, the position of the acquisition (or release, or
 * annotation) that closes the problem, lockdep's title, a one-line summary and the detail lines.
 *
 * @param check the check
 * @param position where the diagnostic goes
 * @param title lockdep's title
 * @param summary the rest of the first line
 * @param details the lines after the first
 */
public record LockdepReport(CheckName check, Provenance position, String title, String summary, List<String> details)
    implements Comparable<LockdepReport> {

  private static final Comparator<LockdepReport> ORDER =
      Comparator.comparing(LockdepReport::position)
          .thenComparing(LockdepReport::check)
          .thenComparing(LockdepReport::summary)
          .thenComparing(r -> String.join("\n", r.details()));

  public LockdepReport {
    details = List.copyOf(details);
  }

  /** The whole message as the javac plugin prints it: {@code [CheckName] <title>: <summary>} first. */
  public String message() {
    return "[" + check + "] " + body();
  }

  /** The message without the check name, as Error Prone prints it after its own {@code [CheckName]}. */
  public String body() {
    StringBuilder sb = new StringBuilder(title).append(": ").append(summary);
    for (String line : details) {
      sb.append('\n').append(line);
    }
    return sb.toString();
  }

  @Override
  public int compareTo(LockdepReport other) {
    return ORDER.compare(this, other);
  }
}
