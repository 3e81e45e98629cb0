package dev.lockdep.checker;

import static dev.lockdep.checker.PluginCompiler.findings;
import static dev.lockdep.checker.PluginCompiler.sources;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The program model (docs/lock-model.md, docs/whole-program.md): one object has one lock class and
 * one instance name however the code reaches it, and a call runs the bodies of the runtime types
 * its receiver can have. Each cause of a false or missed finding has the smallest program that
 * must stay silent, or the smallest deadlock that must be reported.
 */
class ProgramModelTest {
  /** A logger that formats its message under its appender's lock. */
  private static final String LOGGER =
      """
      package p;
      class Logger {
        final Object appender = new Object();
        void info(Object message) { synchronized (appender) { message.toString(); } }
      }
      """;

  private static void assertCycle(List<String> found, String... classes) {
    assertEquals(1, found.size(), found::toString);
    String finding = found.get(0);
    assertTrue(finding.contains("[LockOrderInversion]"), finding);
    for (String lockClass : classes) {
      assertTrue(finding.contains(lockClass), () -> lockClass + " not in " + finding);
    }
  }

  // ---------------------------------------------------------------- one object, one lock class

  /** A superclass's synchronized (this) and a subclass's synchronized method take one monitor. */
  @Test
  void superclassAndSubclassMonitorsOfOneObjectAreOneLock() {
    String base =
        """
        package p;
        abstract class Base {
          void refresh() { synchronized (this) { reload(); } }
          abstract void reload();
        }
        """;
    String cache =
        """
        package p;
        class Cache extends Base {
          synchronized void reload() { }
          synchronized void evict() { refresh(); }
        }
        """;
    assertEquals(List.of(), findings(sources("p/Base.java", base, "p/Cache.java", cache)));
  }

  /** A deadlock between a subclass object's monitor, taken in the superclass and the subclass. */
  @Test
  void aCycleThroughTheSuperclassMonitorOfASubclassObjectIsFound() {
    String base =
        """
        package p;
        abstract class Base {
          final Object registry = new Object();
          void publish() { synchronized (this) { synchronized (registry) { } } }
        }
        """;
    String session =
        """
        package p;
        class Session extends Base {
          synchronized void close() { }
          void expire() { synchronized (registry) { close(); } }
        }
        """;
    assertCycle(findings(sources("p/Base.java", base, "p/Session.java", session)), "Session", "Base.registry");
  }

  /** A connection reached as a local of its supertype and as {@code this} of its class: one class. */
  @Test
  void aMonitorReachedThroughASupertypeLocalIsTheObjectsClass() {
    String cnxn =
        """
        package p;
        abstract class Cnxn {
          abstract void sendResponse();
        }
        """;
    String netty =
        """
        package p;
        class NettyCnxn extends Cnxn {
          final Object factoryLock = new Object();
          synchronized void sendResponse() { synchronized (factoryLock) { } }
        }
        """;
    String factory =
        """
        package p;
        class Factory {
          void closeAll(NettyCnxn anyone, Cnxn cnxn) {
            synchronized (anyone.factoryLock) { synchronized (cnxn) { } }
          }
        }
        """;
    assertCycle(
        findings(sources("p/Cnxn.java", cnxn, "p/NettyCnxn.java", netty, "p/Factory.java", factory)),
        "NettyCnxn", "NettyCnxn.factoryLock");
  }

  /** A field holding a program object locks that object's monitor: its class is the object's type. */
  @Test
  void aFieldHoldingAProgramObjectLocksThatObjectsClass() {
    String session =
        """
        package p;
        class Session {
          final Object tableLock = new Object();
          synchronized void commit() { synchronized (tableLock) { } }
        }
        """;
    String statement =
        """
        package p;
        class Statement {
          private final Session session;
          Statement(Session session) { this.session = session; }
          void execute() { synchronized (session.tableLock) { synchronized (session) { } } }
        }
        """;
    assertCycle(
        findings(sources("p/Session.java", session, "p/Statement.java", statement)), "Session", "Session.tableLock");
  }

