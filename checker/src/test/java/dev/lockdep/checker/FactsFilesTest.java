package dev.lockdep.checker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockdep.lockgraph.program.ProgramFormat;
import dev.lockdep.lockgraph.program.ProgramUnit;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Summaries files in the class output (SPEC §6): an incremental compile of one file reports what
 * a full build reports, and the files are byte-identical whatever the order of the sources.
 */
class FactsFilesTest {
  private static final Path FIXED = TestdataProgramsTest.PROGRAMS.resolve("WholeProgram-fixed");
  private static final Path BROKEN = TestdataProgramsTest.PROGRAMS.resolve("WholeProgram");

  @TempDir Path dir;

  /** Compiles {@code sources} into {@code out}, with {@code out} on the class path; returns the diagnostics. */
  static List<String> compile(List<Path> sources, Path out) throws IOException {
    return compile(sources, out, out);
  }

  /** As {@link #compile(List, Path)}, with {@code library} on the class path before {@code out}. */
  static List<String> compile(List<Path> sources, Path out, Path library) throws IOException {
    return compile(sources, out, library, true);
  }

  /**
   * As {@link #compile(List, Path)}; without {@code processing} ({@code -proc:none}) the
   * summaries go through javac's file manager, which this test JVM's --add-exports opens.
   */
  static List<String> compile(List<Path> sources, Path out, Path library, boolean processing) throws IOException {
    String testPath = System.getProperty("java.class.path");
    return compile(
        sources, out, List.of("-classpath", library + File.pathSeparator + out + File.pathSeparator + testPath), processing);
  }

