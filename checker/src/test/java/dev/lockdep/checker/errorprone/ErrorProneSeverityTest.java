package dev.lockdep.checker.errorprone;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

  @Test
  void aMisspeltLockdepFlagFailsTheBuildNamingIt() throws IOException {
    List<Diagnostic<? extends JavaFileObject>> reported =
        diagnostics("-Xep:LockOrderInversion:ERROR -XepOpt:Lockdep:Sevrity=WARN");
    assertEquals(1, reported.size(), reported.toString());
    assertEquals(Diagnostic.Kind.ERROR, reported.get(0).getKind());
    String message = reported.get(0).getMessage(Locale.ROOT);
    assertTrue(message.contains("invalid -XepOpt:Lockdep option: unknown option 'Sevrity'"), message);
  }
}