  /**
   * An object of unknown type locked, then called on a synchronized method of its class: one
   * object has one runtime type, whichever static type each place names it by.
   */
  @Test
  void anObjectOfUnknownTypeHasOneTypeWhereverItIsNamed() {
    String pool =
        """
        package p;
        import java.util.ArrayList;
        import java.util.List;
        import java.util.Map;
        interface Pooled { int state(); }
        class Plain implements Pooled { public synchronized int state() { return 0; } }
        class Soft extends Plain { }
        class Pool {
          List<Pooled> scan(Map<String, Pooled> all) {
            List<Pooled> out = new ArrayList<>();
            all.values().forEach(p -> { synchronized (p) { if (p.state() == 1) { out.add(p); } } });
            return out;
          }
        }
        """;
    assertEquals(List.of(), findings(sources("p/Pool.java", pool)));
  }

  // ---------------------------------------------------------------- one object, one instance name

  /** An inner thread holding {@code Outer.this} calls an outer synchronized method: a re-entry. */
  @Test
  void outerThisAndTheImplicitOuterReceiverAreTheOuterObject() {
    String coordinator =
        """
        package p;
        class Coordinator {
          final Object members = new Object();
          synchronized void rebalance() { }
          class Heartbeat extends Thread {
            public void run() {
              synchronized (Coordinator.this) {
                synchronized (members) { rebalance(); }
              }
            }
          }
          void join() { synchronized (members) { } }
        }
        """;
    assertEquals(List.of(), findings(sources("p/Coordinator.java", coordinator)));
  }

  /**
   * The same inner thread taking the outer monitor after another lock closes a real cycle. A
   * guard: naming the outer object must not lose the cycle the class names alone found before.
   */
  @Test
  void anOuterMonitorTakenInAnInnerClassClosesACycle() {
    String coordinator =
        """
        package p;
        class Coordinator {
          final Object members = new Object();
          synchronized void rebalance() { synchronized (members) { } }
          class Heartbeat extends Thread {
            public void run() {
              synchronized (members) { rebalance(); }
            }
          }
        }
        """;
    assertCycle(findings(sources("p/Coordinator.java", coordinator)), "Coordinator", "Coordinator.members");
  }

  /** A private lock field assigned only in the constructor is one object: re-taking it is a re-entry. */
  @Test
  void aLockFieldAssignedOnlyInTheConstructorIsOneObject() {
    String pool =
        """
        package p;
        import java.util.concurrent.locks.ReentrantLock;
        class Pool {
          private ReentrantLock lock;
          Pool(boolean fair) { lock = new ReentrantLock(fair); }
          void borrow() { lock.lock(); try { validate(); } finally { lock.unlock(); } }
          void validate() { lock.lock(); try { } finally { lock.unlock(); } }
        }
        """;
    assertEquals(List.of(), findings(sources("p/Pool.java", pool)));
  }

  /** A captured local used by two methods of one anonymous object is one object. */
  @Test
  void aCapturedLocalIsOneObjectInEveryMethodOfTheAnonymousClass() {
    String scheduler =
        """
        package p;
        import java.util.ArrayList;
        import java.util.List;
        class Scheduler {
          Runnable task(List<String> queue) {
            final Object guard = new Object();
            return new Runnable() {
              public void run() { synchronized (guard) { drain(); } }
              void drain() { synchronized (guard) { queue.clear(); } }
            };
          }
        }
        """;
    assertEquals(List.of(), findings(sources("p/Scheduler.java", scheduler)));
  }

  // ---------------------------------------------------------------- dispatch by type