  /** As {@link #compile(List, Path, Path, boolean)}, with {@code paths} the options that say where libraries are. */
  static List<String> compile(List<Path> sources, Path out, List<String> paths, boolean processing) throws IOException {
    Files.createDirectories(out);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, Locale.ROOT, null)) {
      List<String> options = new ArrayList<>(paths);
      options.addAll(
          List.of(
              "-XDcompilePolicy=simple",
              "-processorpath", System.getProperty("java.class.path"),
              "-d", out.toString(),
              "-Xplugin:" + LockdepCheck.NAME));
      if (!processing) {
        options.add("-proc:none");
      }
      javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources)).call();
    }
    List<String> result = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() != Diagnostic.Kind.NOTE && d.getKind() != Diagnostic.Kind.OTHER) {
        String name = d.getSource() == null ? "" : Path.of(d.getSource().toUri()).getFileName().toString();
        result.add(name + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT));
      }
    }
    return result;
  }

  private static List<Path> javaFiles(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    }
  }

  /** Every summaries file below {@code out}, by its path there. */
  private static Map<String, byte[]> summaries(Path out) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(out.resolve(ProgramFormat.DIRECTORY))) {
      for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
        files.put(out.relativize(file).toString(), Files.readAllBytes(file));
      }
    }
    return files;
  }

  /** Where the summaries of the unit {@code file} ({@code pool/Use.java}) are written. */
  static String unitEntry(String file) {
    return SummariesLayout.unitEntry(new ProgramUnit(file, List.of()));
  }

  @Test
  void anIncrementalCompileReportsWhatAFullBuildReports() throws Exception {
    incrementalCompileReportsWhatAFullBuildReports(true);
  }

  @Test
  void withoutAProcessorJavacsFileManagerCarriesTheSummaries() throws Exception {
    incrementalCompileReportsWhatAFullBuildReports(false);
  }

  @Test
  void withoutAProcessorTheSameSummariesAreWritten() throws Exception {
    Path filer = dir.resolve("filer");
    Path fileManager = dir.resolve("file-manager");
    assertEquals(List.of(), compile(javaFiles(FIXED), filer, filer, true));
    assertEquals(List.of(), compile(javaFiles(FIXED), fileManager, fileManager, false));
    Map<String, byte[]> expected = summaries(filer);
    Map<String, byte[]> written = summaries(fileManager);
    assertFalse(expected.isEmpty());
    assertEquals(expected.keySet(), written.keySet());
    for (Map.Entry<String, byte[]> e : expected.entrySet()) {
      assertArrayEquals(e.getValue(), written.get(e.getKey()), e.getKey());
    }
  }

  private void incrementalCompileReportsWhatAFullBuildReports(boolean processing) throws Exception {
    Path module = dir.resolve("src");
    Files.createDirectories(module);
    for (Path file : javaFiles(FIXED)) {
      Files.copy(file, module.resolve(file.getFileName()));
    }
    Path out = dir.resolve("incremental");
    assertEquals(List.of(), compile(javaFiles(module), out, out, processing));
    assertTrue(Files.exists(out.resolve("pool/Pool.class")));
    // The pool's evictor now calls connections under the pool lock; only Pool.java is recompiled.
    Files.copy(BROKEN.resolve("Pool.java"), module.resolve("Pool.java"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    List<String> incremental = compile(List.of(module.resolve("Pool.java")), out, out, processing);
    List<String> full = compile(javaFiles(module), dir.resolve("full"), dir.resolve("full"), processing);
    assertEquals(1, full.size(), full::toString);
    assertEquals(1, incremental.size(), incremental::toString);
    // The full build reports at the call Connection.close() makes while holding its lock, the
    // place of the fix; Connection.java is not being compiled now, so the incremental build
    // reports the same finding at the closing acquisition in Pool.java.
    assertTrue(full.get(0).startsWith("Connection.java:22: [LockOrderInversion]"), full::toString);
    assertTrue(incremental.get(0).startsWith("Pool.java:20: [LockOrderInversion]"), incremental::toString);
    assertEquals(withoutPosition(full.get(0)), withoutPosition(incremental.get(0)));
    // The summaries of the files not recompiled stay in the class output.
    assertEquals(
        List.of(unitEntry("pool/Connection.java"), unitEntry("pool/Pool.java")),
        summaries(out).keySet().stream().filter(f -> f.startsWith(SummariesLayout.packageDirectory("pool"))).toList());
  }

  /**
   * The recompiled file calls an interface whose implementation lives in a package it never
   * names: the summaries of the whole class output are read, so the override is still known.
   */
  @Test
  void anIncrementalCompileSeesOverridesInPackagesItDoesNotName() throws Exception {
    Path module = dir.resolve("module");
    Path api = Files.createDirectories(module.resolve("api"));
    Path impl = Files.createDirectories(module.resolve("impl"));
    Files.writeString(api.resolve("Listener.java"), "package api;\npublic interface Listener { void onEvent(); }\n");
    String bus =
        """
        package api;
        public class Bus {
          final Object lock = new Object();
          Listener listener;
          public void post() { synchronized (lock) { listener.onEvent(); } }
          public void register() { synchronized (lock) { } }
        }
        """;
    Files.writeString(api.resolve("Bus.java"), bus.replace("listener.onEvent(); ", ""));
    Files.writeString(
        impl.resolve("Screen.java"),
        """
        package impl;
        public class Screen implements api.Listener {
          final Object paint = new Object();
          api.Bus bus;
          public void onEvent() { synchronized (paint) { } }
          void attach() { synchronized (paint) { bus.register(); } }
        }
        """);
    Path out = dir.resolve("classes");
    List<Path> all = List.of(api.resolve("Bus.java"), api.resolve("Listener.java"), impl.resolve("Screen.java"));
    assertEquals(List.of(), compile(all, out));
    // Now the bus calls its listener under its lock; only Bus.java is recompiled.
    Files.writeString(api.resolve("Bus.java"), bus);
    List<String> incremental = compile(List.of(api.resolve("Bus.java")), out);
    List<String> full = compile(all, dir.resolve("full"));
    assertEquals(1, full.size(), full::toString);
    assertEquals(1, incremental.size(), incremental::toString);
    // Both report at the call Bus.post() makes while holding its lock, where the fix goes; the
    // closing acquisition in Screen.java is in the chain.
    assertTrue(full.get(0).startsWith("Bus.java:5: [LockOrderInversion]"), full::toString);
    assertEquals(full, incremental);
  }

  /** The finding without where it is reported: its file and line, and its "at" line with the calls below it. */
  private static String withoutPosition(String diagnostic) {
    return diagnostic.substring(diagnostic.indexOf(": ") + 2).replaceFirst("\n  at [^\n]*(\n +(via| ->) [^\n]*)*", "");
  }

  @Test
  void summariesAreByteIdenticalWhateverTheOrderOfSources() throws Exception {
    List<Path> sources = new ArrayList<>(javaFiles(FIXED));
    Map<String, byte[]> expected = null;
    Random random = new Random(3);
    for (int round = 0; round < 3; round++) {
      Path out = dir.resolve("out" + round);
      assertEquals(List.of(), compile(sources, out));
      Map<String, byte[]> written = summaries(out);
      assertFalse(written.isEmpty());
      if (expected == null) {
        expected = written;
      } else {
        assertEquals(expected.keySet(), written.keySet());
        for (Map.Entry<String, byte[]> e : expected.entrySet()) {
          assertArrayEquals(e.getValue(), written.get(e.getKey()), e.getKey() + " in order " + sources);
        }
      }
      Collections.shuffle(sources, random);
    }
  }

  @Test
  void aCorruptSummariesFileOnTheClassPathIsAnErrorNamingIt() throws Exception {
    Path lib = dir.resolve("lib");
    Path library = Files.writeString(dir.resolve("Lib.java"), "package pool;\npublic class Lib { public void g() { } }\n");
    assertEquals(List.of(), compile(List.of(library), lib));
    Path corrupt = lib.resolve(unitEntry("pool/Lib.java"));
    Files.write(corrupt, new byte[] {'L', 'K', 'D', 'S', 0, (byte) ProgramFormat.VERSION, 0, 0, 0, 0, 0});
    Path source = dir.resolve("Use.java");
    Files.writeString(source, "package pool;\nclass Use { void f(Lib lib) { lib.g(); } }\n");
    List<String> found = compile(List.of(source), dir.resolve("out"), lib);
    assertEquals(1, found.size(), found::toString);
    assertTrue(found.get(0).contains("[LockdepCheck] " + corrupt + ": checksum mismatch"), found::toString);
  }

  /** The files are written beside the lock graph check; a failure is still an error naming the file. */
  @Test
  void aSummariesFileThatCannotBeWrittenIsAnErrorNamingIt() throws Exception {
    Path out = dir.resolve("out");
    Files.createDirectories(out.resolve(unitEntry("pool/Use.java")).resolve("in-the-way"));
    Path source = dir.resolve("Use.java");
    Files.writeString(source, "package pool;\nclass Use { void f() { } }\n");
    List<String> found = compile(List.of(source), out);
    assertTrue(
        found.stream().anyMatch(d -> d.contains("[LockdepCheck] " + unitEntry("pool/Use.java") + ": cannot be written")),
        found::toString);
  }

  /**
   * An earlier build's files in the class output, by an older version (the unit's file, and a
   * whole package's file of the earlier layout), are dropped, not an error; the unit's is rewritten.
   */
  @Test
  void aStaleSummariesFileInTheClassOutputIsReplaced() throws Exception {
    Path out = dir.resolve("out");
    Path stale = out.resolve(unitEntry("pool/Use.java"));
    Files.createDirectories(stale.getParent());
    Files.write(stale, new byte[] {'L', 'K', 'D', 'S', 0, 1, 0, 0, 0, 0, 0});
    Files.write(out.resolve(ProgramFormat.resourceName("pool")), new byte[] {'L', 'K', 'D', 'S', 0, 1, 0, 0, 0, 0, 0});
    Path source = dir.resolve("Use.java");
    Files.writeString(source, "package pool;\nclass Use { void f() { } }\n");
    assertEquals(List.of(), compile(List.of(source), out));
    assertEquals(
        List.of("pool/Use.java"),
        ProgramFormat.read(Files.readAllBytes(stale), stale.toString()).stream().map(ProgramUnit::file).toList());
  }

  @Test
  void thePackageOfAnIdIsItsOwnersSegmentsBeforeTheFirstCapitalisedOrEmptyOne() {
    assertEquals("com.acme", FactsFiles.packageOf("com.acme.Outer.Inner#m()"));
    assertEquals("com.acme", FactsFiles.packageOf("com.acme.Pool#<init>@12"));
    assertEquals("a.b", FactsFiles.packageOf("a.b#m(x.y.Z)"));
    assertEquals("a.b", FactsFiles.packageOf("a.b.#m"));
    assertEquals("a", FactsFiles.packageOf("a..b.C#m"));
    assertEquals("", FactsFiles.packageOf("Top#m()"));
    assertEquals("", FactsFiles.packageOf(".a.B#m"));
    assertEquals("", FactsFiles.packageOf("#m"));
    assertEquals("javafx.scene", FactsFiles.packageOf("javafx.scene.Node#m()"));
    assertEquals(null, FactsFiles.packageOf("java.util.List#size()"));
    assertEquals(null, FactsFiles.packageOf("javax.swing.JFrame#m()"));
    assertEquals(null, FactsFiles.packageOf("jdk.internal.Unsafe#m()"));
    assertEquals(null, FactsFiles.packageOf("lambda@com/acme/Pool.java:120"));
  }

  @Test
  void aLocalOrAnonymousClassIsKnownWithTheUnitOfItsTopLevelClass() {
    Set<String> current = Set.of("com/acme/Pool.java");
    Map<String, ProgramUnit> read = Map.of("com/acme/Lib.java", new ProgramUnit("com/acme/Lib.java", List.of()));
    assertTrue(FactsFiles.isKnown(FactsFiles.classOf("com.acme.Pool$1#run()"), current, read));
    assertTrue(FactsFiles.isKnown(FactsFiles.classOf("com.acme.Pool$Queue$2#run()"), current, read));
    assertTrue(FactsFiles.isKnown(FactsFiles.classOf("com.acme.Lib$1$1#run()"), current, read));
    assertTrue(FactsFiles.isKnown(FactsFiles.classOf("com.acme.Pool.Inner#run()"), current, read));
    // A top-level class with a $ in its name and no digit after it is its own unit.
    assertFalse(FactsFiles.isKnown(FactsFiles.classOf("com.acme.Pool$Queue#run()"), current, read));
    assertFalse(FactsFiles.isKnown(FactsFiles.classOf("com.acme.Other$1#run()"), current, read));
    assertFalse(FactsFiles.isKnown(FactsFiles.classOf("com.acme.Pool$#run()"), current, read));
  }
}
