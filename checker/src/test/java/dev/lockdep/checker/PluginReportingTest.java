package dev.lockdep.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the javac plugin reports: severity, disabled checks, suppression, order, Error Prone beside it. */
class PluginReportingTest {
  @TempDir Path dir;

  private static final String FORWARD =
      """
      package p;
      class Forward {
        static final Object A = new Object();
        static final Object B = new Object();
        void ab() { synchronized (A) { synchronized (B) {} } }
      }
      """;

  private static final String BACKWARD =
      """
      package p;
      class Backward {
        void ba() { synchronized (Forward.B) { synchronized (Forward.A) {} } }
      }
      """;

  private static Map<String, String> sources(String... pathsAndTexts) {
    Map<String, String> sources = new LinkedHashMap<>();
    for (int i = 0; i < pathsAndTexts.length; i += 2) {
      sources.put(pathsAndTexts[i], pathsAndTexts[i + 1]);
    }
    return sources;
  }

  private static List<PluginCompiler.Diag> findings(List<PluginCompiler.Diag> diagnostics) {
    return diagnostics.stream().filter(d -> d.message().startsWith("[")).toList();
  }

  @Test
  void findingsAreErrorsByDefaultAndWarningsWithSeverityWarn() {
    Map<String, String> both = sources("p/Forward.java", FORWARD, "p/Backward.java", BACKWARD);
    List<PluginCompiler.Diag> errors = findings(PluginCompiler.compile(both));
    assertEquals(1, errors.size(), errors::toString);
    assertEquals(Diagnostic.Kind.ERROR, errors.get(0).kind());
    List<PluginCompiler.Diag> warnings = findings(PluginCompiler.compile(both, "Severity=WARN"));
    assertEquals(1, warnings.size(), warnings::toString);
    // mandatory, so that -nowarn and -Xlint:none do not silence it (WarnSeverityTest)
    assertEquals(Diagnostic.Kind.MANDATORY_WARNING, warnings.get(0).kind());
  }

  @Test
  void disabledChecksReportNothing() {
    Map<String, String> both = sources("p/Forward.java", FORWARD, "p/Backward.java", BACKWARD);
    assertEquals(List.of(), findings(PluginCompiler.compile(both, "Disable=LockOrderInversion")));
    assertEquals(1, findings(PluginCompiler.compile(both, "Disable=RecursiveLocking,UnbalancedUnlock")).size());
  }

  @Test
  void theFindingIsAtAnAcquisitionOfTheCycleWithTheWholeChain() {
    List<PluginCompiler.Diag> found =
        findings(PluginCompiler.compile(sources("p/Forward.java", FORWARD, "p/Backward.java", BACKWARD)));
    PluginCompiler.Diag finding = found.get(0);
    // Either inner acquisition closes the cycle; lockgraph picks one deterministically.
    assertTrue(
        finding.file().equals("Forward.java") && finding.line() == 5
            || finding.file().equals("Backward.java") && finding.line() == 3,
        finding::firstLine);
    assertTrue(finding.message().startsWith("[LockOrderInversion] possible circular locking dependency detected: "), finding::message);
    assertTrue(finding.message().contains("lock(Forward.A) at Forward.java:5 in Forward.ab()"), finding::message);
    assertTrue(finding.message().contains("lock(Forward.B) at Backward.java:3 in Backward.ba()"), finding::message);
    assertTrue(finding.message().contains("*** DEADLOCK ***"), finding::message);
  }

  @Test
  void sameDiagnosticsWhateverTheOrderOfFiles() {
    List<PluginCompiler.Diag> forward =
        PluginCompiler.compile(sources("p/Forward.java", FORWARD, "p/Backward.java", BACKWARD));
    List<PluginCompiler.Diag> backward =
        PluginCompiler.compile(sources("p/Backward.java", BACKWARD, "p/Forward.java", FORWARD));
    assertEquals(1, findings(forward).size());
    assertEquals(forward, backward);
  }

