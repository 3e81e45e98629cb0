package dev.lockdep.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Findings at {@code Severity=WARN} are never lost: javac's {@code -nowarn} and {@code -Xlint:none}
 * do not silence them, and where {@code -Xmaxwarns} would cut them the plugin says so. Run as
 * plain javac processes, with and without javac's internals exported, as builds run it.
 */
class WarnSeverityTest {
  @TempDir Path dir;

  /** Two independent two-lock cycles: two findings. */
  private static final String TWO_CYCLES =
      """
      class Cycles {
        static final Object A = new Object(), B = new Object(), C = new Object(), D = new Object();
        void ab() { synchronized (A) { synchronized (B) { } } }
        void ba() { synchronized (B) { synchronized (A) { } } }
        void cd() { synchronized (C) { synchronized (D) { } } }
        void dc() { synchronized (D) { synchronized (C) { } } }
      }
      """;

  private static final List<String> EXPORTS =
      List.of(
          "-J--add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED",
          "-J--add-exports=jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED");

  @Test
  void nowarnAndXlintNoneDoNotSilenceFindings() throws Exception {
    for (String silencer : List.of("-nowarn", "-Xlint:none")) {
      Result r = javac(List.of(), silencer, "-Xplugin:LockdepCheck Severity=WARN");
      assertEquals(0, r.exit, r.output);
      assertEquals(2, count(r.output, "warning: [LockOrderInversion]"), silencer + ":\n" + r.output);
    }
  }

  @Test
  void findingsBeyondTheWarningLimitAreAnErrorWhereJavacsCountIsKnown() throws Exception {
    Result r = javac(EXPORTS, "-Xmaxwarns", "1", "-Xplugin:LockdepCheck Severity=WARN");
    assertEquals(1, r.exit, r.output);
    assertTrue(
        r.output.contains("[LockdepCheck] 2 finding(s) at Severity=WARN, but javac shows only 1 more warning(s)"
            + " (-Xmaxwarns): raise -Xmaxwarns by at least 1, or use Severity=ERROR"),
        r.output);

    Result fits = javac(EXPORTS, "-Xmaxwarns", "2", "-Xplugin:LockdepCheck Severity=WARN");
    assertEquals(0, fits.exit, fits.output);
    assertEquals(2, count(fits.output, "warning: [LockOrderInversion]"), fits.output);
  }

  @Test
  void withoutJavacsCountANoteGivesTheNumberOfFindings() throws Exception {
    Result r = javac(List.of(), "-Xmaxwarns", "1", "-Xplugin:LockdepCheck Severity=WARN");
    assertEquals(0, r.exit, r.output);
    assertTrue(r.output.contains("[LockdepCheck] 2 finding(s) reported as warnings (Severity=WARN)"), r.output);
    assertFalse(r.output.contains("error:"), r.output);
  }

  private static int count(String text, String what) {
    int n = 0;
    for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }

  private record Result(int exit, String output) {}

  private Result javac(List<String> jvm, String... args) throws Exception {
    Path source = Files.writeString(dir.resolve("Cycles.java"), TWO_CYCLES);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "javac").toString());
    command.addAll(jvm);
    command.addAll(List.of("-XDcompilePolicy=simple", "-d", dir.resolve("out").toString(), "-processorpath", PluginEndToEndTest.processorPath()));
    command.addAll(List.of(args));
    command.add(source.toString());
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Result(p.waitFor(), output);
  }
}
