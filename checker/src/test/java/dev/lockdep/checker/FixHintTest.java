package dev.lockdep.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The hint of each kind of finding names the methods to change: for a cycle, the method that
 * holds the first lock of each dependency (the caller, with its call, when a callee takes the
 * second) and the order the fewest places use; {@code @Nested} only within one lock class.
 */
class FixHintTest {
  /** The hint lines of the only finding of {@code check} in the one source {@code path}. */
  private static String hint(String check, String path, String source) {
    return hint(check, Map.of(path, source));
  }

  /** The hint lines of the only finding of {@code check}. */
  private static String hint(String check, Map<String, String> sources) {
    List<PluginCompiler.Diag> found =
        PluginCompiler.compile(sources).stream().filter(d -> d.message().startsWith("[" + check + "]")).toList();
    assertEquals(1, found.size(), found::toString);
    String message = found.get(0).message();
    return message.substring(message.indexOf("hint: "));
  }

  @Test
  void aCycleClosedThroughCallsNamesTheCallersThatHoldTheLocks() {
    String hint =
        hint(
            "LockOrderInversion",
            Map.of(
                "p/Pool.java",
                """
                package p;
                class Pool {
                  final Object poolLock = new Object();
                  void giveBack(Conn c) { synchronized (poolLock) { } }
                  void evictIdle(Conn c) {
                    synchronized (poolLock) {
                      c.close();
                    }
                  }
                }
                """,
                "p/Conn.java",
                """
                package p;
                class Conn {
                  final Object stateLock = new Object();
                  Pool pool;
                  void close() { synchronized (stateLock) { } }
                  void release() {
                    synchronized (stateLock) {
                      pool.giveBack(this);
                    }
                  }
                }
                """));
    assertTrue(hint.contains("Pool.evictIdle(Conn) holds Pool.poolLock and calls Conn.close() at Pool.java:7, which takes Conn.stateLock"), hint);
    assertTrue(hint.contains("Conn.release() holds Conn.stateLock and calls Pool.giveBack(Conn) at Conn.java:8, which takes Pool.poolLock"), hint);
    assertTrue(hint.contains("change #1: in Conn.release(), release Conn.stateLock before calling Pool.giveBack(Conn),"
        + " or take Pool.poolLock before Conn.stateLock, the order Pool.evictIdle(Conn) uses"), hint);
    assertFalse(hint.contains("@Nested"), hint);
    assertFalse(hint.contains("in Conn.close()") || hint.contains("in Pool.giveBack(Conn),"), "a callee that takes the lock holds nothing: " + hint);
  }

  @Test
  void theOrderFewestPlacesUseIsTheOneToChange() {
    String hint =
        hint(
            "LockOrderInversion",
            "p/Orders.java",
                """
                package p;
                class Orders {
                  static final Object A = new Object();
                  static final Object B = new Object();
                  void one() { synchronized (A) { synchronized (B) { } } }
                  void two() { synchronized (A) { synchronized (B) { } } }
                  void three() { synchronized (A) { synchronized (B) { } } }
                  void odd() { synchronized (B) { synchronized (A) { } } }
                }
                """);
    assertTrue(hint.contains("(3 places take Orders.A before Orders.B)"), hint);
    assertTrue(hint.contains("in Orders.odd(), release Orders.B before taking Orders.A, or take Orders.A before Orders.B,"
        + " the order the rest of the program uses (3 places)"), hint);
    assertFalse(hint.contains("@Nested"), hint);
  }

  @Test
  void aCycleWithinOneLockClassOffersNested() {
    String hint =
        hint(
            "LockOrderInversion",
            "p/Tree.java",
                """
                package p;
                import dev.lockdep.annotations.Nested;
                class Tree {
                  void down(@Nested(1) Tree child) { synchronized (this) { synchronized (child) { } } }
                  @Nested(1) void up(Tree parent) { synchronized (this) { parent.plain(); } }
                  synchronized void plain() { }
                }
                """);
    assertTrue(hint.contains("Tree is nested in opposite subclass orders"), hint);
    assertTrue(hint.contains("@Nested(n)"), hint);
    assertTrue(hint.contains("#1 Tree.up(Tree) holds Tree/1 and calls Tree.plain() at Tree.java:5, which takes Tree"), hint);
  }

  @Test
  void reacquiringOneNonReentrantObjectSaysItIsTheSameObject() {
    String hint =
        hint(
            "RecursiveLocking",
            "p/Gate.java",
                """
                package p;
                import java.util.concurrent.Semaphore;
                class Gate {
                  private final Semaphore permit = new Semaphore(1);
                  void enter() throws InterruptedException { permit.acquire(); again(); }
                  void again() throws InterruptedException { permit.acquire(); }
                }
                """);
    assertTrue(hint.contains("both acquisitions take the same Gate.permit object, and it is not reentrant"), hint);
    assertFalse(hint.contains("@Nested"), hint);
  }

  @Test
  void twoObjectsOfOneClassOfferNestedOrLockClass() {
    String hint =
        hint(
            "RecursiveLocking",
            "p/Account.java",
                """
                package p;
                class Account {
                  static void transfer(Account from, Account to) { synchronized (from) { synchronized (to) { } } }
                }
                """);
    assertTrue(hint.contains("give the inner acquisition its own subclass with @Nested(1)"), hint);
    assertFalse(hint.contains("not reentrant"), "a monitor is reentrant: " + hint);
  }
}
