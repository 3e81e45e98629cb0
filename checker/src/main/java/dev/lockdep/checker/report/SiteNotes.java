package dev.lockdep.checker.report;

import dev.lockdep.checker.LockdepReport;
import dev.lockdep.lockgraph.ChainLink;
import dev.lockdep.lockgraph.CheckKind;
import dev.lockdep.lockgraph.DependencyEdge;
import dev.lockdep.lockgraph.Provenance;
import dev.lockdep.lockgraph.UsageLink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The notes of a finding: one per source line of its chain and usages other than the error's own
 * line (which the error already explains). A line with several roles (the acquisition of one
 * dependency is the held lock of the next, or two nested acquisitions on one line) gets one note
 * that lists them.
 *
 * <p>Notes do not start with {@code [CheckKind]}: that prefix marks the finding itself, and tools
 * that count findings by it must not count its notes.
 */
public final class SiteNotes {
  private SiteNotes() {}

  public static List<SiteNote> of(LockdepReport report) {
    // Keyed by file and line alone: one note per line an IDE marks.
    Map<Provenance, Site> sites = new TreeMap<>();
    List<ChainLink> chain = report.chain();
    for (int i = 0; i < chain.size(); i++) {
      DependencyEdge d = chain.get(i).dependency();
      String edge = "dependency #" + i + " " + d.from().displayName() + " -> " + d.to().displayName() + ": ";
      add(sites, report, d.heldAt(),
          edge + d.from().displayName() + " held here" + Sites.via(d.heldAt()) + ", then "
              + d.to().displayName() + " acquired at " + Sites.fileLine(d.at()));
      add(sites, report, d.at(),
          edge + d.to().displayName() + " acquired here" + Sites.via(d.at()) + " while holding "
              + d.from().displayName() + " (acquired at " + Sites.fileLine(d.heldAt()) + ")");
    }
    for (UsageLink u : report.usages()) {
      add(sites, report, u.usage().at(),
          u.usage().lockClass().displayName() + " {" + u.usage().bit().label() + "} state registered here"
              + Sites.via(u.usage().at()));
    }
    String finding = report.check() + " reported at " + Sites.fileLine(report.position()) + ": ";
    List<SiteNote> notes = new ArrayList<>();
    sites.forEach((line, site) -> notes.add(new SiteNote(site.at, finding + String.join("; ", site.roles))));
    return notes;
  }

  private static void add(Map<Provenance, Site> sites, LockdepReport report, Provenance at, String role) {
    if (at.line() == 0 || at.file().equals(report.position().file()) && at.line() == report.position().line()) {
      return;
    }
    Site site = sites.computeIfAbsent(new Provenance(at.file(), at.line(), 0, "", List.of()), k -> new Site());
    // The note goes to the first acquisition on the line, so javac marks that expression, not an
    // enclosing block that starts lines earlier.
    if (site.at == null || at.column() < site.at.column()) {
      site.at = new Provenance(at.file(), at.line(), at.column(), "", List.of());
    }
    if (!site.roles.contains(role)) {
      site.roles.add(role);
    }
  }

  /** What one line's note says, and where exactly it goes. */
  private static final class Site {
    Provenance at;
    final List<String> roles = new ArrayList<>();
  }
}
