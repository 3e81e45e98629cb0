package dev.lockdep.checker;

import static dev.lockdep.checker.PluginCompiler.findings;
import static dev.lockdep.checker.PluginCompiler.sources;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockdep.lockgraph.program.SummaryComposer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The whole-program lock graph under {@code -Xplugin:LockdepCheck} (SPEC §6): calls, virtual
 * dispatch, callbacks, suppression across calls, recursion and the order of source files.
 */
class WholeProgramTest {
  private static final Path PROGRAM = TestdataProgramsTest.PROGRAMS.resolve("WholeProgram");

  private static Map<String, String> program() throws IOException {
    Map<String, String> sources = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(PROGRAM)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        sources.put(file.getFileName().toString(), Files.readString(file));
      }
    }
    return sources;
  }

  @Test
  void shuffledSourceFilesGiveTheSameDiagnostics() throws IOException {
    Map<String, String> sorted = program();
    List<PluginCompiler.Diag> expected = PluginCompiler.compile(sorted);
    assertTrue(expected.stream().filter(d -> d.message().startsWith("[LockOrderInversion]")).count() >= 4, expected::toString);
    Random random = new Random(42);
    for (int round = 0; round < 3; round++) {
      List<String> names = new ArrayList<>(sorted.keySet());
      Collections.shuffle(names, random);
      Map<String, String> shuffled = new LinkedHashMap<>();
      names.forEach(name -> shuffled.put(name, sorted.get(name)));
      assertEquals(expected, PluginCompiler.compile(shuffled), "order " + names);
    }
  }

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

  @Test
  void aCycleThroughCallsInTwoFilesIsFound() {
    List<String> found = findings(sources("p/Pool.java", POOL, "p/Connection.java", CONNECTION));
    assertEquals(1, found.size(), found::toString);
    assertTrue(found.get(0).contains("closes the cycle"), found::toString);
  }

  @Test
  void suppressingACalleeRemovesTheFactsCreatedInsideIt() {
    String callee = CONNECTION.replace("  void invalidate()", "  @SuppressWarnings(\"LockOrderInversion\")\n  void invalidate()");
    assertEquals(List.of(), findings(sources("p/Pool.java", POOL, "p/Connection.java", callee)));
    String otherCheck = CONNECTION.replace("  void invalidate()", "  @SuppressWarnings(\"RecursiveLocking\")\n  void invalidate()");
    assertEquals(1, findings(sources("p/Pool.java", POOL, "p/Connection.java", otherCheck)).size());
    String caller = POOL.replace("class Pool {", "@SuppressWarnings(\"Lockdep\")\nclass Pool {");
    assertEquals(List.of(), findings(sources("p/Pool.java", caller, "p/Connection.java", CONNECTION)));
  }

  /**
   * javac's and the IDEs' catch-all {@code "all"}, written on generated and copied code to quiet
   * lint, keeps the class's facts: the cycle through it is still reported.
   */
  @Test
  void suppressingAllLintWarningsKeepsTheLockFacts() {
    String generated = CONNECTION.replace("class Connection {", "@SuppressWarnings(\"all\")\nclass Connection {");
    assertTrue(!generated.equals(CONNECTION), generated);
    List<String> found = findings(sources("p/Pool.java", POOL, "p/Connection.java", generated));
    assertEquals(1, found.size(), found::toString);
    assertTrue(found.get(0).contains("closes the cycle"), found::toString);
  }

  @Test
  void anInterfaceCallReachesEveryImplementation() {
    String listeners =
        """
        package p;
        interface Listener { void onEvent(); }
        class Quiet implements Listener { public void onEvent() { } }
        class Logging implements Listener {
          final Object log = new Object();
          public void onEvent() { synchronized (log) { } }
          void flush(Bus bus) { synchronized (log) { bus.post(); } }
        }
        class Bus {
          final Object lock = new Object();
          Listener[] listeners;
          void post() { synchronized (lock) { for (Listener l : listeners) { l.onEvent(); } } }
        }
        """;
    List<String> found = findings(sources("p/Listeners.java", listeners));
    assertEquals(2, found.size(), found::toString);
    // Through the bus, flush() may reach onEvent() of another Logging: lockdep's AA. Both are
    // reported where flush() holds its lock and calls the bus, the place to fix them.
    assertTrue(found.stream().anyMatch(f -> f.startsWith("Listeners.java:7: error: [RecursiveLocking]")), found::toString);
    assertTrue(
        found.stream().anyMatch(f -> f.startsWith("Listeners.java:7: error: [LockOrderInversion]")
            && f.contains("closes the cycle Bus.lock -> Logging.log -> Bus.lock")),
        found::toString);
  }

  @Test
  void jdkInterfacesAndDecoratorsDoNotFanOutToEveryImplementation() {
    String sources =
        """
        package p;
        interface Store { void put(); }
        class Locked implements Store, AutoCloseable {
          final Object a = new Object();
          Store delegate;
          public void put() { synchronized (a) { delegate.put(); } }
          public void close() { synchronized (a) { } }
        }
        class Other implements Store {
          final Object b = new Object();
          public void put() { synchronized (b) { } }
          void shutdown(AutoCloseable resource) throws Exception { synchronized (b) { resource.close(); } }
        }
        """;
    // Locked.put() reaches Other.put() (a -> b) but not itself through its delegate (no AA), and
    // Other.shutdown() does not reach Locked.close() through AutoCloseable (no b -> a).
    assertEquals(List.of(), findings(sources("p/Store.java", sources)));
    String inverted = sources.replace("public void put() { synchronized (b) { } }", "public void put() { synchronized (b) { new Locked().close(); } }");
    List<String> found = findings(sources("p/Store.java", inverted));
    // Now a -> b -> a through a direct call, and another Locked's `a` taken while holding one (AA).
    assertEquals(2, found.size(), found::toString);
    // Both at the call made while holding the lock: Locked.put()'s delegate.put().
    assertTrue(found.stream().anyMatch(f -> f.startsWith("Store.java:6: error: [RecursiveLocking]")), found::toString);
    assertTrue(found.stream().anyMatch(f -> f.contains("closes the cycle Other.b -> Locked.a -> Other.b")), found::toString);
  }

  @Test
  void callbacksRunInsideAnalysedCalleesButNotInNewThreads() {
    String visitors =
        """
        package p;
        import java.util.concurrent.Executor;
        interface Visitor { void visit(); }
        class Tree {
          final Object a = new Object();
          final Object b = new Object();
          Executor executor;
          void each(Visitor v) { synchronized (a) { v.visit(); } }
          void walk() { each(new Visitor() { public void visit() { synchronized (b) { } } }); }
          void later() { synchronized (b) { executor.execute(() -> { synchronized (a) { } }); } }
          void thread() { synchronized (b) { new Thread(() -> { synchronized (a) { } }).start(); } }
        }
        """;
    assertEquals(List.of(), findings(sources("p/Tree.java", visitors)));
    String inverted = visitors.replace("void thread() {", "void inverted() { synchronized (b) { synchronized (a) { } } }\n  void thread() {");
    List<String> found = findings(sources("p/Tree.java", inverted));
    assertEquals(1, found.size(), found::toString);
    assertTrue(found.get(0).contains("Tree.a") && found.get(0).contains("Tree.b"), found::toString);
  }

  /**
   * {@code AccessController.doPrivileged} runs its action before it returns, on the calling thread:
   * a lock the action takes is ordered after what the caller holds.
   */
  @Test
  void aPrivilegedActionRunsUnderTheCallersLocks() {
    String privileged =
        """
        package p;
        import java.security.AccessController;
        import java.security.PrivilegedAction;
        class Registry {
          final Object a = new Object();
          final Object b = new Object();
          void register() {
            synchronized (a) {
              AccessController.doPrivileged(new PrivilegedAction<Void>() {
                public Void run() { synchronized (b) { } return null; }
              });
            }
          }
          void inverted() { synchronized (b) { synchronized (a) { } } }
        }
        """;
    List<String> found = findings(sources("p/Registry.java", privileged));
    assertEquals(1, found.size(), found::toString);
    assertTrue(found.get(0).contains("Registry.a") && found.get(0).contains("Registry.b"), found::toString);
  }

  @Test
  void constructorsRunUnderTheLocksHeldAtNew() {
    String sources =
        """
        package p;
        class Registry {
          static final Object LOCK = new Object();
          static void add() { synchronized (LOCK) { } }
        }
        class Handle {
          static final Object OPEN = new Object();
          Handle() { Registry.add(); }
          static Handle open() { synchronized (OPEN) { return new Handle(); } }
          static void sweep() { synchronized (Registry.LOCK) { synchronized (OPEN) { } } }
        }
        """;
    List<String> found = findings(sources("p/Handle.java", sources));
    assertEquals(1, found.size(), found::toString);
    assertTrue(found.get(0).contains("Registry.LOCK") && found.get(0).contains("Handle.OPEN"), found::toString);
  }

  @Test
  void recursionAndMutualRecursionReachAFixpoint() {
    String nodes =
        """
        package p;
        class Node {
          final Object lock = new Object();
          final Object stats = new Object();
          Node next;
          void visit(int depth) { synchronized (lock) { if (depth > 0) { next.visit(depth - 1); } other(depth); } }
          void other(int depth) { if (depth > 0) { visit(depth - 1); } count(); }
          void count() { synchronized (stats) { } }
          void report() { synchronized (stats) { synchronized (lock) { } } }
        }
        """;
    List<String> found = findings(sources("p/Node.java", nodes));
    assertTrue(found.stream().anyMatch(f -> f.contains("[LockOrderInversion]") && f.contains("Node.stats")), found::toString);
    assertTrue(found.stream().anyMatch(f -> f.contains("[RecursiveLocking]") && f.contains("Node.lock")), found::toString);
  }

  @Test
  void longCallChainsAreFollowed() {
    // b is taken 39 calls below a: a real logging deadlock was 13 calls deep.
    List<String> found = findings(sources("p/Chain.java", chain(40)));
    assertEquals(
        List.of(
            "Chain.java:5: error: [LockOrderInversion] possible circular locking dependency detected: acquiring Chain.b"
                + " while holding Chain.a closes the cycle Chain.b -> Chain.a -> Chain.b"),
        found);
  }

  @Test
  void aCallChainBeyondTheBoundIsCutWithANote() {
    int depth = SummaryComposer.MAX_CALL_DEPTH + 10;
    List<PluginCompiler.Diag> diagnostics = PluginCompiler.compile(sources("p/Chain.java", chain(depth)));
    List<String> notes =
        diagnostics.stream()
            .filter(d -> d.kind() == javax.tools.Diagnostic.Kind.NOTE && d.message().contains("[composition bound]"))
            .map(PluginCompiler.Diag::firstLine)
            .toList();
    assertEquals(1, notes.size(), diagnostics::toString);
    assertTrue(
        notes.get(0).contains("calls more than " + SummaryComposer.MAX_CALL_DEPTH + " deep from a root are not followed"),
        notes::toString);
  }

  /**
   * A body entered in more contexts than the bound still orders what it takes after a lock class
   * none of its contexts held: {@code take()} is called under the monitors of 600 classes, and
   * the last, reached past the first 512 contexts, is ordered before {@code Shared.LOCK} against
   * {@code closing()}'s order. The bound's note still says that the body's further contexts are
   * not composed.
   */
  @Test
  void aLockClassReachingABodyPastTheContextsBoundIsOrderedBeforeWhatItTakes() {
    StringBuilder shared =
        new StringBuilder(
            """
            package p;
            class Shared {
              static final Object LOCK = new Object();
              static void take() { synchronized (LOCK) { } }
              static void closing() { synchronized (LOCK) { L599.go(); } }
            }
            """);
    for (int i = 0; i < 600; i++) {
      shared.append(String.format("class L%03d { static synchronized void go() { Shared.take(); } }%n", i));
    }
    List<PluginCompiler.Diag> diagnostics = PluginCompiler.compile(sources("p/Shared.java", shared.toString()));
    List<String> cycles =
        diagnostics.stream().map(PluginCompiler.Diag::firstLine).filter(m -> m.contains("[LockOrderInversion]")).toList();
    assertTrue(cycles.stream().anyMatch(m -> m.contains("L599.class") && m.contains("Shared.LOCK")), diagnostics::toString);
    assertTrue(
        diagnostics.stream().anyMatch(d -> d.message().contains("[composition bound]") && d.message().contains("Shared.take()")),
        diagnostics::toString);
  }

  /** m0 holds a and calls down to m{depth}, which takes b; m2x holds b and calls m2. */
  private static String chain(int depth) {
    StringBuilder chain = new StringBuilder("package p;\nclass Chain {\n  final Object a = new Object();\n  final Object b = new Object();\n");
    chain.append("  void m0() { synchronized (a) { m1(); } }\n");
    for (int i = 1; i < depth; i++) {
      chain.append("  void m").append(i).append("() { m").append(i + 1).append("(); m0(); }\n");
    }
    chain.append("  void m").append(depth).append("() { synchronized (b) { } }\n");
    chain.append("  void m2x() { synchronized (b) { m2(); } }\n}\n");
    return chain.toString();
  }
}
