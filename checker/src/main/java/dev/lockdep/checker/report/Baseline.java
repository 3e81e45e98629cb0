package dev.lockdep.checker.report;

import dev.lockdep.checker.LockdepReport;
import dev.lockdep.lockgraph.ChainLink;
import dev.lockdep.lockgraph.CheckKind;
import dev.lockdep.lockgraph.LockClass;
import dev.lockdep.lockgraph.UsageLink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The findings a code base already has when it adopts the checker (as Android Lint's and detekt's
 * baselines): they are reported as notes, and only new findings fail the build. A finding is
 * known by its key, which names no line, so edits that move code keep it known: the check and its
 * lock classes (a cycle as its classes from the least one round, wherever it closes), and, for a
 * finding that is not a cycle, the file and method it is reported in (two methods nesting one
 * class are two problems); a finding with no lock class adds its summary.
 */
public final class Baseline {
  /** No baseline: every finding is new. */
  public static final Baseline NONE = new Baseline(Set.of());

  private static final String HEADER =
      "# LockdepCheck baseline: known findings, reported as notes; new ones fail the build.\n"
          + "# One finding per line: its check and key (lock classes, and where it is for other checks).\n"
          + "# Written by the runner's --write-baseline (or WriteBaseline=FILE); edit by deleting lines.\n";

  private final Set<String> keys;

  private Baseline(Set<String> keys) {
    this.keys = keys;
  }

  /** The baseline in {@code file}; a file that does not exist or cannot be read is an error naming it. */
  public static Baseline read(Path file) throws IOException {
    if (!Files.exists(file)) {
      throw new IOException("baseline file " + file + " does not exist");
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      // NoSuchFileException and friends carry only the path as their message.
      throw new IOException("cannot read baseline file " + file + ": " + e.getClass().getSimpleName() + " " + e.getMessage(), e);
    }
    Set<String> keys = new TreeSet<>();
    for (String line : lines) {
      if (!line.isBlank() && !line.startsWith("#")) {
        keys.add(line.strip());
      }
    }
    return new Baseline(keys);
  }

  /** The file listing every one of {@code reports}, sorted, so equal findings give equal bytes. */
  public static String write(List<LockdepReport> reports) {
    Set<String> lines = new TreeSet<>();
    for (LockdepReport report : reports) {
      lines.add(key(report));
    }
    StringBuilder sb = new StringBuilder(HEADER);
    lines.forEach(line -> sb.append(line).append('\n'));
    return sb.toString();
  }

  public boolean contains(LockdepReport report) {
    return keys.contains(key(report));
  }

  /** How the note of a known finding starts. */
  public static final String KNOWN = "[LockdepCheck] known finding, in the baseline: ";

  /** How a known finding is reported: a note, which neither fails the build nor counts as a finding. */
  public static String note(LockdepReport report) {
    return KNOWN + report.check() + " " + report.headline();
  }

  /**
   * The note about entries no finding matches any more (fixed problems the baseline should drop),
   * if there are any: a baseline that only grows would hide their return.
   */
  public Optional<String> staleNote(List<LockdepReport> reports) {
    Set<String> found = new TreeSet<>();
    reports.forEach(r -> found.add(key(r)));
    long stale = keys.stream().filter(k -> !found.contains(k)).count();
    return stale == 0
        ? Optional.empty()
        : Optional.of("[LockdepCheck] " + stale + " baseline entr" + (stale == 1 ? "y matches" : "ies match")
            + " no finding any more: the problems are fixed; write the baseline again (--write-baseline, WriteBaseline=FILE)"
            + " to drop them");
  }

  /** The key of a finding: its check, then what the problem is, with no line number. */
  public static String key(LockdepReport report) {
    StringBuilder sb = new StringBuilder(report.check().name()).append(' ');
    List<LockClass> classes = classes(report);
    sb.append(String.join(" -> ", classes.stream().map(Baseline::name).toList()));
    if (report.check() != CheckKind.LockOrderInversion) {
      sb.append(" in ").append(report.position().file()).append(' ').append(report.position().method());
    }
    if (classes.isEmpty()) {
      sb.append(": ").append(report.summary());
    }
    return sb.toString().replace('\n', ' ');
  }

  /** A cycle's classes in cycle order from the least; any other finding's classes, sorted. */
  private static List<LockClass> classes(LockdepReport report) {
    if (report.check() == CheckKind.LockOrderInversion && !report.chain().isEmpty()) {
      return CycleOrder.fromLeast(report.chain().stream().map(l -> l.dependency().from()).toList());
    }
    Set<LockClass> classes = new TreeSet<>();
    for (ChainLink link : report.chain()) {
      classes.add(link.dependency().from());
      classes.add(link.dependency().to());
    }
    for (UsageLink usage : report.usages()) {
      classes.add(usage.usage().lockClass());
    }
    return new ArrayList<>(classes);
  }

  /** A class by its key, which is unique ({@code com.acme.Pool.lock}), and its subclass. */
  private static String name(LockClass c) {
    return c.subclass() == 0 ? c.key() : c.key() + "/" + c.subclass();
  }
}
