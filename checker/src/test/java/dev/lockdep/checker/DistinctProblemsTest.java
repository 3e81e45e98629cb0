package dev.lockdep.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

/**
 * One error per distinct problem: the same lock re-acquired through several paths from one place
 * is one finding that lists the paths, shortest first; a chain prints one call per line.
 */
class DistinctProblemsTest {
  private static final String HELPER =
      """
      package p;
      import java.util.concurrent.Semaphore;
      class H {
        final Semaphore permit = new Semaphore(1);
        boolean fast;
        void outer() throws InterruptedException { permit.acquire(); helper(); }
        void helper() throws InterruptedException { if (fast) direct(); else indirect(); }
        void direct() throws InterruptedException { permit.acquire(); }
        void indirect() throws InterruptedException { deeper(); }
        void deeper() throws InterruptedException { permit.acquire(); }
      }
      """;

  @Test
  void oneHelperReachingTheLockTwiceIsOneErrorListingBothPathsShortestFirst() {
    List<PluginCompiler.Diag> errors =
        PluginCompiler.compile(Map.of("p/H.java", HELPER)).stream().filter(d -> d.kind() == Diagnostic.Kind.ERROR).toList();
    assertEquals(1, errors.size(), errors::toString);
    String message = errors.get(0).message();
    assertTrue(message.contains("reached through 2 paths, shortest first"), message);
    int direct = message.indexOf("1. H.java:8 in H.direct()");
    int indirect = message.indexOf("2. H.java:10 in H.deeper()");
    assertTrue(direct > 0 && indirect > direct, message);
  }

  @Test
  void aCallChainPrintsOneCallPerLine() {
    String message =
        PluginCompiler.compile(Map.of("p/H.java", HELPER)).stream()
            .filter(d -> d.kind() == Diagnostic.Kind.ERROR).findFirst().orElseThrow().message();
    assertTrue(
        message.contains(
            "lock(H.permit) at H.java:8 in H.direct()\n"
                + "           via H.java:6 in H.outer()\n"
                + "            -> H.java:7 in H.helper()\n"),
        message);
  }

  /** A pool whose resource may be of two types runs one inherited synchronized method on it. */
  private static String resources(String a, String b) {
    return """
        package p;
        class Pool {
          final Object lock = new Object();
          Res res;
          Pool(boolean first) { res = first ? new A() : new B(); }
          void touch() { synchronized (lock) { } }
          void drain() { synchronized (lock) { res.use(this); } }
        }
        abstract class Res { synchronized void use(Pool p) { p.touch(); } }
        """ + a + "\n" + b + "\n";
  }

  @Test
  void oneInheritedMonitorOfAnObjectOfTwoTypesIsOneErrorNamingTheOtherType() {
    List<PluginCompiler.Diag> errors =
        PluginCompiler.compile(Map.of("p/Pool.java", resources("class A extends Res {}", "class B extends Res {}")))
            .stream().filter(d -> d.kind() == Diagnostic.Kind.ERROR).toList();
    assertEquals(1, errors.size(), errors::toString);
    String message = errors.get(0).message();
    assertTrue(message.contains("acquiring A while holding Pool.lock"), message);
    assertTrue(
        message.contains(
            "the same acquisitions with an object of another type it may have (1 more):\n"
                + "    acquiring B while holding Pool.lock closes the cycle B -> Pool.lock -> B"),
        message);
  }

  @Test
  void monitorsTakenByEachTypesOwnMethodAreAnErrorEach() {
    List<PluginCompiler.Diag> errors =
        PluginCompiler.compile(
                Map.of(
                    "p/Pool.java",
                    resources(
                        "class A extends Res { @Override synchronized void use(Pool p) { p.touch(); } }",
                        "class B extends Res { @Override synchronized void use(Pool p) { p.touch(); } }")))
            .stream().filter(d -> d.kind() == Diagnostic.Kind.ERROR).toList();
    assertEquals(2, errors.size(), errors::toString);
    assertTrue(errors.stream().noneMatch(d -> d.message().contains("another type it may have")), errors::toString);
  }
}
