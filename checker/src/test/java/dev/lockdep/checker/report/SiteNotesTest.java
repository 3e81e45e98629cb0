package dev.lockdep.checker.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each other site of a finding gets a javac note at its own position, so an IDE links every edge. */
class SiteNotesTest {
  private static final Pattern SITE = Pattern.compile("^\\s+r?lock\\(.+\\) at (\\S+\\.java):(\\d+)");

  @TempDir Path dir;

  @Test
  void everyOtherSiteOfACycleGetsOneNoteAtItsLine() throws Exception {
    Path src = dir.resolve("src");
    PluginRun.write(src, "p/Forward.java",
        """
        package p;
        class Forward {
          static final Object A = new Object();
          static final Object B = new Object();
          void ab() {
            synchronized (A) {
              synchronized (B) {}
            }
          }
        }
        """);
    PluginRun.write(src, "p/Backward.java",
        """
        package p;
        class Backward {
          void ba() {
            synchronized (Forward.B) {
              synchronized (Forward.A) {}
            }
          }
        }
        """);
    List<PluginRun.Diag> all = PluginRun.compileTree(src, Files.createDirectories(dir.resolve("classes")));
    List<PluginRun.Diag> findings = all.stream().filter(PluginRun.Diag::isFinding).toList();
    assertEquals(1, findings.size(), all::toString);
    PluginRun.Diag finding = findings.get(0);
    List<PluginRun.Diag> notes = all.stream().filter(d -> d.kind() == Diagnostic.Kind.NOTE).toList();
    // The four acquisitions of the cycle, minus the error's own line: three notes, each at its line.
    String here = finding.file() + ":" + finding.line();
    List<String> expected =
        List.of("Backward.java:4", "Backward.java:5", "Forward.java:6", "Forward.java:7").stream()
            .filter(site -> !site.equals(here))
            .toList();
    assertEquals(expected, notes.stream().map(n -> n.file() + ":" + n.line()).sorted().toList(), all::toString);
    for (PluginRun.Diag note : notes) {
      assertTrue(note.message().startsWith("LockOrderInversion reported at " + here + ": dependency #"), note::message);
      assertFalse(note.message().startsWith("["), "a note must not look like a finding");
      // At the acquisition itself, not at the start of the line or an enclosing block.
      assertTrue(note.column() > 4, note::toString);
    }
  }

  /** On the testdata programs, the notes are exactly the sites the findings' details list. */
  @Test
  void notesCoverTheSitesTheDetailsList() throws Exception {
    List<PluginRun.Diag> all =
        PluginRun.compileTree(PluginRun.program("LockOrderInversion"), Files.createDirectories(dir.resolve("classes")));
    List<String> listed = all.stream().filter(PluginRun.Diag::isFinding)
        .flatMap(f -> f.message().lines()
            .map(SITE::matcher)
            .filter(Matcher::find)
            .map(m -> m.group(1) + ":" + m.group(2))
            .filter(site -> !site.equals(f.file() + ":" + f.line()))
            .distinct())
        .sorted()
        .toList();
    List<String> noted = all.stream().filter(d -> d.kind() == Diagnostic.Kind.NOTE)
        .map(n -> n.file() + ":" + n.line())
        .sorted()
        .toList();
    assertEquals(listed, noted);
    assertEquals(
        noted.size(),
        all.stream().filter(d -> d.kind() == Diagnostic.Kind.NOTE).map(PluginRun.Diag::message).collect(Collectors.toSet()).size(),
        "one note per site and finding");
  }
}
