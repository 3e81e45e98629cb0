package dev.lockdep.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Models files (SPEC §4) give third-party members LockdepCheck's annotations. */
class ModelsTest {
  /** A library the application cannot annotate. */
  private static final Map<String, String> LIBRARY =
      Map.of(
          "lib/Pool.java",
          """
          package lib;
          public class Pool {
            public final Object lock = new Object();
            public byte[] allocate(int n) { return new byte[n]; }
          }
          """,
          "lib/Consumer.java",
          """
          package lib;
          public interface Consumer { long spill(long bytes); }
          """,
          "lib/Io.java",
          """
          package lib;
          public class Io { public void submit(Runnable task) { task.run(); } }
          """);

  private static final String CACHE =
      """
      package app;
      class Cache implements lib.Consumer {
        final Object lock = new Object();
        lib.Pool pool;
        lib.Io io;
        void grow() { synchronized (lock) { pool.allocate(64); } }
        public long spill(long bytes) { synchronized (lock) { return bytes; } }
        void flush() { synchronized (lock) { io.submit(() -> { synchronized (pool.lock) { } }); } }
        void drain() { synchronized (pool.lock) { synchronized (lock) { } } }
      }
      """;

  @TempDir Path dir;

  private List<String> compile(String models) throws IOException {
    Path file = dir.resolve("models.txt");
    Files.writeString(file, models);
    Map<String, String> sources = new java.util.HashMap<>(LIBRARY);
    sources.put("app/Cache.java", CACHE);
    return errors(PluginCompiler.compile(sources, "Models=" + file)).stream().sorted().toList();
  }

  @Test
  void modelsGiveLibraryMembersTheirAnnotations() throws IOException {
    // Without models: the callback passed to submit runs under Cache.lock, closing a plain cycle.
    List<String> plain = compile("# nothing\n");
    assertEquals(1, plain.size(), plain::toString);
    assertTrue(plain.get(0).contains("[LockOrderInversion]") && !plain.get(0).contains("fs_reclaim"), plain::toString);

    List<String> modelled =
        compile(
            """
            # allocation may reclaim; spill is reclaim's callback; submit runs its task elsewhere
            lib.Pool#allocate(int) @Reclaim
            lib.Consumer#spill(long) @Shrinker   # inherited by Cache.spill
            lib.Io#submit(java.lang.Runnable) @Async
            lib.Pool#lock @LockClass("Pool.lock")
            """);
    assertEquals(1, modelled.size(), modelled::toString);
    assertTrue(
        modelled.get(0).contains("allocation under a reclaim-tainted lock: acquiring Cache.lock while holding fs_reclaim"),
        modelled::toString);
  }

  @Test
  void aModelledLockClassNamesTheLock() throws IOException {
    List<String> found = compile("lib.Pool#lock @LockClass(value = \"Pool.lock\", reentrant = true)\n");
    assertEquals(1, found.size(), found::toString);
    assertTrue(found.get(0).contains("Pool.lock -> Cache.lock"), found::toString);
  }

  @Test
  void aBadLineIsAnErrorNamingTheFileAndLine() throws IOException {
    String file = dir.resolve("models.txt").toString();
    assertEquals(
        List.of("Cache.java:1: error: [LockdepCheck] " + file + ":2: unknown method lib.Pool#alocate(int)"),
        compile("lib.Pool#allocate(int) @Reclaim\nlib.Pool#alocate(int) @Reclaim\n"));
    assertEquals(
        List.of("Cache.java:1: error: [LockdepCheck] " + file + ":1: unknown annotation @Reclaimed"),
        compile("lib.Pool#allocate(int) @Reclaimed\n"));
    assertEquals(
        List.of("Cache.java:1: error: [LockdepCheck] " + file + ":1: @Reclaim does not apply to field lib.Pool#lock"),
        compile("lib.Pool#lock @Reclaim\n"));
    assertEquals(
        List.of("Cache.java:1: error: [LockdepCheck] " + file + ":3: expected a member and at least one annotation, e.g. com.acme.Pool#allocate(int) @Reclaim"),
        compile("\n# fine\nlib.Pool#allocate(int)\n"));
    assertEquals(
        List.of("Cache.java:1: error: [LockdepCheck] " + file + ":1: attribute value of @GfpFlags must be a dev.lockdep.annotations.Gfp"),
        compile("lib.Pool#allocate(int) @GfpFlags(\"NOFS\")\n"));
  }

  @Test
  void aMissingModelsFileIsAnError() {
    Path missing = dir.resolve("absent.txt");
    List<PluginCompiler.Diag> found =
        PluginCompiler.compile(Map.of("app/Cache.java", "package app; class Cache { }"), "Models=" + missing);
    assertEquals(1, found.size(), found::toString);
    assertEquals("[LockdepCheck] models file " + missing + " does not exist", found.get(0).message());
  }

  @Test
  void aModelledNestedGivesAMethodsMonitorItsSubclass() throws IOException {
    Map<String, String> tree =
        Map.of(
            "app/Tree.java",
            """
            package app;
            class Tree {
              synchronized void adopt(Tree child) { child.attach(); }
              synchronized void attach() { }
            }
            """);
    Path models = dir.resolve("nested.txt");
    Files.writeString(models, "# ignored: a comment only\n");
    List<String> plain = errors(PluginCompiler.compile(tree, "Models=" + models));
    assertEquals(1, plain.size(), plain::toString);
    assertTrue(plain.get(0).contains("[RecursiveLocking]"), plain::toString);

    Files.writeString(models, "app.Tree#attach() @Nested(1)\n");
    assertEquals(List.of(), errors(PluginCompiler.compile(tree, "Models=" + models)));
  }

  private static List<String> errors(List<PluginCompiler.Diag> found) {
    return found.stream().filter(d -> d.kind() == Diagnostic.Kind.ERROR).map(PluginCompiler.Diag::firstLine).toList();
  }

  /**
   * One models file serves a build of several modules: a line whose type this compilation does
   * not have is skipped with a note counting such lines, listed with ShowSkippedModels=true; a
   * member a present type lacks stays an error.
   */
  @Test
  void aLineForATypeNotOnTheClassPathIsSkippedWithANote() throws IOException {
    Path file = dir.resolve("models.txt");
    Files.writeString(file, "other.Module#run() @Reclaim\nlib.Pool#allocate(int) @Reclaim\n");
    Map<String, String> sources = new java.util.HashMap<>(LIBRARY);
    sources.put("app/Cache.java", CACHE);
    List<PluginCompiler.Diag> counted = PluginCompiler.compile(sources, "Models=" + file);
    assertTrue(counted.stream().anyMatch(d -> d.kind() == Diagnostic.Kind.NOTE && d.message().equals(
        "[LockdepCheck] 1 models line(s) skipped: their types are not on this compilation's class path"
            + " (ShowSkippedModels=true lists them)")), counted::toString);
    assertTrue(errors(counted).stream().noneMatch(e -> e.contains("[LockdepCheck]")), counted::toString);

    List<PluginCompiler.Diag> listed = PluginCompiler.compile(sources, "Models=" + file, "ShowSkippedModels=true");
    assertTrue(listed.stream().anyMatch(d -> d.message().endsWith(file + ":1: other.Module")), listed::toString);
  }
}
