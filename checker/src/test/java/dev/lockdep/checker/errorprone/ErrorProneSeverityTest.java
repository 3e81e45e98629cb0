package dev.lockdep.checker.errorprone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Under Error Prone alone, {@code -Xep:Name:ERROR|WARN|OFF} sets each check's severity and
 * {@code -XepOpt:Lockdep:Name=value} gives the plugin's options.
 */
class ErrorProneSeverityTest {
  private static final String BOTH =
      """
      package p;
      class Both {
        final Object a = new Object();
        final Object b = new Object();
        void ab() { synchronized (a) { synchronized (b) {} } }
        void ba() { synchronized (b) { synchronized (a) {} } }
      }
      """;

  @TempDir Path dir;

  private List<Diagnostic.Kind> inversions(String xep) throws IOException {
    return diagnostics(xep).stream()
        .map(d -> d.getKind() == Diagnostic.Kind.MANDATORY_WARNING ? Diagnostic.Kind.WARNING : d.getKind())
        .toList();
  }

  private List<Diagnostic<? extends JavaFileObject>> diagnostics(String xep) throws IOException {
    Path source = dir.resolve("p/Both.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, BOTH);
    return ErrorProneRun.diagnostics(List.of(source), dir.resolve("out"), xep, "LockOrderInversion");
  }

  @Test
  void xepSetsTheSeverity() throws IOException {
    assertEquals(List.of(Diagnostic.Kind.ERROR), inversions("-Xep:LockOrderInversion:ERROR"));
    assertEquals(List.of(Diagnostic.Kind.WARNING), inversions("-Xep:LockOrderInversion:WARN"));
    assertEquals(List.of(), inversions("-Xep:LockOrderInversion:OFF"));
  }

  @Test
  void xepOptLockdepFlagsAreThePluginsOptions() throws IOException {
    assertEquals(List.of(), inversions("-Xep:LockOrderInversion:ERROR -XepOpt:Lockdep:Disable=LockOrderInversion"));
    assertEquals(
        List.of(Diagnostic.Kind.ERROR),
        inversions("-Xep:LockOrderInversion:ERROR -XepOpt:Lockdep:Disable=RecursiveLocking"));
  }

  /** An error about the flag itself, with no source position and no check's name: not a finding. */
  @Test
  void aMisspeltLockdepFlagFailsTheBuildNamingIt() throws IOException {
    Diagnostic<? extends JavaFileObject> error = onlyError("-Xep:LockOrderInversion:ERROR -XepOpt:Lockdep:Sevrity=WARN");
    String message = error.getMessage(Locale.ROOT);
    assertTrue(message.startsWith("[LockdepCheck] invalid -XepOpt:Lockdep option: unknown option 'Sevrity'"), message);
    assertNull(error.getSource(), "an option has no place in a source file");
    assertEquals(Diagnostic.NOPOS, error.getLineNumber());
  }

  /** Error Prone's warnings are ordinary ones, which -nowarn drops: its own -Xep flag sets severity. */
  @Test
  void severityIsRejectedSayingWhy() throws IOException {
    String message = onlyError("-Xep:LockOrderInversion:ERROR -XepOpt:Lockdep:Severity=WARN").getMessage(Locale.ROOT);
    assertTrue(message.contains("Severity is the javac plugin's option; under Error Prone each check's severity is"
        + " Error Prone's own: -Xep:LockOrderInversion:WARN"), message);
  }

  @Test
  void sarifAndGraphAreWrittenUnderErrorProneToo() throws IOException {
    Path sarif = dir.resolve("reports/lockdep.sarif");
    Path graph = dir.resolve("reports/lockdep.mmd");
    assertEquals(
        List.of(Diagnostic.Kind.ERROR),
        inversions("-Xep:LockOrderInversion:ERROR -XepOpt:Lockdep:Sarif=" + sarif + " -XepOpt:Lockdep:Graph=" + graph));
    assertTrue(Files.readString(sarif).contains("\"ruleId\": \"LockOrderInversion\""), sarif.toString());
    assertTrue(Files.readString(graph).contains("flowchart LR"), graph.toString());
  }

  @Test
  void aBaselineMakesKnownFindingsNotes() throws IOException {
    Path baseline = dir.resolve("lockdep-baseline.txt");
    assertEquals(
        List.of(Diagnostic.Kind.ERROR),
        inversions("-Xep:LockOrderInversion:ERROR -XepOpt:Lockdep:WriteBaseline=" + baseline));
    assertEquals(List.of(), inversions("-Xep:LockOrderInversion:ERROR -XepOpt:Lockdep:Baseline=" + baseline));
    assertTrue(
        ErrorProneRun.diagnostics(
                List.of(dir.resolve("p/Both.java")), dir.resolve("out"), "-Xep:LockOrderInversion:ERROR -XepOpt:Lockdep:Baseline=" + baseline)
            .stream()
            .anyMatch(d -> d.getKind() == Diagnostic.Kind.NOTE
                && d.getMessage(Locale.ROOT).startsWith("[LockdepCheck] known finding, in the baseline: LockOrderInversion")));
  }

  private Diagnostic<? extends JavaFileObject> onlyError(String xep) throws IOException {
    Path source = dir.resolve("p/Both.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, BOTH);
    List<Diagnostic<? extends JavaFileObject>> errors =
        ErrorProneRun.diagnostics(List.of(source), dir.resolve("out"), xep).stream()
            .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
            .toList();
    assertEquals(1, errors.size(), errors.toString());
    return errors.get(0);
  }
}