  @Test
  void suppressionRemovesAMethodsFactsFromTheNamedCheckOnly() {
    String suppressed = BACKWARD.replace("  void ba()", "  @SuppressWarnings(\"LockOrderInversion\")\n  void ba()");
    assertEquals(List.of(), findings(PluginCompiler.compile(sources("p/Forward.java", FORWARD, "p/Backward.java", suppressed))));
    String otherCheck = BACKWARD.replace("  void ba()", "  @SuppressWarnings(\"RecursiveLocking\")\n  void ba()");
    assertEquals(1, findings(PluginCompiler.compile(sources("p/Forward.java", FORWARD, "p/Backward.java", otherCheck))).size());
    String all = BACKWARD.replace("class Backward {", "@SuppressWarnings(\"Lockdep\")\nclass Backward {");
    assertEquals(List.of(), findings(PluginCompiler.compile(sources("p/Forward.java", FORWARD, "p/Backward.java", all))));
  }

  @Test
  void suppressionAppliesToFrontEndChecks() {
    String unlock =
        """
        package p;
        class Unlock {
          final java.util.concurrent.locks.ReentrantLock lock = new java.util.concurrent.locks.ReentrantLock();
          void once() { lock.lock(); lock.unlock(); lock.unlock(); }
          @SuppressWarnings("UnbalancedUnlock") void twice() { lock.lock(); lock.unlock(); lock.unlock(); }
        }
        """;
    List<PluginCompiler.Diag> found = findings(PluginCompiler.compile(sources("p/Unlock.java", unlock)));
    assertEquals(1, found.size(), found::toString);
    assertEquals(4, found.get(0).line());
  }

  /** With Error Prone and the plugin in one compilation, every finding is reported once. */
  @Test
  void errorProneBesideThePluginReportsEachFindingOnce() throws IOException {
    String text =
        """
        package p;
        class Both {
          final Object a = new Object();
          final Object b = new Object();
          void ab() { synchronized (a) { synchronized (b) {} } }
          void ba() { synchronized (b) { synchronized (a) {} } }
        }
        """;
    assertEquals(1, countInversions(text, true, dir.resolve("with")));
    assertEquals(1, countInversions(text, false, dir.resolve("without")));
  }

  private static long countInversions(String text, boolean withPlugin, Path dir) throws IOException {
    Path source = dir.resolve("p/Both.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, text);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<String> options =
        new ArrayList<>(
            List.of(
                "-XDcompilePolicy=simple",
                "--should-stop=ifError=FLOW",
                "-XDaddTypeAnnotationsToSymbol=true",
                "-processorpath", System.getProperty("java.class.path"),
                "-d", dir.resolve("out").toString(),
                "-Xplugin:ErrorProne -XepDisableAllChecks -Xep:LockOrderInversion:ERROR"));
    if (withPlugin) {
      options.add("-Xplugin:" + LockdepCheck.NAME);
    }
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjects(source)).call();
    }
    return diagnostics.getDiagnostics().stream()
        .filter(d -> d.getMessage(Locale.ROOT).startsWith("[LockOrderInversion]"))
        .count();
  }

  /**
   * The javac plugin runs with nothing but the exported {@code com.sun.source} API: no class it
   * loads may refer to javac internals or to Error Prone (only the Error Prone checks do), except
   * {@link CompilerInternals} and its users, which reach them only once it has seen them exported
   * (see {@code PluginEndToEndTest#withoutAProcessorSummariesNeedJavacsInternalsOpen} and
   * {@code WarnSeverityTest}).
   */
  private static final List<String> GUARDED_INTERNALS =
      List.of(
          "dev/lockdep/checker/CompilerInternals.class",
          "dev/lockdep/checker/CompilerFileManager.class",
          "dev/lockdep/checker/WarningLimit.class");

  @Test
  void thePluginPathUsesOnlyPublicCompilerApis() throws IOException {
    Path classes = Path.of(LockdepCheck.class.getProtectionDomain().getCodeSource().getLocation().getPath());
    List<String> offending = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(classes)) {
      for (Path file : walk.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = classes.relativize(file).toString();
        if (name.startsWith("dev/lockdep/checker/errorprone/") || GUARDED_INTERNALS.contains(name)) {
          continue;
        }
        String constants;
        try (InputStream in = Files.newInputStream(file)) {
          constants = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        if (constants.contains("com/sun/tools/javac") || constants.contains("com/google/errorprone")) {
          offending.add(name);
        }
      }
    }
    assertEquals(List.of(), offending);
  }
}
