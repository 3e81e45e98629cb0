package dev.lockdep.checker.errorprone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -XepOpt:Lockdep:Models=FILE} gives the Error Prone checks the same models as the plugin. */
class ErrorProneModelsTest {
  @TempDir Path dir;

  private List<String> compile(String models) throws IOException {
    return compile(models, "LockOrderInversion");
  }

  /** The first lines of the diagnostics that start with {@code [prefix]}. */
  private List<String> compile(String models, String prefix) throws IOException {
    Path pool = dir.resolve("src/lib/Pool.java");
    Path cache = dir.resolve("src/app/Cache.java");
    Files.createDirectories(pool.getParent());
    Files.createDirectories(cache.getParent());
    Files.writeString(pool, "package lib;\npublic class Pool { public byte[] allocate(int n) { return new byte[n]; } }\n");
    Files.writeString(
        cache,
        """
        package app;
        class Cache {
          final Object lock = new Object();
          lib.Pool pool;
          void grow() { synchronized (lock) { pool.allocate(64); } }
          void shrink() { synchronized (lock) { } }
        }
        """);
    Path file = dir.resolve("models.txt");
    Files.writeString(file, models);
    return ErrorProneRun.diagnostics(
            List.of(pool, cache), dir.resolve("out"), "-Xep:LockOrderInversion:ERROR -XepOpt:Lockdep:Models=" + file,
            prefix)
        .stream()
        .map(d -> d.getMessage(Locale.ROOT).lines().findFirst().orElse(""))
        .toList();
  }

  @Test
  void theModelsReachTheChecks() throws IOException {
    assertEquals(List.of(), compile("lib.Pool#allocate(int) @Reclaim\n"));
    List<String> found = compile("lib.Pool#allocate(int) @Reclaim\napp.Cache#shrink() @Shrinker\n");
    assertEquals(1, found.size(), found::toString);
    assertTrue(found.get(0).contains("allocation under a reclaim-tainted lock"), found::toString);
  }

  /** Once, as an error about the models file, not as a check's finding. */
  @Test
  void aBadLineIsReportedOnce() throws IOException {
    List<String> found = compile("lib.Pool#allocate(long) @Reclaim\n", "LockdepCheck");
    assertEquals(List.of("[LockdepCheck] " + dir.resolve("models.txt") + ":1: unknown method lib.Pool#allocate(long)"), found);
    assertEquals(List.of(), compile("lib.Pool#allocate(long) @Reclaim\n"));
  }
}
