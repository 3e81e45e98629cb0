package dev.lockdep.checker.errorprone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Error Prone checks alone see the whole compilation under {@code -XDcompilePolicy=simple}: a
 * cycle through calls in two files is reported once, in the same place whatever the file order.
 */
class ErrorProneWholeProgramTest {
  private static final String POOL =
      """
      package p;
      class Pool {
        final Object lock = new Object();
        void evict(Connection c) { synchronized (lock) { c.invalidate(); } }
        void release() { synchronized (lock) { } }
      }
      """;

  private static final String CONNECTION =
      """
      package p;
      class Connection {
        final Object lock = new Object();
        Pool pool;
        void invalidate() { synchronized (lock) { } }
        void close() { synchronized (lock) { pool.release(); } }
      }
      """;

  @TempDir Path dir;

  private List<String> compile(List<String> order) throws IOException {
    return compile(order, Map.of("Pool", POOL, "Connection", CONNECTION));
  }

  private List<String> compile(List<String> order, Map<String, String> texts) throws IOException {
    List<Path> sources = new ArrayList<>();
    for (String name : order) {
      Path source = dir.resolve(String.join("-", order) + texts.hashCode()).resolve("p/" + name + ".java");
      Files.createDirectories(source.getParent());
      Files.writeString(source, texts.get(name));
      sources.add(source);
    }
    List<String> found = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d :
        ErrorProneRun.diagnostics(sources, dir.resolve("out"), "-Xep:LockOrderInversion:ERROR", "LockOrderInversion")) {
      found.add(Path.of(d.getSource().toUri()).getFileName() + ":" + d.getLineNumber());
    }
    return found;
  }

  @Test
  void aCycleThroughCallsInTwoFilesIsReportedOnceInEitherOrder() throws IOException {
    List<String> forward = compile(List.of("Pool", "Connection"));
    assertEquals(1, forward.size(), forward::toString);
    assertTrue(forward.get(0).startsWith("Pool.java:") || forward.get(0).startsWith("Connection.java:"), forward::toString);
    assertEquals(forward, compile(List.of("Connection", "Pool")));
  }

  @Test
  void suppressingTheCalleeRemovesTheFactsComposedThroughIt() throws IOException {
    String suppressed = CONNECTION.replace("  void invalidate()", "  @SuppressWarnings(\"Lockdep\")\n  void invalidate()");
    assertEquals(List.of(), compile(List.of("Pool", "Connection"), Map.of("Pool", POOL, "Connection", suppressed)));
  }
}
