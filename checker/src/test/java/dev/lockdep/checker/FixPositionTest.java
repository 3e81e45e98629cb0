package dev.lockdep.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

/**
 * The error is where the fix goes: for a cycle closed in a callee, at the call the method holding
 * the lock makes, with the callee's acquisition in the chain and as a note; a {@code synchronized}
 * method's monitor at the method's name, not at an annotation lines above it.
 */
class FixPositionTest {
  @Test
  void aCycleClosedInACalleeIsReportedAtTheCallOfTheMethodHoldingTheLock() {
    List<PluginCompiler.Diag> found =
        PluginCompiler.compile(
            Map.of(
                "p/Pool.java",
                """
                package p;
                class Pool {
                  final Object lock = new Object();
                  void evict(Conn c) {
                    synchronized (lock) {
                      c.close();
                    }
                  }
                }
                """,
                "p/Conn.java",
                """
                package p;
                class Conn {
                  final Object state = new Object();
                  Pool pool;
                  void close() {
                    synchronized (state) { }
                  }
                }
                """,
                "p/Audit.java",
                """
                package p;
                class Audit {
                  void check(Conn c, Pool p) { synchronized (c.state) { synchronized (p.lock) { } } }
                }
                """));
    List<PluginCompiler.Diag> errors = found.stream().filter(d -> d.kind() == Diagnostic.Kind.ERROR).toList();
    assertEquals(1, errors.size(), found::toString);
    PluginCompiler.Diag error = errors.get(0);
    // The closing acquisition is Conn.java:6, in close(), which holds nothing: the fix is in
    // evict(), which holds Pool.lock while it calls close() at Pool.java:6.
    assertEquals("Pool.java", error.file(), error::toString);
    assertEquals(6, error.line(), error::toString);
    assertTrue(error.message().contains("\n  at Pool.java:6 in Pool.evict(Conn)\n"), error.message());
    assertTrue(error.message().contains("lock(Conn.state) at Conn.java:6 in Conn.close()\n           via Pool.java:6 in Pool.evict(Conn)"), error.message());
    assertTrue(
        found.stream().anyMatch(d -> d.kind() == Diagnostic.Kind.NOTE && d.file().equals("Conn.java") && d.line() == 6
            && d.message().contains("Conn.state acquired here via Pool.java:6 in Pool.evict(Conn)")),
        found::toString);
  }

  @Test
  void aSynchronizedMethodsMonitorIsAtItsName() {
    List<PluginCompiler.Diag> found =
        PluginCompiler.compile(
            Map.of(
                "p/S.java",
                """
                package p;
                class S {
                  static final Object A = new Object();
                  @Override
                  public
                  synchronized String toString() { synchronized (A) { return ""; } }
                  void other() { synchronized (A) { synchronized (this) { } } }
                }
                """));
    PluginCompiler.Diag error = found.stream().filter(d -> d.kind() == Diagnostic.Kind.ERROR).findFirst().orElseThrow();
    assertTrue(error.message().contains("lock(S) at S.java:6 in S.toString()"), error.message());
    assertTrue(
        found.stream().anyMatch(d -> d.kind() == Diagnostic.Kind.NOTE && d.line() == 6 && d.message().contains("S held here")),
        found::toString);
  }
}
