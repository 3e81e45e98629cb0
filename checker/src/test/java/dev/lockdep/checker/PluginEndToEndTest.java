package dev.lockdep.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -Xplugin:LockdepCheck} as users run it: loaded by javac's ServiceLoader, options and all. */
class PluginEndToEndTest {
  @TempDir Path dir;

  private static final String CLEAN =
      "class Clean {\n  private final Object a = new Object();\n"
          + "  void f() { synchronized (a) { synchronized (this) { } } }\n}\n";

  @Test
  void loadsFromTheProcessorPathAndStaysSilentOnCleanCode() throws IOException {
    Compilation c = compileInProcess("-Xplugin:LockdepCheck");
    assertTrue(c.success, c.toString());
    assertEquals(List.of(), c.messages, c.toString());
    assertTrue(Files.exists(dir.resolve("out/Clean.class")));
  }

  @Test
  void unknownOptionFailsTheCompileNamingIt() throws IOException {
    Compilation c = compileInProcess("-Xplugin:LockdepCheck Sevrity=WARN");
    assertFalse(c.success);
    assertEquals(1, c.messages.size(), c.toString());
    assertTrue(
        c.messages.get(0).startsWith("ERROR [LockdepCheck] invalid LockdepCheck option: unknown option 'Sevrity'"),
        c.toString());
    assertFalse(Files.exists(dir.resolve("out/Clean.class")), "no class file after a configuration error");
  }

  /** A plain javac process, with no --add-exports: the plugin needs only the public compiler API. */
  @Test
  void plainJavacWithoutExportsLoadsIt() throws Exception {
    Path source = Files.writeString(dir.resolve("Clean.java"), CLEAN);
    String processorPath = processorPath();
    Process ok = javac("-processorpath", processorPath, "-Xplugin:LockdepCheck", source.toString());
    assertEquals(0, ok.waitFor(), output(ok));

    Process bad = javac("-processorpath", processorPath, "-Xplugin:LockdepCheck Bogus=1", source.toString());
    String out = output(bad);
    assertEquals(1, bad.waitFor(), out);
    assertTrue(out.contains("[LockdepCheck] invalid LockdepCheck option: unknown option 'Bogus'"), out);
    assertFalse(out.contains("Exception"), out);
  }

  /**
   * With {@code -proc:none} the checker's processor does not run, and javac's file manager carries
   * the summaries only where javac's internals are exported to the plugin; without the exports
   * the plugin still runs, writes no summaries, and never trips over the closed internals.
   */
  @Test
  void withoutAProcessorSummariesNeedJavacsInternalsOpen() throws Exception {
    Path source = Files.writeString(dir.resolve("Clean.java"), CLEAN);
    Path summaries = dir.resolve("proc-out").resolve("META-INF/lockdep");
    String processorPath = processorPath();
    Process closed = javac("-proc:none", "-processorpath", processorPath, "-Xplugin:LockdepCheck", source.toString());
    String closedOut = output(closed);
    assertEquals(0, closed.waitFor(), closedOut);
    assertEquals("", closedOut);
    assertFalse(Files.exists(summaries));

    Process open =
        javac(
            "-J--add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED",
            "-J--add-exports=jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED",
            "-proc:none", "-processorpath", processorPath, "-Xplugin:LockdepCheck", source.toString());
    String openOut = output(open);
    assertEquals(0, open.waitFor(), openOut);
    assertEquals("", openOut);
    try (var files = Files.list(summaries)) {
      assertEquals(1, files.count());
    }
  }

  private Process javac(String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "javac").toString());
    command.add("-XDcompilePolicy=simple");
    command.add("-d");
    command.add(dir.resolve("proc-out").toString());
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  private static String output(Process p) throws IOException {
    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }

  /** The checker with its runtime dependencies, and nothing of Error Prone. */
  static String processorPath() throws URISyntaxException, ClassNotFoundException {
    List<String> entries = new ArrayList<>();
    for (String type : List.of(
        "dev.lockdep.checker.LockdepCheck",
        "dev.lockdep.lockgraph.LockClass",
        "dev.lockdep.annotations.LockClass")) {
      entries.add(Path.of(Class.forName(type).getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
    }
    return String.join(File.pathSeparator, entries);
  }

  private Compilation compileInProcess(String plugin) throws IOException {
    Path source = Files.writeString(dir.resolve("Clean.java"), CLEAN);
    Path out = Files.createDirectories(dir.resolve("out"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      boolean success =
          javac.getTask(
                  null,
                  files,
                  diagnostics,
                  List.of("-XDcompilePolicy=simple", "-d", out.toString(), plugin),
                  null,
                  files.getJavaFileObjects(source))
              .call();
      return new Compilation(
          success,
          diagnostics.getDiagnostics().stream()
              .map(d -> d.getKind() + " " + d.getMessage(Locale.ROOT))
              .collect(Collectors.toList()));
    }
  }

  private static final class Compilation {
    final boolean success;
    final List<String> messages;

    Compilation(boolean success, List<String> messages) {
      this.success = success;
      this.messages = messages;
    }

    @Override
    public String toString() {
      return "success=" + success + " " + messages;
    }
  }
}