  /** A call on one subclass does not run a sibling subclass's override. */
  @Test
  void aCallOnASubclassNeverRunsASiblingsOverride() {
    String set =
        """
        package p;
        class HashSet2 {
          void clear() { }
        }
        """;
    String ordered =
        """
        package p;
        class OrderedSet extends HashSet2 {
          final Object order = new Object();
          void reset() { synchronized (order) { clear(); } }
        }
        """;
    String locked =
        """
        package p;
        class LockedSet extends HashSet2 {
          final Object order2 = new Object();
          void clear() { synchronized (OrderedSet.class) { } }
          void sweep() { synchronized (OrderedSet.class) { new OrderedSet().reset(); } }
        }
        """;
    List<String> found =
        findings(sources("p/HashSet2.java", set, "p/OrderedSet.java", ordered, "p/LockedSet.java", locked));
    assertEquals(List.of(), found);
  }

  /** {@code this.checkOpen()} in a superclass runs the override of the object's own class only. */
  @Test
  void aCallOnThisRunsTheOverrideOfTheObjectsOwnClass() {
    String delegating =
        """
        package p;
        class Delegating {
          void checkOpen() { }
          void autoCommit() { checkOpen(); }
        }
        """;
    String pooled =
        """
        package p;
        class Pooled extends Delegating {
          final Object poolLock = new Object();
          void passivate() { synchronized (poolLock) { autoCommit(); } }
        }
        """;
    String managed =
        """
        package p;
        class Managed extends Delegating {
          final Object txLock = new Object();
          void checkOpen() { synchronized (txLock) { } }
          void enlist(Pooled pooled) { synchronized (txLock) { synchronized (pooled.poolLock) { } } }
        }
        """;
    // A Pooled object never runs Managed.checkOpen: its pool lock is never held around txLock.
    assertEquals(
        List.of(),
        findings(sources("p/Delegating.java", delegating, "p/Pooled.java", pooled, "p/Managed.java", managed)));
  }

  /** Of many implementations, the one the program passes is the one a call runs. */
  @Test
  void aCallThroughAnInterfaceWithManyImplementationsRunsTheOneThatFlowsThere() {
    StringBuilder commands = new StringBuilder("package p;\ninterface Command { void apply(); }\n");
    for (int i = 0; i < 6; i++) {
      commands.append("class Plain").append(i).append(" implements Command { public void apply() { } }\n");
    }
    commands.append(
        """
        class Flush implements Command {
          public void apply() { synchronized (Journal.class) { } }
        }
        class Executor {
          final Object queue = new Object();
          void run(Command command) { synchronized (queue) { command.apply(); } }
          void flush() { run(new Flush()); }
        }
        class Journal {
          static void rotate(Executor executor) { synchronized (Journal.class) { synchronized (executor.queue) { } } }
        }
        """);
    assertCycle(findings(sources("p/Command.java", commands.toString())), "Journal.class", "Executor.queue");
  }

  /** {@code Object.toString()} of an object passed in runs the program's toString of its class. */
  @Test
  void aJdkMethodRunsTheProgramsOverrideWhenTheObjectFlowsThere() {
    String order =
        """
        package p;
        class Order {
          final Logger log = new Logger();
          public synchronized String toString() { return "order"; }
          synchronized void ship() { log.info("shipped"); }
          void trace() { log.info(this); }
        }
        """;
    assertCycle(findings(sources("p/Logger.java", LOGGER, "p/Order.java", order)), "Order", "Logger.appender");
  }

  /**
   * A JDK method called on an object nothing is known of runs none of the program's overrides. A
   * guard: dispatching JDK methods by type must not fall back to every override.
   */
  @Test
  void aJdkMethodOnAnUnknownObjectRunsNoOverride() {
    String order =
        """
        package p;
        class Order {
          final Logger log = new Logger();
          public synchronized String toString() { synchronized (log.appender) { return "order"; } }
        }
        """;
    assertEquals(List.of(), findings(sources("p/Logger.java", LOGGER, "p/Order.java", order)));
  }
}
