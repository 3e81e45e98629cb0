package dev.lockdep.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockdep.checker.TestJars;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line runner's contract (SPEC §3.3): arguments and exit codes. */
class LockdepCliTest {
  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return LockdepCli.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String output() {
    return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void cleanSourcesExitZeroWithASummary() throws IOException {
    Path pkg = Files.createDirectories(dir.resolve("src/p"));
    Files.writeString(pkg.resolve("A.java"), "package p;\nclass A { synchronized void f() {} }\n");
    Files.writeString(pkg.resolve("B.java"), "package p;\nclass B { void g(A a) { a.f(); } }\n");
    assertEquals(0, run(dir.resolve("src").toString()), output());
    assertTrue(output().contains("lockdep: 0 finding(s) in 2 file(s)"), output());
  }

  @Test
  void sourcesThatDoNotCompileExitTwoWithJavacsErrors() throws IOException {
    Path file = Files.writeString(dir.resolve("Broken.java"), "class Broken { int f() { return \"x\"; } }\n");
    assertEquals(2, run(file.toString()), output());
    assertTrue(output().contains("Broken.java:1: error: incompatible types"), output());
  }

  @Test
  void usageErrorsExitTwo() throws IOException {
    assertEquals(2, run());
    assertTrue(output().contains("no PATH given"), output());
    assertEquals(2, run("--frobnicate", "x"));
    assertTrue(output().contains("unknown option --frobnicate"), output());
    assertEquals(2, run("--classpath"));
    assertTrue(output().contains("--classpath needs a value"), output());
    assertEquals(2, run(dir.resolve("missing").toString()));
    assertTrue(output().contains("not a .java file or a directory"), output());
    Path file = Files.writeString(dir.resolve("A.java"), "class A {}\n");
    assertEquals(2, run("--graph", "g.png", file.toString()));
    assertTrue(output().contains("Graph=g.png: the file must end in .dot or .mmd"), output());
  }

  @Test
  void annotatedSourcesCompileWithoutAClasspath() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("Dev.java"),
            "import dev.lockdep.annotations.*;\n"
                + "class Dev { @IrqContext(Irq.HARDIRQ) void onIrq() {} @Reclaim void alloc() {} }\n");
    assertEquals(0, run(file.toString()), output());
  }

  @Test
  void findingsExitOneWithCountsPerCheckAndTheFilesWritten() throws IOException {
    Path src = Files.createDirectories(dir.resolve("src/p"));
    Files.writeString(src.resolve("Both.java"),
        "package p;\n"
            + "class Both {\n"
            + "  final Object a = new Object();\n"
            + "  final Object b = new Object();\n"
            + "  final java.util.concurrent.locks.ReentrantLock l = new java.util.concurrent.locks.ReentrantLock();\n"
            + "  void ab() { synchronized (a) { synchronized (b) {} } }\n"
            + "  void ba() { synchronized (b) { synchronized (a) {} } }\n"
            + "  void twice() { l.lock(); l.unlock(); l.unlock(); }\n"
            + "}\n");
    Path sarif = dir.resolve("out/lockdep.sarif");
    Path graph = dir.resolve("out/lockdep.mmd");
    assertEquals(1, run("--sarif", sarif.toString(), "--graph", graph.toString(), dir.resolve("src").toString()), output());
    String text = out.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("lockdep: 2 finding(s) in 1 file(s): 1 LockOrderInversion, 1 UnbalancedUnlock\n"), text);
    assertTrue(text.contains("lockdep: SARIF written to " + sarif + "\n"), text);
    assertTrue(text.contains("lockdep: lock graph written to " + graph + "\n"), text);
    assertTrue(text.contains(": note: LockOrderInversion reported at Both.java:"), "the other sites are notes: " + text);
    assertTrue(Files.readString(sarif).contains("\"ruleId\": \"UnbalancedUnlock\""));
    assertTrue(Files.readString(graph).startsWith("%% LockdepCheck lock graph"));
  }

  @Test
  void anUnwritableOutputExitsTwoNamingIt() throws IOException {
    Path file = Files.writeString(dir.resolve("A.java"), "class A {}\n");
    Path blocker = Files.writeString(dir.resolve("blocker"), "");
    assertEquals(2, run("--graph", blocker.resolve("g.dot").toString(), file.toString()), output());
    assertTrue(output().contains("cannot write the graph file " + blocker.resolve("g.dot")), output());
  }

  /** Models files are accepted and passed on; reading them comes with the models loader. */
  @Test
  void modelsAreAccepted() throws IOException {
    Path file = Files.writeString(dir.resolve("A.java"), "class A {}\n");
    Path models = Files.writeString(dir.resolve("lockdep.models"), "# none yet\n");
    assertEquals(0, run("--models", models.toString(), file.toString()), output());
  }

  @Test
  void helpExitsZero() {
    assertEquals(0, run("--help"));
    assertTrue(output().contains("usage: java -jar"), output());
  }

  /**
   * A library compiled with the plugin leaves its summaries in its class output; the runner reads
   * them from --classpath and finds the cycle the application closes. The same library compiled
   * without the plugin leaves none, and the application alone has no cycle.
   */
  @Test
  void readsTheSummariesOfLibrariesOnTheClasspath() throws IOException {
    Path reactor = Path.of(System.getProperty("user.dir")).resolve("../testdata/crossmodule").normalize();
    List<Path> library = javaFiles(reactor.resolve("library/src/main/java"));
    String application = reactor.resolve("application/src/main/java").toString();

    Path withSummaries = compileLibrary(library, "with", true);
    assertEquals(1, run("--classpath", withSummaries.toString(), application), output());
    assertTrue(output().contains("Screen.java:22: error: [LockOrderInversion]"), output());

    out.reset();
    err.reset();
    Path without = compileLibrary(library, "without", false);
    assertEquals(0, run("--classpath", without.toString(), application), output());
  }

  /** The same library as a jar, as a build packages it: the runner reads its META-INF/lockdep/. */
  @Test
  void readsTheSummariesOfLibraryJarsOnTheClasspath() throws IOException {
    Path reactor = Path.of(System.getProperty("user.dir")).resolve("../testdata/crossmodule").normalize();
    Path classes = compileLibrary(javaFiles(reactor.resolve("library/src/main/java")), "classes", true);
    Path jar = TestJars.jar(dir.resolve("events.jar"), classes);
    assertEquals(1, run("--classpath", jar.toString(), reactor.resolve("application/src/main/java").toString()), output());
    assertTrue(output().contains("Screen.java:22: error: [LockOrderInversion]"), output());
  }

  private Path compileLibrary(List<Path> sources, String name, boolean withPlugin) throws IOException {
    Path classes = Files.createDirectories(dir.resolve(name));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, Locale.ROOT, null)) {
      List<String> options = new ArrayList<>(List.of("-XDcompilePolicy=simple", "-d", classes.toString()));
      if (withPlugin) {
        options.addAll(List.of("-processorpath", System.getProperty("java.class.path"), "-Xplugin:LockdepCheck"));
      } else {
        options.add("-proc:none");
      }
      assertTrue(javac.getTask(null, files, null, options, null, files.getJavaFileObjectsFromPaths(sources)).call());
    }
    assertEquals(withPlugin, Files.isDirectory(classes.resolve("META-INF/lockdep")), "summaries in " + classes);
    return classes;
  }

  private static List<Path> javaFiles(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList());
    }
  }

  /** The runner takes every option of the plugin, as a flag: PrimeFenceReclaim is --prime-fence-reclaim. */
  @Test
  void everyPluginOptionIsAFlag() throws IOException {
    Path file = Files.writeString(dir.resolve("A.java"), "class A {}\n");
    for (dev.lockdep.checker.LockdepOptions.Name name : dev.lockdep.checker.LockdepOptions.Name.values()) {
      String flag = LockdepCli.Invocation.flag(name);
      out.reset();
      err.reset();
      run(flag, "", file.toString());
      assertFalse(output().contains("unknown option"), flag + ": " + output());
    }
  }

  @Test
  void severityWarnPrintsEveryFindingAsAWarning() throws IOException {
    // More than javac's default -Xmaxwarns of 100.
    StringBuilder source = new StringBuilder("class Many {\n");
    for (int i = 0; i < 101; i++) {
      source.append("  static final Object a").append(i).append(" = new Object(), b").append(i).append(" = new Object();\n")
          .append("  void f").append(i).append("() { synchronized (a").append(i).append(") { synchronized (b").append(i).append(") { } } }\n")
          .append("  void g").append(i).append("() { synchronized (b").append(i).append(") { synchronized (a").append(i).append(") { } } }\n");
    }
    Path file = Files.writeString(dir.resolve("Many.java"), source.append("}\n").toString());
    assertEquals(1, run("--severity", "WARN", "--disable", "RecursiveLocking", file.toString()), output());
    assertEquals(101, output().lines().filter(l -> l.contains(": warning: [LockOrderInversion]")).count(), output());
    assertTrue(output().contains("lockdep: 101 finding(s) in 1 file(s): 101 LockOrderInversion"), output());
    assertFalse(output().contains("reported as warnings"), "no limit to count against: " + output());
  }

  @Test
  void aClassPathEntryThatDoesNotExistIsAWarning() throws IOException {
    Path file = Files.writeString(dir.resolve("A.java"), "class A {}\n");
    Path missing = dir.resolve("lib/absent.jar");
    assertEquals(0, run("--classpath", missing.toString(), file.toString()), output());
    assertTrue(output().contains("lockdep: warning: class path entry " + missing + " does not exist"), output());
  }

  @Test
  void aMissingModelsFileIsSaidToNotExist() throws IOException {
    Path file = Files.writeString(dir.resolve("A.java"), "class A {}\n");
    Path missing = dir.resolve("models.txt");
    assertEquals(2, run("--models", missing.toString(), file.toString()), output());
    assertTrue(output().contains("models file " + missing + " does not exist"), output());
  }

  /** Adopting the checker: --write-baseline records today's findings, --baseline reports only new ones. */
  @Test
  void aWrittenBaselineMakesTheNextRunPassUntilANewFinding() throws IOException {
    Path src = Files.createDirectories(dir.resolve("src"));
    Files.writeString(src.resolve("C.java"),
        "class C {\n  static final Object A = new Object(), B = new Object();\n"
            + "  void ab() { synchronized (A) { synchronized (B) { } } }\n"
            + "  void ba() { synchronized (B) { synchronized (A) { } } }\n}\n");
    Path baseline = dir.resolve("lockdep-baseline.txt");
    assertEquals(0, run("--write-baseline", baseline.toString(), src.toString()), output());
    assertTrue(output().contains("baseline of the findings written to " + baseline), output());
    out.reset();
    err.reset();
    assertEquals(0, run("--baseline", baseline.toString(), src.toString()), output());
    assertTrue(output().contains("lockdep: 0 finding(s) in 1 file(s); 1 known, in the baseline"), output());
    Files.writeString(src.resolve("D.java"),
        "class D {\n  static final Object X = new Object(), Y = new Object();\n"
            + "  void xy() { synchronized (X) { synchronized (Y) { } } }\n"
            + "  void yx() { synchronized (Y) { synchronized (X) { } } }\n}\n");
    out.reset();
    err.reset();
    assertEquals(1, run("--baseline", baseline.toString(), src.toString()), output());
    assertTrue(output().contains("lockdep: 1 finding(s) in 2 file(s): 1 LockOrderInversion; 1 known, in the baseline"), output());
  }
}
