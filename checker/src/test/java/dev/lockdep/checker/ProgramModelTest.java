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

  /** A peer whose view change locks its manager, if it has one, else its own lock, then that lock. */
  private static final String PEER =
      """
      package p;
      class Peer {
        final Object viewLock = new Object();
        private Manager manager;
        void start() { manager = new Manager(this); }
        void setView(boolean flag) {
          Manager m = manager;
          Object outer = CHOICE;
          synchronized (outer) {
            synchronized (viewLock) {
              CALL;
            }
          }
        }
      }
      class Manager {
        private final Peer self;
        Manager(Peer self) { this.self = self; }
        synchronized void connect() { synchronized (self.viewLock) { } }
      }
      """;

  /**
   * A conditional monitor ({@code m != null ? m : viewLock}) is each of its branches on the paths
   * its test allows, and the local it tests is null in the block that locks the other: the manager
   * is only called where its monitor is the outer lock, in the manager's own order (ZOOKEEPER-2778's
   * fix).
   */
  @Test
  void aConditionalMonitorIsEachBranchOnItsOwnPaths() {
    String peer = PEER.replace("CHOICE", "m != null ? m : viewLock").replace("CALL", "if (m != null) m.connect()");
    assertEquals(List.of(), findings(sources("p/Peer.java", peer)));
  }

  /** A guard: where the test says nothing of the manager, the branch that locks the view lock calls it: a cycle. */
  @Test
  void aConditionalMonitorsOtherBranchStillOrdersItsLocks() {
    String peer = PEER.replace("CHOICE", "flag ? m : viewLock").replace("CALL", "m.connect()");
    assertCycle(findings(sources("p/Peer.java", peer)), "Peer.viewLock", "Manager");
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

  /**
   * An owner that calls into what it owns, under its own monitor, and the owned object locks its
   * owner through its back-pointer (a field that the owner's {@code this} reaches: {@code new
   * Session(this)}): one monitor re-entered, not two databases nested.
   */
  @Test
  void anOwnerReachedBackThroughItsChildIsTheHeldOwner() {
    String database =
        """
        package p;
        import java.util.*;
        class Database {
          private final List<Session> sessions = new ArrayList<>();
          synchronized Session open() {
            Session session = new Session(this);
            sessions.add(session);
            return session;
          }
          synchronized void closeAll() {
            for (Session session : new ArrayList<>(sessions)) {
              session.close();
            }
          }
          synchronized void removeSession(Session session) { sessions.remove(session); }
        }
        class Session {
          private final Database database;
          Session(Database database) { this.database = database; }
          void close() { database.removeSession(this); }
        }
        """;
    assertEquals(List.of(), findings(sources("p/Database.java", database)));
  }

  /**
   * The owner's field that holds the object it created with {@code new Executor(this)} leads back
   * to that object: a consumer reaching {@code session.executor} under the executor's monitor
   * re-enters it, directly or from an anonymous class's method ({@code this.this$Consumer.session}).
   */
  @Test
  void anOwnersFieldOfWhatItCreatedLeadsBackToIt() {
    String session =
        """
        package p;
        import java.util.*;
        class Session {
          final List<Consumer> consumers = new ArrayList<>();
          final Executor executor = new Executor(this);
          synchronized Consumer open() {
            Consumer consumer = new Consumer(this);
            consumers.add(consumer);
            return consumer;
          }
        }
        class Executor {
          private final Session session;
          Executor(Session session) { this.session = session; }
          synchronized void start() {
            for (Consumer consumer : new ArrayList<>(session.consumers)) {
              consumer.redispatch();
            }
          }
          synchronized void wakeup() { }
        }
        class Consumer {
          private final Session session;
          Consumer(Session session) { this.session = session; }
          void redispatch() { session.executor.wakeup(); }
        }
        """;
    assertEquals(List.of(), findings(sources("p/Session.java", session)));
    String anonymous = session.replace(
        "void redispatch() { session.executor.wakeup(); }",
        "void redispatch() { Runnable task = new Runnable() { public void run() { session.executor.wakeup(); } }; task.run(); }");
    assertEquals(List.of(), findings(sources("p/Session.java", anonymous)));
  }

  /** A guard: a node's sibling, reached through its parent's other child field, is another node. */
  @Test
  void aSiblingThroughTheParentIsAnotherObject() {
    String node =
        """
        package p;
        class Node {
          private final Node parent;
          private Node left;
          private Node right;
          Node(Node parent) { this.parent = parent; }
          synchronized void grow() {
            left = new Node(this);
            right = new Node(this);
          }
          synchronized void touchSibling() {
            if (parent != null) {
              parent.right.visit();
            }
          }
          synchronized void visit() { }
        }
        """;
    List<String> found = findings(sources("p/Node.java", node));
    assertEquals(1, found.size(), found::toString);
    assertTrue(found.get(0).contains("[RecursiveLocking]"), found.get(0));
  }

  /**
   * A back-pointer read from a parameter's object ({@code session.database}, the session passed in)
   * reaches its owner too: the parameter holds the sessions the flow brings there.
   */
  @Test
  void aParametersBackPointerReachesItsOwner() {
    String database =
        """
        package p;
        class Database {
          synchronized Session open() { return new Session(this); }
          synchronized void close(Session session) { session.database.removeSession(session); }
          synchronized void removeSession(Session session) { }
          static void run(Database db) { db.close(db.open()); }
        }
        class Session {
          final Database database;
          Session(Database database) { this.database = database; }
        }
        """;
    assertEquals(List.of(), findings(sources("p/Database.java", database)));
  }

  /**
   * A guard: the objects a node's back-pointers reach from the node whose monitor is held are
   * other nodes, its parent and its grandparent: lockdep's AA stays, once for each.
   */
  @Test
  void aHeldObjectsOwnBackPointerIsAnotherObject() {
    String node =
        """
        package p;
        import java.util.*;
        class Node {
          private final Node parent;
          private final List<Node> children = new ArrayList<>();
          Node(Node parent) { this.parent = parent; }
          static Node root() { return new Node(null); }
          synchronized Node add() {
            Node child = new Node(this);
            children.add(child);
            return child;
          }
          synchronized void detach() {
            if (parent != null) {
              parent.remove(this);
            }
          }
          synchronized void remove(Node child) { children.remove(child); }
        }
        """;
    List<String> found = findings(sources("p/Node.java", node));
    assertEquals(1, found.size(), found::toString);
    assertTrue(found.get(0).contains("Node.java:15: error: [RecursiveLocking]"), found.get(0));
    String grandparent = node.replace("parent.remove(this)", "parent.parent.remove(this)");
    found = findings(sources("p/Node.java", grandparent));
    assertEquals(1, found.size(), found::toString);
    assertTrue(found.get(0).contains("Node.java:15: error: [RecursiveLocking]"), found.get(0));
  }

  /**
   * A back-pointer kept as an {@code Object} ({@code new Reconnector(this)} into {@code final Object
   * owner}, Log4j's JMS manager) is a lock field its creators give their own monitors: locking it
   * from the reconnector the manager holds, under the manager's monitor, re-enters that monitor.
   * The reconnector is made where a test found it {@code null} ({@code retry && reconnector ==
   * null}) and dropped later: one object for the body that makes and calls it. The manager made
   * it in a superclass's body, and may be of a subclass.
   * Given another manager ({@code new Reconnector(SHARED)}), the field is no back-pointer, and the
   * nesting is lockdep's AA.
   */
  @Test
  void aBackPointerKeptAsAnObjectReachesItsOwnersMonitor() {
    String manager =
        """
        package p;
        class Manager {
          static final Manager SHARED = new Manager();
          private Reconnector reconnector;
          private boolean retry = true;
          synchronized void send() {
            if (retry && reconnector == null) {
              reconnector = create();
            }
            reconnector.reconnect();
          }
          private Reconnector create() { return new Reconnector(this); }
          void stop() { reconnector = null; }
          static class Reconnector {
            private final Object owner;
            Reconnector(Object owner) { this.owner = owner; }
            void reconnect() { synchronized (owner) { } }
          }
        }
        class SslManager extends Manager { }
        """;
    assertEquals(List.of(), findings(sources("p/Manager.java", manager)));
    String peer = manager.replace("new Reconnector(this)", "new Reconnector(SHARED)");
    assertTrue(!peer.equals(manager), peer);
    List<String> found = findings(sources("p/Manager.java", peer));
    assertEquals(1, found.size(), found::toString);
    assertTrue(found.get(0).contains("[RecursiveLocking]"), found.get(0));
  }

  /**
   * A guard: a field that only ever holds objects made elsewhere ({@code new Account()} linked by a
   * setup method), never the {@code this} of a body, points at no owner: the peer of the account
   * paid under another account's monitor is a third account, lockdep's AA.
   */
  @Test
  void aFieldNoThisReachesIsNoBackPointer() {
    String account =
        """
        package p;
        class Account {
          private Account peer;
          void link(Account other) { peer = other; }
          void pay() { peer.credit(); }
          synchronized void settle(Account other) { other.pay(); }
          synchronized void credit() { }
          static void setup() {
            Account a = new Account();
            Account b = new Account();
            b.link(new Account());
            a.settle(b);
          }
        }
        """;
    List<String> found = findings(sources("p/Account.java", account));
    assertEquals(1, found.size(), found::toString);
    assertTrue(found.get(0).contains("[RecursiveLocking]"), found.get(0));
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

  /** A provider interface whose remote implementation takes its transfer lock, then the values' lock. */
  private static final String PROVIDERS =
      """
      package p;
      interface Provider { int mode(); }
      class LocalSession implements Provider {
        public int mode() { return 0; }
      }
      class RemoteSession implements Provider {
        final Object transfer = new Object();
        public int mode() { synchronized (transfer) { } return 1; }
        void send() { synchronized (transfer) { synchronized (Values.class) { } } }
      }
      """;

  /** Values that convert under their lock, through a provider passed as {@code parameterType}. */
  private static String values(String parameterType) {
    return """
        package p;
        class Values {
          static int cast(Provider provider) { return provider.mode(); }
          static void convert(%s provider) { synchronized (Values.class) { cast(provider); } }
        }
        """.formatted(parameterType);
  }

  /**
   * A parameter declared as an interface but passed an object of a narrower program type runs only
   * what that type's subtypes select: the remote implementation, which takes the locks the other
   * way, is never what a local session passes.
   */
  @Test
  void aCallOnAParameterRunsWhatTheArgumentsStaticTypeSelects() {
    assertEquals(
        List.of(), findings(sources("p/Provider.java", PROVIDERS, "p/Values.java", values("LocalSession"))));
  }

  /** A guard: the same parameter passed as the interface still runs every implementation. */
  @Test
  void aCallOnAParameterOfUnknownRuntimeTypeRunsEveryImplementation() {
    assertCycle(
        findings(sources("p/Provider.java", PROVIDERS, "p/Values.java", values("Provider"))),
        "RemoteSession.transfer", "Values.class");
  }

  /**
   * A field that is not final (set again by a setter, cleared on close) names one object for every
   * read of it in one body, and through a getter that checks it before returning it: the database
   * a command locks and the one its session returns next are one monitor, re-entered.
   */
  @Test
  void aFieldReadTwiceInOneActivityIsOneObject() {
    String session =
        """
        package p;
        class Session {
          private Database database;
          Session(Database database) { this.database = database; }
          Database getDatabase() {
            if (database == null) { throw new IllegalStateException("closed"); }
            return database;
          }
          void close() { database = null; }
        }
        """;
    String command =
        """
        package p;
        class Database {
          synchronized void addSetting(String name) { }
        }
        class Command {
          protected Session session;
          Command(Session session) { this.session = session; }
          void setSession(Session session) { this.session = session; }
          Database getDatabase() { return session.getDatabase(); }
          void update() {
            Database database = getDatabase();
            synchronized (database) { session.getDatabase().addSetting("x"); }
          }
        }
        """;
    assertEquals(List.of(), findings(sources("p/Session.java", session, "p/Command.java", command)));
  }

  /**
   * A singleton reached through its getter is one object wherever the getter is called: a lazy
   * getter that sets its field where it found it {@code null} (a test that may have more
   * conjuncts, also under double-checked locking),
   * and a getter that reads its field into a local and checks it before returning it. The
   * registry a caller locks and the one whose synchronized method it calls next are one monitor,
   * re-entered.
   */
  @Test
  void aSingletonsGetterNamesOneObject() {
    String registry =
        """
        package p;
        class Registry {
          private static Registry instance;
          private static boolean open = true;
          static synchronized Registry getInstance() {
            if (open && instance == null) {
              instance = new Registry();
            }
            return instance;
          }
          synchronized void add(String name) { }
        }
        """;
    String checked =
        """
        package p;
        class Checked {
          private static volatile Checked instance;
          static Checked get() {
            if (instance == null) {
              synchronized (Checked.class) {
                if (instance == null) { instance = new Checked(); }
              }
            }
            return instance;
          }
          synchronized void add(String name) { }
        }
        """;
    String holder =
        """
        package p;
        class Holder {
          private static final Holder INSTANCE = new Holder();
          static Holder get() {
            Holder holder = INSTANCE;
            if (holder == null) { throw new IllegalStateException("not started"); }
            return holder;
          }
          synchronized void work() { }
        }
        """;
    String user =
        """
        package p;
        class User {
          void register() {
            Registry registry = Registry.getInstance();
            synchronized (registry) { Registry.getInstance().add("x"); }
            synchronized (Checked.get()) { Checked.get().add("x"); }
            synchronized (Holder.get()) { Holder.get().work(); }
          }
        }
        """;
    assertEquals(
        List.of(),
        findings(sources(
            "p/Registry.java", registry, "p/Checked.java", checked, "p/Holder.java", holder, "p/User.java", user)));
  }

  /**
   * The guards of the rule above: a field a setter also assigns is not set once, and a getter
   * returning its own local initialised from a lookup names nothing outside it. Two such
   * objects nested are lockdep's AA.
   */
  @Test
  void aFieldSetAgainOrAGettersLookedUpLocalIsNotOneObject() {
    String registry =
        """
        package p;
        class Registry {
          private static Registry instance;
          static Registry getInstance() {
            if (instance == null) { instance = new Registry(); }
            return instance;
          }
          static void reset(Registry next) { instance = next; }
          synchronized void add(String name) { }
        }
        """;
    String lookup =
        """
        package p;
        class Lookup {
          private static final java.util.Map<String, Lookup> ALL = new java.util.HashMap<>();
          static Lookup find(String name) {
            Lookup found = ALL.get(name);
            return found;
          }
          synchronized void work() { }
        }
        """;
    String user =
        """
        package p;
        class User {
          void register() {
            synchronized (Registry.getInstance()) { Registry.getInstance().add("x"); }
          }
          void run() {
            synchronized (Lookup.find("a")) { Lookup.find("b").work(); }
          }
        }
        """;
    List<String> found =
        findings(sources("p/Registry.java", registry, "p/Lookup.java", lookup, "p/User.java", user));
    assertEquals(2, found.size(), found::toString);
    assertTrue(found.stream().allMatch(f -> f.contains("[RecursiveLocking]")), found::toString);
  }

  /** A guard: a field the body assigns between two reads names two objects, nested: lockdep's AA. */
  @Test
  void aFieldTheBodyAssignsIsNotOneObject() {
    String cursor =
        """
        package p;
        class Node {
          Node next;
        }
        class Cursor {
          private Node current;
          void advance() {
            synchronized (current) {
              current = current.next;
              synchronized (current) { }
            }
          }
        }
        """;
    List<String> found = findings(sources("p/Cursor.java", cursor));
    assertEquals(1, found.size(), found::toString);
    assertTrue(found.get(0).contains("[RecursiveLocking]"), found.get(0));
  }

  /**
   * A field initialised by a factory call ({@code Collections.synchronizedMap(new ...)}) is its own
   * object and lock class, as one initialised with {@code new} is: two such maps nested in opposite
   * orders are a cycle, not one class {@code Map} nested in itself.
   */
  @Test
  void fieldsMadeByAFactoryCallAreLocksOfTheirOwn() {
    String registry =
        """
        package p;
        import java.util.*;
        class Registry {
          private final Map<String, String> queues = Collections.synchronizedMap(new LinkedHashMap<>());
          private final Map<String, String> consumers = Collections.synchronizedMap(new LinkedHashMap<>());
          void rename() { synchronized (queues) { synchronized (consumers) { } } }
          void exclude() { synchronized (consumers) { synchronized (queues) { } } }
        }
        """;
    assertCycle(findings(sources("p/Registry.java", registry)), "Registry.queues", "Registry.consumers");
  }

  /**
   * A field a constructor set from its argument holds the object the creator passed: a worker that
   * wraps the request it was given and runs it at once runs that request, not every request class
   * of the program (here a connection's, whose lock is taken the other way around).
   */
  @Test
  void aFieldSetFromAConstructorArgumentIsTheArgumentsObject() {
    String service =
        """
        package p;
        abstract class Work { abstract void doWork(); }
        class Service {
          void schedule(Work work) {
            Scheduled scheduled = new Scheduled(work);
            scheduled.run();
          }
          static class Scheduled {
            private final Work work;
            Scheduled(Work work) { this.work = work; }
            void run() { work.doWork(); }
          }
        }
        class IoWork extends Work {
          final Object connection = new Object();
          final Cleaner cleaner;
          IoWork(Cleaner cleaner) { this.cleaner = cleaner; }
          void doWork() { synchronized (connection) { cleaner.add(); } }
        }
        class Cleaner {
          final Service service = new Service();
          synchronized void add() { }
          synchronized void clean() {
            service.schedule(new Work() { void doWork() { } });
          }
          // An argument that names no object (created right there), stored by the constructor.
          synchronized void cleanNow() {
            Service.Scheduled scheduled = new Service.Scheduled(new Quiet());
            scheduled.run();
          }
        }
        class Quiet extends Work {
          void doWork() { }
        }
        """;
    assertEquals(List.of(), findings(sources("p/Service.java", service)));
  }

  /**
   * Synchronized views of narrower kinds ({@code ListColl}, {@code SetColl}) wrap an object of the
   * wider kind ({@code Coll}) too: a call on a {@code Coll} of unknown type does not guess it is
   * one, so one view's mutex is not taken inside another's through a filtered view.
   */
  @Test
  void aWrapperOfANarrowerKindIsNotGuessedForTheWiderKind() {
    String views =
        """
        package p;
        interface Coll { int size(); }
        interface ListColl extends Coll { }
        interface SetColl extends Coll { }
        abstract class SyncObject {
          final Object mutex = new Object();
        }
        class SyncList extends SyncObject implements ListColl {
          final ListColl delegate;
          SyncList(ListColl delegate) { this.delegate = delegate; }
          public int size() { synchronized (mutex) { return delegate.size(); } }
        }
        class SyncSet extends SyncObject implements SetColl {
          final SetColl delegate;
          SyncSet(SetColl delegate) { this.delegate = delegate; }
          public int size() { synchronized (mutex) { return delegate.size(); } }
        }
        class FilteredList implements ListColl {
          final Coll unfiltered;
          FilteredList(Coll unfiltered) { this.unfiltered = unfiltered; }
          public int size() { return unfiltered.size(); }
        }
        """;
    assertEquals(List.of(), findings(sources("p/Coll.java", views)));
  }

  /**
   * An argument passed through a cast is the same object: a lock a callee takes through its
   * parameter is the caller's field's, and closes the cycle with the other order.
   */
  @Test
  void aLockPassedThroughACastKeepsItsClass() {
    String locks =
        """
        package p;
        class Locks { static void run(Object lock) { synchronized (lock) { } } }
        class A {
          final Object a = new Object();
          final Object b = new Object();
          void one() { synchronized (a) { Locks.run((Object) b); } }
          void two() { synchronized (b) { synchronized (a) { } } }
        }
        """;
    assertCycle(findings(sources("p/A.java", locks)), "A.a", "A.b");
  }

  /**
   * A wrapper's delegate passed through a cast to a helper, which calls it: the delegate is of
   * unknown type, not the wrapper, whose monitor is held (a serializing wrapper of any object).
   * Passed without the cast, the delegate was recognised already.
   */
  @Test
  void aDelegatePassedThroughACastIsNotTheWrapper() {
    String wrapper =
        """
        package p;
        interface Streamable { void writeTo(); }
        class Wrapper implements Streamable {
          final Object obj;
          Wrapper(Object obj) { this.obj = obj; }
          synchronized byte[] serialized() { return Util.toBuffer(obj); }
          public void writeTo() { serialized(); }
        }
        class Util {
          static byte[] toBuffer(Object o) { write((Streamable) o); return null; }
          static void write(Streamable s) { s.writeTo(); }
        }
        class Header implements Streamable { public void writeTo() { } }
        """;
    assertEquals(List.of(), findings(sources("p/Wrapper.java", wrapper)));
  }

  /**
   * A method reference run on each element of unknown type ({@code forEach(P::destroy)}) is
   * dispatched as the call {@code p.destroy()} in a loop is: a composite's override already on the
   * chain is not its own part. The loop's form was silent already.
   */
  @Test
  void aMethodReferenceOnElementsDoesNotReenterTheCompositeOnTheChain() {
    String stack =
        """
        package p;
        import java.util.ArrayList;
        import java.util.List;
        abstract class Protocol { void destroy() { } }
        class Stack extends Protocol {
          final List<Protocol> protocols = new ArrayList<>();
          void add(Protocol p) { protocols.add(p); }
          void destroy() { protocols.forEach(Protocol::destroy); }
        }
        class ForkStack extends Stack {
          synchronized void destroy() { super.destroy(); }
        }
        class Tcp extends Protocol { void destroy() { } }
        class Udp extends Protocol { void destroy() { } }
        """;
    assertEquals(List.of(), findings(sources("p/Protocol.java", stack)));
  }

  /**
   * An unbound method reference a collection runs on its elements ({@code
   * listeners.forEach(Runnable::run)}) runs what the flow brings there, an anonymous class too, as
   * the loop {@code for (Runnable r : listeners) r.run()} does: the listener's lock under the bus's
   * monitor closes the cycle with the other order.
   */
  @Test
  void aMethodReferenceOnElementsRunsTheTypesTheFlowBrings() {
    String bus =
        """
        package p;
        import java.util.ArrayList;
        import java.util.List;
        class Bus {
          final List<Runnable> listeners = new ArrayList<>();
          synchronized void fire() { listeners.forEach(Runnable::run); }
          void add(Runnable listener) { listeners.add(listener); }
        }
        class User {
          final Object lock = new Object();
          final Bus bus = new Bus();
          void init() { bus.add(new Runnable() { public void run() { synchronized (lock) { } } }); }
          void other() { synchronized (lock) { bus.fire(); } }
        }
        """;
    List<String> found = findings(sources("p/Bus.java", bus));
    assertCycle(found, "Bus", "User.lock");
    assertEquals(1, found.size(), found.toString());
  }

  /**
   * A method reference naming a JDK method ({@code map(Object::toString)}) on elements the flow
   * does not know runs none of the program's overrides, as {@code element.toString()} on such an
   * element does not: the table's own {@code toString()}, which takes its lock, is not its
   * element's.
   */
  @Test
  void aJdkMethodReferenceOnUnknownElementsRunsNoOverride() {
    String table =
        """
        package p;
        import java.util.concurrent.locks.ReentrantLock;
        import java.util.function.Supplier;
        import java.util.stream.Collectors;
        import java.util.stream.Stream;
        class Table<T> {
          final ReentrantLock lock = new ReentrantLock();
          final Supplier<Stream<T>> elements;
          Table(Supplier<Stream<T>> elements) { this.elements = elements; }
          int missing() { lock.lock(); try { return 0; } finally { lock.unlock(); } }
          public String toString() { return "missing " + missing(); }
          String dump() {
            lock.lock();
            try {
              return elements.get().map(Object::toString).collect(Collectors.joining(", "));
            } finally {
              lock.unlock();
            }
          }
        }
        """;
    assertEquals(List.of(), findings(sources("p/Table.java", table)));
  }

  /**
   * A JDK listener support ({@code PropertyChangeSupport}) runs the listeners registered with it
   * when told to fire, on the firing thread: a data source firing under its monitor runs a
   * manager's anonymous listener, which takes the manager's monitor, while the manager reads the
   * data source under its own. Fired after the monitor is let go, it closes no cycle.
   */
  @Test
  void aPropertyChangeSupportRunsItsListenersWhereItFires() {
    String pool =
        """
        package p;
        import java.beans.PropertyChangeEvent;
        import java.beans.PropertyChangeListener;
        import java.beans.PropertyChangeSupport;
        class DataSource {
          private final PropertyChangeSupport pcs = new PropertyChangeSupport(this);
          private String name;
          void addPropertyChangeListener(PropertyChangeListener l) { pcs.addPropertyChangeListener(l); }
          synchronized void setName(String name) {
            String old = this.name;
            this.name = name;
            pcs.firePropertyChange("name", old, name);
          }
          synchronized String getName() { return name; }
        }
        class Manager {
          private final DataSource ds;
          private final PropertyChangeListener listener = new PropertyChangeListener() {
            public void propertyChange(PropertyChangeEvent e) { reinitialize(); }
          };
          Manager(DataSource ds) { this.ds = ds; ds.addPropertyChangeListener(listener); }
          private synchronized void reinitialize() { }
          synchronized Object getAttribute() { return ds.getName(); }
        }
        """;
    assertCycle(findings(sources("p/Pool.java", pool)), "DataSource", "Manager");
    String firedAfter =
        pool.replace(
            """
              synchronized void setName(String name) {
                String old = this.name;
                this.name = name;
                pcs.firePropertyChange("name", old, name);
              }
            """,
            """
              void setName(String name) {
                String old;
                synchronized (this) { old = this.name; this.name = name; }
                pcs.firePropertyChange("name", old, name);
              }
            """);
    assertTrue(firedAfter.contains("synchronized (this)"), firedAfter);
    assertEquals(List.of(), findings(sources("p/Pool.java", firedAfter)));
  }

  /**
   * The same method reference still runs the overrides that are not on the chain: a part's lock
   * taken under the composite's monitor, and the composite's taken under the part's.
   */
  @Test
  void aMethodReferenceOnElementsRunsTheOtherOverrides() {
    String stack =
        """
        package p;
        import java.util.ArrayList;
        import java.util.List;
        abstract class Protocol { void destroy() { } }
        class Stack {
          final List<Protocol> protocols = new ArrayList<>();
          synchronized void destroy() { protocols.forEach(Protocol::destroy); }
          synchronized void stop() { }
        }
        class Tcp extends Protocol {
          final Object socket = new Object();
          void destroy() { synchronized (socket) { } }
          void fail(Stack stack) { synchronized (socket) { stack.stop(); } }
        }
        class Udp extends Protocol { void destroy() { } }
        """;
    assertCycle(findings(sources("p/Protocol.java", stack)), "Stack", "Tcp.socket");
  }

  /**
   * An inherited method run on a receiver of a narrower static type keeps that bound for its
   * {@code this}: {@code this.checkOpen()} in it runs only what the receiver's subtypes select,
   * even when that is more than one class.
   */
  @Test
  void anInheritedBodyRunsThisCallsOfTheReceiversStaticType() {
    String connections =
        """
        package p;
        class Delegating {
          void checkOpen() { }
          boolean getAutoCommit() { checkOpen(); return true; }
        }
        class Pooled extends Delegating {
          final Object poolLock = new Object();
        }
        class PooledManaged extends Pooled { }
        class Managed extends Delegating {
          final Object txLock = new Object();
          void checkOpen() { synchronized (txLock) { } }
          void enlist(Pooled pooled) { synchronized (txLock) { synchronized (pooled.poolLock) { } } }
        }
        class Factory {
          void activate(Pooled connection) { synchronized (connection.poolLock) { connection.getAutoCommit(); } }
        }
        """;
    assertEquals(List.of(), findings(sources("p/Delegating.java", connections)));
  }

  /**
   * A hold count compared with 0 is a "does this thread hold it" query: the write lock is taken
   * only where the read lock is not held, so no path upgrades a read hold to a write.
   */
  @Test
  void aHoldCountTestKeepsOnlyThePathsItAllows() {
    String cache =
        """
        package p;
        import java.util.concurrent.locks.ReentrantReadWriteLock;
        class Cache {
          private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
          void refresh() {
            rw.readLock().lock();
            try {
              if (rw.getReadHoldCount() == 0) {
                rw.writeLock().lock();
                rw.writeLock().unlock();
              }
            } finally {
              rw.readLock().unlock();
            }
          }
        }
        """;
    assertEquals(List.of(), findings(sources("p/Cache.java", cache)));
  }

  /**
   * A parameter its caller passes the literal {@code null} for is no object: a call on it (behind
   * a {@code provider != null} test) runs no implementation, here not the remote one whose locks
   * close a cycle; passed on, it is still null.
   */
  @Test
  void aCallOnAParameterPassedNullRunsNothing() {
    String strings =
        """
        package p;
        class Strings {
          static int mode(Provider provider) { return provider != null ? provider.mode() : 0; }
          static int relay(Provider provider) { return mode(provider); }
          static void plain() { synchronized (Values.class) { relay(null); } }
        }
        """;
    assertEquals(
        List.of(),
        findings(sources("p/Provider.java", PROVIDERS, "p/Values.java", values("LocalSession"), "p/Strings.java", strings)));
  }

  // ---------------------------------------------------------------- type flow

  /** Two pools: the one a connection is given and another whose locks close a cycle with it. */
  private static final String POOLS =
      """
      package p;
      interface Pool { void give(Conn conn); }
      class QueuePool implements Pool {
        private final Object lock = new Object();
        public void give(Conn conn) { synchronized (lock) { } }
      }
      class SoftPool implements Pool {
        public synchronized void give(Conn conn) { conn.touch(); }
      }
      """;

  private static String conn(String wiring) {
    return """
        package p;
        class Conn {
          private Pool pool;
          void setPool(Pool pool) { this.pool = pool; }
          synchronized void close() { pool.give(this); }
          synchronized void touch() { }
        }
        class Source {
          void open() { Conn conn = new Conn(); conn.setPool(%s); }
        }
        """.formatted(wiring);
  }

  /**
   * A value that names a parameter of its body is, in a frame that knows what the caller passed
   * there, what the caller passed: the type flow has one node per parameter for the whole program,
   * and a query's result target, chosen as {@code buffer != null ? buffer : target}, is every
   * target anything passes. A check that runs its query into a collector does not add rows to an
   * {@code INSERT}, whose monitor would close a cycle with the check's. The guard: a check whose
   * query writes into an insert closes it (and nests two inserts' monitors).
   */
  @Test
  void aValueNamingAParameterIsWhatTheCallerPassedThere() {
    String query =
        """
        package p;
        interface Target { void addRow(Object row); }
        class Collector implements Target { public void addRow(Object row) { } }
        class Buffer implements Target { public void addRow(Object row) { } }
        class Query {
          Buffer buffer;
          void reset() { buffer = new Buffer(); }
          void query(Target target) {
            Target to = buffer != null ? buffer : target;
            quick(to);
          }
          void quick(Target result) { result.addRow(null); }
        }
        class Insert implements Target {
          final Query query = new Query();
          final Check check = new Check();
          void run() { query.query(this); synchronized (this) { check.check(); } }
          public synchronized void addRow(Object row) { }
        }
        class Check {
          final Query query = new Query();
          synchronized void check() { query.query(new Collector()); }
        }
        """;
    assertEquals(List.of(), findings(sources("p/Query.java", query)));
    List<String> twin =
        findings(sources("p/Query.java", query.replace("query.query(new Collector());", "query.query(new Insert());")));
    assertTrue(
        twin.stream().anyMatch(f -> f.contains("[LockOrderInversion]") && f.contains("Check -> Insert -> Check")),
        twin::toString);
  }

  /**
   * A class literal names no object of the program: a plugin loaded by {@code
   * ServiceLoader.load(Plugin.class)} is one the flow cannot follow, so the host's plugins may be
   * of any plugin class, the one that locks the registry among them. Read as a field no body
   * sets, the literal held nothing, and so did the plugin registered from it: the list held only
   * the quiet plugin, and the cycle was missed. The guard: without the loaded plugin, the list
   * holds the quiet one only.
   */
  @Test
  void aClassLiteralNamesNoObjectOfTheProgram() {
    String host =
        """
        package p;
        import java.util.ArrayList;
        import java.util.List;
        interface Plugin { void stop(); }
        class Quiet implements Plugin { public void stop() { } }
        class Locking implements Plugin { public void stop() { synchronized (Registry.LOCK) { } } }
        class Host {
          final List<Plugin> plugins = new ArrayList<>();
          Host() { register(new Quiet()); }
          void register(Plugin plugin) { plugins.add(plugin); }
          void load() { register(java.util.ServiceLoader.load(Plugin.class).iterator().next()); }
          synchronized void shutdown() { for (Plugin p : plugins) { p.stop(); } }
        }
        class Registry {
          static final Object LOCK = new Object();
          static Host host;
          static void reset() { synchronized (LOCK) { host.shutdown(); } }
        }
        """;
    assertCycle(findings(sources("p/Host.java", host)), "Host", "Registry.LOCK");
    assertEquals(
        List.of(),
        findings(sources("p/Host.java", host.replace(
            "void load() { register(java.util.ServiceLoader.load(Plugin.class).iterator().next()); }", ""))));
  }

  /** A pool whose entry reference holds connections and sessions the flow cannot follow. */
  private static String sessions(String assigned) {
    return """
        package p;
        import java.util.concurrent.atomic.AtomicReference;
        interface Closer { void close(); }
        interface Session extends java.nio.channels.ByteChannel, Closer { void close(); }
        interface Callback { void done(Session session); }
        class Pool {
          final AtomicReference<Closer> ref = new AtomicReference<>();
          void assign(Closer closer) { ref.set(closer); }
          synchronized void discard() { Closer c = ref.get(); if (c != null) { c.close(); } }
        }
        class Conn implements Closer { public void close() { } }
        class Requester implements Closer {
          final Pool pool = new Pool();
          public synchronized void close() { pool.discard(); }
        }
        class Wiring {
          static Callback connect(Pool pool) {
            pool.assign(%s);
            return new Callback() { public void done(Session session) { pool.assign(session); } };
          }
          static void open(Callback callback) {
            callback.done((Session) java.util.ServiceLoader.load(Session.class).iterator().next());
          }
        }
        """.formatted(assigned);
  }

  /**
   * A value holding objects the flow cannot follow, known only to be of a type (a session a
   * library hands to a callback, declared {@code Session}, a channel), and objects of known
   * classes runs the classes of that type and the known ones only: the pool's entry, holding
   * sessions and connections, does not close a {@code Requester}, whose monitor would close a
   * cycle with the pool's. Before, one object of a bound made the whole value unknown, and the
   * class hierarchy ran every {@code Closer}; and an interface extending the JDK's channels was
   * taken to hold objects, so the session was anything. The guard: a requester assigned to the
   * pool closes the cycle (and nests its pool in the other).
   */
  @Test
  void aValueOfUnknownObjectsOfATypeAndKnownOnesRunsOnlyThose() {
    assertEquals(List.of(), findings(sources("p/Pool.java", sessions("new Conn()"))));
    List<String> twin = findings(sources("p/Pool.java", sessions("new Requester()")));
    assertTrue(
        twin.stream()
            .anyMatch(f -> f.contains("[LockOrderInversion]") && f.contains("Requester") && f.contains("Pool")),
        twin::toString);
  }

  /**
   * A call on a field runs only the bodies of the types stored in it anywhere in the program: the
   * connection's pool is only ever a queue pool, set through a setter, so closing it does not run
   * the other pool's body that closes a cycle.
   */
  @Test
  void aCallOnAFieldRunsOnlyTheTypesStoredInIt() {
    assertEquals(List.of(), findings(sources("p/Pool.java", POOLS, "p/Conn.java", conn("new QueuePool()"))));
  }

  /** The guard: the pool whose locks close the cycle is stored there, and the cycle is found. */
  @Test
  void aTypeStoredInAFieldIsRunByCallsOnIt() {
    assertCycle(findings(sources("p/Pool.java", POOLS, "p/Conn.java", conn("new SoftPool()"))), "Conn", "SoftPool");
  }

  /**
   * The guard for what the flow cannot follow: a pool from a library the program has no summary
   * of may be of any type, and every implementation runs.
   */
  @Test
  void aFieldSetFromOutsideTheFlowRunsEveryImplementation() {
    assertCycle(
        findings(sources("p/Pool.java", POOLS, "p/Conn.java", conn("(Pool) java.util.ServiceLoader.load(Pool.class).iterator().next()"))),
        "Conn", "SoftPool");
  }

  /**
   * The guard for code outside the program: a parameter of a method that implements a JDK
   * interface may be given anything by the JDK, so what the program passes does not narrow it.
   */
  @Test
  void aParameterOfAMethodTheJdkMayCallIsAnyImplementation() {
    String conn =
        """
        package p;
        class Conn implements java.util.function.Consumer<Pool> {
          private Pool pool;
          public void accept(Pool pool) { this.pool = pool; }
          synchronized void close() { pool.give(this); }
          synchronized void touch() { }
        }
        class Source {
          void open() { new Conn().accept(new QueuePool()); }
        }
        """;
    assertCycle(findings(sources("p/Pool.java", POOLS, "p/Conn.java", conn)), "Conn", "SoftPool");
  }

  /** A pool that starts a worker from its thread factory while holding its monitor. */
  private static String workers(String worker, String factory) {
    return """
        package p;
        class Pool {
          final java.util.concurrent.ThreadFactory factory = new Workers();
          synchronized void grow(Runnable task) { factory.newThread(task).interrupt(); }
        }
        class Workers implements java.util.concurrent.ThreadFactory {
          public Thread newThread(Runnable task) { return new Worker(task); }
          %s
        }
        class Worker extends Thread {
          Worker(Runnable task) { super(task); }
          %s
        }
        class Registry {
          static final Object LOCK = new Object();
          static Pool pool;
          static void shrink() { synchronized (LOCK) { pool.grow(null); } }
        }
        """.formatted(factory, worker);
  }

  /**
   * What a JDK method returns is what the program's implementations of it return, not the object
   * it is called on: a thread factory's {@code newThread} gives a {@code Worker}, whose {@code
   * interrupt()} locks the registry under the pool's monitor. Read as the factory itself, the
   * worker's lock was never reached and the cycle was missed; the factory's own {@code interrupt()}
   * (no thread's) does not run for it.
   */
  @Test
  void aJdkMethodReturnsWhatTheProgramsImplementationReturns() {
    String locking = "@Override public void interrupt() { synchronized (Registry.LOCK) { } }";
    assertCycle(findings(sources("p/Pool.java", workers(locking, ""))), "Pool", "Registry.LOCK");
    assertEquals(
        List.of(),
        findings(sources("p/Pool.java", workers("", locking.replace("@Override ", "")))));
  }

  /** A thread factory that labels the threads of the factory it wraps. */
  private static String labelled(String factory) {
    return """
        package p;
        import java.util.concurrent.ThreadFactory;
        class Named implements ThreadFactory {
          final ThreadFactory inner;
          Named(ThreadFactory inner) { this.inner = inner; }
          public Thread newThread(Runnable task) { return new Labelled(inner.newThread(task)); }
        }
        class Labelled extends Thread {
          final Thread thread;
          Labelled(Thread thread) { this.thread = thread; }
          @Override public synchronized String toString() { return "labelled " + thread.toString(); }
        }
        class Counted extends Thread {
          @Override public String toString() { synchronized (Registry.LOCK) { return "counted"; } }
        }
        class Plain implements ThreadFactory {
          public Thread newThread(Runnable task) { return new Counted(); }
        }
        class Registry {
          static final Object LOCK = new Object();
          static final ThreadFactory FACTORY = new Named(%s);
          static void dump(Runnable task) { Thread t = FACTORY.newThread(task); synchronized (LOCK) { t.toString(); } }
        }
        """.formatted(factory);
  }

  /**
   * A JDK method called on an object the flow cannot follow returns what it cannot follow either:
   * a factory wrapping the JDK's default thread factory labels the JDK's threads, not the
   * program's {@code Counted} ones, whose {@code toString()} would lock the registry under the
   * label's monitor. The guard: wrapping the program's own factory, whose threads are {@code
   * Counted}, closes the cycle.
   */
  @Test
  void aJdkMethodOfAnObjectTheFlowCannotFollowReturnsWhatItCannotFollow() {
    assertEquals(
        List.of(),
        findings(sources("p/Registry.java", labelled("java.util.concurrent.Executors.defaultThreadFactory()"))));
    assertCycle(findings(sources("p/Registry.java", labelled("new Plain()"))), "Labelled", "Registry.LOCK");
  }

  /**
   * An object of a program class is none of the JDK's types it does not implement, though a method
   * of one has the same signature: a {@code Flow.Subscription}'s {@code cancel()} does not run for
   * {@code ((TimerTask) o).cancel()} on the objects of a list that holds only subscriptions. The
   * guard: a timer task there that overrides {@code cancel()} with the same lock closes the cycle.
   */
  @Test
  void aProgramClassIsNoneOfTheJdkTypesItDoesNotImplement() {
    String tasks =
        """
        package p;
        class Tasks {
          final java.util.List<Object> all = new java.util.ArrayList<>();
          Tasks() { all.add(new Feed()); }
          synchronized void stopTimers() {
            for (Object o : all) { if (o instanceof java.util.TimerTask) { ((java.util.TimerTask) o).cancel(); } }
          }
        }
        class Tick extends java.util.TimerTask {
          public void run() { }
          @Override public boolean cancel() { synchronized (Registry.LOCK) { } return true; }
        }
        class Feed implements java.util.concurrent.Flow.Subscription {
          public void request(long n) { }
          public void cancel() { synchronized (Registry.LOCK) { } }
        }
        class Registry {
          static final Object LOCK = new Object();
          static Tasks tasks;
          static void reset() { synchronized (LOCK) { tasks.stopTimers(); } }
        }
        """;
    assertEquals(List.of(), findings(sources("p/Tasks.java", tasks)));
    assertCycle(
        findings(sources("p/Tasks.java", tasks.replace("all.add(new Feed());", "all.add(new Tick());"))),
        "Tasks", "Registry.LOCK");
  }

  /**
   * A collection field holds what is added to it: listeners notified under a lock run only the
   * listener classes the program adds, not another whose lock order closes a cycle.
   */
  @Test
  void aCollectionHoldsOnlyWhatIsAddedToIt() {
    String bus =
        """
        package p;
        import java.util.ArrayList;
        import java.util.List;
        interface Listener { void fire(Bus bus); }
        class Quiet implements Listener { public void fire(Bus bus) { } }
        class Loud implements Listener { public synchronized void fire(Bus bus) { bus.count(); } }
        class Bus {
          private final List<Listener> listeners = new ArrayList<>();
          void register(Listener listener) { listeners.add(listener); }
          synchronized void publish() { for (Listener listener : listeners) { listener.fire(this); } }
          synchronized void count() { }
          static void wire(Bus bus) { bus.register(new Quiet()); }
        }
        """;
    assertEquals(List.of(), findings(sources("p/Bus.java", bus)));
    assertCycle(findings(sources("p/Bus.java", bus.replace("new Quiet()", "new Loud()"))), "Bus", "Loud");
  }

  /**
   * One object has one type in one acquisition, whichever static type each place names it by: a
   * pooled object locked as the interface and then by an inherited synchronized method is one
   * object of one class, not the two classes that would order the pooled objects both ways.
   */
  @Test
  void oneObjectLockedUnderTwoStaticTypesHasOneType() {
    String pooled =
        """
        package p;
        interface Pooled { void invalidate(); }
        class DefaultPooled implements Pooled { public synchronized void invalidate() { } }
        class SoftPooled extends DefaultPooled { }
        class Pool {
          void destroy(Pooled outer, Pooled inner) { synchronized (outer) { synchronized (inner) { inner.invalidate(); } } }
        }
        """;
    List<String> found = findings(sources("p/Pooled.java", pooled));
    assertTrue(found.stream().noneMatch(f -> f.contains("[LockOrderInversion]")), found::toString);
  }

  /**
   * A JDK method called on an object the program keeps in a collection runs the override of the
   * types that flow there: a logger formats its pending messages under its appender's lock, and an
   * inventory that logs itself is formatted by its own synchronized {@code toString()}. A message
   * of a final library type (a {@code String}) runs none of the program's overrides: {@link
   * #aJdkMethodRunsTheProgramsOverrideWhenTheObjectFlowsThere} stays one finding.
   */
  @Test
  void aJdkMethodRunsTheOverrideOfTheTypesThatFlowToItsReceiver() {
    String logger =
        """
        package p;
        import java.util.ArrayList;
        import java.util.List;
        class Logger {
          final Object appender = new Object();
          private final List<Object> pending = new ArrayList<>();
          void log(Object message) { pending.add(message); }
          void flush() { synchronized (appender) { for (Object message : pending) { message.toString(); } } }
        }
        """;
    String inventory =
        """
        package p;
        class Inventory {
          private final Logger logger = new Logger();
          synchronized void restock() { logger.flush(); }
          void audit() { logger.log(this); }
          @Override public synchronized String toString() { return "inventory"; }
        }
        """;
    List<String> found = findings(sources("p/Logger.java", logger, "p/Inventory.java", inventory));
    // Also lockdep's AA: restocking one inventory may format another that logged itself.
    assertTrue(
        found.stream().anyMatch(f -> f.contains("[LockOrderInversion]") && f.contains("Logger.appender -> Inventory")),
        found::toString);
  }

  /**
   * A class implements an interface's method with one it inherits from a superclass that does not
   * implement the interface (JLS 8.4.8): a call through the interface runs the inherited body.
   */
  @Test
  void aCallThroughAnInterfaceRunsTheMethodInheritedFromASuperclassOutsideIt() {
    String sources =
        """
        package p;
        interface Pooled { void extensions(); }
        class Base { synchronized void close() { Registry.closed(); } public synchronized void extensions() { } }
        class Combo extends Base implements Pooled { }
        final class Registry {
          static synchronized void closed() { }
          static synchronized void lookup(Pooled pooled) { pooled.extensions(); }
        }
        """;
    assertCycle(findings(sources("p/Pooled.java", sources)), "Combo", "Registry.class");
  }

  /**
   * An object that registers a callback of its own with what its field names ({@code
   * this.metadata.addListener(new Listener() { ... })}, the field set by its constructor) points
   * back at it through that field: the subject notifying its listeners under its monitor, called
   * back through {@code metadata}, re-enters its own monitor. A callback registered with another
   * subject takes this one's monitor under that one's: lockdep's AA.
   */
  @Test
  void aCallbackRegisteredWithWhatItsOuterKeepsPointsBackAtIt() {
    String coordinator =
        """
        package p;
        import java.util.ArrayList;
        import java.util.List;
        class Metadata {
          interface Listener { void onUpdate(); }
          private final List<Listener> listeners = new ArrayList<>();
          synchronized void addListener(Listener listener) { listeners.add(listener); }
          synchronized void update() { for (Listener listener : listeners) listener.onUpdate(); }
          synchronized void requestUpdate() { }
        }
        class Coordinator {
          private final Metadata metadata;
          Coordinator(Metadata metadata) { this.metadata = metadata; addMetadataListener(); }
          private void addMetadataListener() {
            this.metadata.addListener(new Metadata.Listener() {
              @Override public void onUpdate() { metadata.requestUpdate(); }
            });
          }
        }
        class Client {
          final Metadata metadata = new Metadata();
          final Coordinator coordinator = new Coordinator(metadata);
          void poll() { metadata.update(); }
        }
        """;
    assertEquals(List.of(), findings(sources("p/Coordinator.java", coordinator)));
    String other = coordinator
        .replace("Coordinator(Metadata metadata) { this.metadata = metadata; addMetadataListener(); }",
            "Coordinator(Metadata metadata, Metadata other) { this.metadata = metadata; addMetadataListener(other); }")
        .replace("private void addMetadataListener() {\n    this.metadata.addListener(",
            "private void addMetadataListener(Metadata other) {\n    other.addListener(")
        .replace("new Coordinator(metadata)", "new Coordinator(metadata, new Metadata())");
    assertTrue(other.contains("other.addListener(") && other.contains("new Coordinator(metadata, new Metadata())"), other);
    List<String> found = findings(sources("p/Coordinator.java", other));
    assertTrue(found.stream().anyMatch(f -> f.contains("[RecursiveLocking]")), found::toString);
    // A final subject's addListener runs no override, and is a registration all the same.
    String finalSubject = coordinator.replace("class Metadata {", "final class Metadata {");
    assertTrue(finalSubject.contains("final class Metadata {"), finalSubject);
    assertEquals(List.of(), findings(sources("p/Coordinator.java", finalSubject)));
    found = findings(sources("p/Coordinator.java", other.replace("class Metadata {", "final class Metadata {")));
    assertTrue(found.stream().anyMatch(f -> f.contains("[RecursiveLocking]")), found::toString);
  }

  /**
   * An inner object its outer object creates and keeps in a field ({@code heartbeat = new
   * Heartbeat();}) has that object as its enclosing instance: the outer's monitor, held while it
   * calls the inner object, is re-entered by {@code synchronized (Coordinator.this)}, also when the
   * outer object is of a subclass. One the field is handed by another outer object is that one's.
   */
  @Test
  void anInnerObjectItsOuterKeepsIsItsOwn() {
    String coordinator =
        """
        package p;
        abstract class Coordinator {
          private Heartbeat heartbeat = null;
          private synchronized void start() {
            if (heartbeat == null) { heartbeat = new Heartbeat(); heartbeat.start(); }
          }
          synchronized void disableHeartbeat() { if (heartbeat != null) heartbeat.disable(); }
          private class Heartbeat extends Thread {
            boolean enabled;
            void disable() { synchronized (Coordinator.this) { enabled = false; } }
            @Override public void run() { synchronized (Coordinator.this) { enabled = true; } }
          }
        }
        class Consumer extends Coordinator { }
        """;
    assertEquals(List.of(), findings(sources("p/Coordinator.java", coordinator)));
    String handed = coordinator.replace(
        "synchronized void disableHeartbeat()",
        "void handOver(Coordinator other) { other.adopt(new Heartbeat()); }\n"
            + "  synchronized void adopt(Heartbeat given) { heartbeat = given; }\n  synchronized void disableHeartbeat()");
    assertTrue(handed.contains("other.adopt(new Heartbeat())"), handed);
    List<String> found = findings(sources("p/Coordinator.java", handed));
    assertTrue(found.stream().anyMatch(f -> f.contains("[RecursiveLocking]")), found::toString);
  }

  /**
   * An inner object its outer object creates and hands to a method of its own, which keeps it in a
   * field ({@code executeStatement(new StmtExecCmd())}, then {@code lastCommand = command}), is the
   * outer object's own too: a statement closing its last command under its lock, whose response
   * counts a result on {@code Statement.this}, re-enters that lock, also for a subclass's commands.
   * One handed to another object's method is that object's to keep, and the lock taken through it
   * is another statement's: reported, also where the statement class has subclasses (its
   * enclosing instance is no wrapper's delegate, whose class could not be the one on the chain).
   */
  @Test
  void anInnerObjectItsOuterHandsToItsOwnMethodIsItsOwn() {
    String statement =
        """
        package p;
        import java.util.concurrent.locks.ReentrantLock;
        abstract class Command {
          abstract void process();
          void close() { process(); }
        }
        class Statement {
          private final ReentrantLock lock = new ReentrantLock();
          private Command last;
          private int results;
          final void execute(Command command) { last = command; }
          void executeQuery() { execute(new QueryCommand()); }
          void countResult() { lock.lock(); try { results++; } finally { lock.unlock(); } }
          void close() {
            lock.lock();
            try { if (last != null) last.close(); } finally { lock.unlock(); }
          }
          private final class QueryCommand extends Command {
            @Override void process() { countResult(); }
          }
        }
        class Prepared extends Statement {
          void executeBatch() { execute(new BatchCommand()); }
          private final class BatchCommand extends Command {
            @Override void process() { countResult(); }
          }
        }
        """;
    assertEquals(List.of(), findings(sources("p/Statement.java", statement)));
    String lent = statement.replace(
        "void executeQuery() { execute(new QueryCommand()); }",
        "void executeQuery() { execute(new QueryCommand()); }\n  void lend(Statement other) { other.execute(new QueryCommand()); }");
    assertTrue(lent.contains("other.execute(new QueryCommand())"), lent);
    List<String> found = findings(sources("p/Statement.java", lent));
    assertTrue(found.stream().anyMatch(f -> f.contains("[RecursiveLocking]")), found::toString);
  }

  /**
   * A lambda kept in a map and called later runs no class's implementation of its interface: a
   * registry making a singleton under its lock with a factory out of its map, which holds only
   * lambdas, does not run {@code Lookup.create()}, which asks a registry for a bean. Where the map
   * also holds a lookup into a parent registry, the parent's lock is taken under the child's:
   * lockdep's AA.
   */
  @Test
  void aLambdaKeptAndCalledLaterRunsNoClassOfItsInterface() {
    String registry =
        """
        package p;
        import java.util.HashMap;
        import java.util.Map;
        interface Factory { Object create(); }
        class Registry {
          private final Map<String, Factory> factories = new HashMap<>();
          private final Map<String, Object> singletons = new HashMap<>();
          void register(String name, Factory factory) { factories.put(name, factory); }
          void registerEarly(String name) { register(name, () -> new Object()); }
          Object get(String name) {
            synchronized (singletons) {
              Object made = singletons.get(name);
              if (made == null) {
                made = factories.get(name).create();
                singletons.put(name, made);
              }
              return made;
            }
          }
        }
        class Lookup implements Factory {
          private final Registry registry;
          Lookup(Registry registry) { this.registry = registry; }
          @Override public Object create() { return registry.get("target"); }
        }
        """;
    assertEquals(List.of(), findings(sources("p/Registry.java", registry)));
    String linked = registry.replace(
        "Object get(String name) {",
        "void link(String name, Registry parent) { register(name, new Lookup(parent)); }\n  Object get(String name) {");
    assertTrue(linked.contains("new Lookup(parent)"), linked);
    List<String> found = findings(sources("p/Registry.java", linked));
    assertTrue(found.stream().anyMatch(f -> f.contains("[RecursiveLocking]")), found::toString);
  }

  /**
   * An inner object that hands itself to its outer ({@code Pool.this.enqueue(this)}), which keeps
   * it in a list, is the outer's own: a pool shutting down under its lock cancels its pending
   * leases, whose {@code cancel()} takes {@code Pool.this.lock}, the lock held: a re-entry. Where a
   * pool also keeps a lease another pool made ({@code pending.add(other.lease())}), the lease's
   * enclosing instance may be the other pool: lockdep's AA.
   */
  @Test
  void anInnerObjectThatHandsItselfToItsOuterIsItsOwn() {
    String pool =
        """
        package p;
        import java.util.LinkedList;
        import java.util.concurrent.locks.ReentrantLock;
        interface Lease { void cancel(); void await(); }
        class Pool {
          private final ReentrantLock lock = new ReentrantLock();
          private final LinkedList<Lease> pending = new LinkedList<>();
          Lease lease() {
            return new Lease() {
              @Override public void cancel() { lock.lock(); try { } finally { lock.unlock(); } }
              @Override public void await() { enqueue(this); }
            };
          }
          void enqueue(Lease lease) { lock.lock(); try { pending.add(lease); } finally { lock.unlock(); } }
          void shutdown() {
            lock.lock();
            try { for (Lease lease : pending) lease.cancel(); } finally { lock.unlock(); }
          }
        }
        """;
    assertEquals(List.of(), findings(sources("p/Pool.java", pool)));
    String adopting = pool.replace(
        "void shutdown() {", "void adopt(Pool other) { pending.add(other.lease()); }\n  void shutdown() {");
    assertTrue(adopting.contains("pending.add(other.lease())"), adopting);
    List<String> found = findings(sources("p/Pool.java", adopting));
    assertTrue(found.stream().anyMatch(f -> f.contains("[RecursiveLocking]")), found::toString);
  }

  /**
   * A lock taken again through a call leaves the held stack as it was: a pool's {@code evict()}
   * holds its monitor, then its {@code buckets}, and calls its own {@code synchronized release()},
   * which takes the registry's lock. The re-entered monitor waits for nothing; {@code buckets} is
   * what is held last while the registry's lock is awaited. With the registry touching the pool's
   * buckets under its lock, lockdep's ABBA; with the registry touching them first, silent.
   */
  @Test
  void aLockTakenAgainLeavesTheHeldStackAsItWas() {
    String pool =
        """
        package p;
        class Registry {
          final Object lock = new Object();
          void register(Pool pool) { synchronized (lock) { pool.touch(); } }
        }
        class Pool {
          private final Object buckets = new Object();
          private final Registry registry;
          Pool(Registry registry) { this.registry = registry; }
          synchronized void evict() { synchronized (buckets) { release(); } }
          synchronized void release() { synchronized (registry.lock) { } }
          void touch() { synchronized (buckets) { } }
        }
        """;
    List<String> found = findings(sources("p/Pool.java", pool));
    assertTrue(
        found.stream().anyMatch(f -> f.contains("[LockOrderInversion]") && f.contains("Pool.buckets -> Registry.lock")),
        found::toString);
    String ordered = pool.replace(
        "synchronized (lock) { pool.touch(); }", "pool.touch(); synchronized (lock) { }");
    assertTrue(ordered.contains("pool.touch(); synchronized (lock)"), ordered);
    assertEquals(List.of(), findings(sources("p/Pool.java", ordered)));
  }

  /**
   * A back-pointer that some owner sets with {@code this} ({@code new Stream(this)}) points back
   * also where other streams are made for an object the flow cannot follow, known only by its type
   * (the channel a library callback hands over): a channel holding its monitor while it updates one
   * of its streams, which notifies {@code getChannel()}, re-enters its own monitor. Where no owner
   * sets it with {@code this}, the field is no back-pointer and the notify takes another channel's
   * monitor: lockdep's AA.
   */
  @Test
  void aBackPointerAlsoSetForObjectsTheFlowCannotFollowPointsBack() {
    String channel =
        """
        package p;
        import java.util.HashMap;
        import java.util.Map;
        import java.util.function.Consumer;
        class Channel {
          private final Map<Integer, Stream> streams = new HashMap<>();
          synchronized void receive(int id) {
            Stream stream = streams.get(id);
            if (stream != null) stream.update();
          }
          synchronized void notifyAllowed() { }
          void open(int id) { streams.put(id, new Stream(this)); }
        }
        class Stream {
          private final Channel channel;
          Stream(Channel channel) { this.channel = channel; }
          Channel getChannel() { return channel; }
          void update() { getChannel().notifyAllowed(); }
        }
        class Connection implements Consumer<Channel> {
          @Override public void accept(Channel handedOver) { new Stream(handedOver).update(); }
        }
        """;
    assertEquals(List.of(), findings(sources("p/Channel.java", channel)));
    String foreign = channel.replace("new Stream(this)", "new Stream(new Channel())");
    assertTrue(foreign.contains("streams.put(id, new Stream(new Channel()))"), foreign);
    List<String> found = findings(sources("p/Channel.java", foreign));
    assertTrue(found.stream().anyMatch(f -> f.contains("[RecursiveLocking]")), found::toString);
  }

  /**
   * Each call of a factory that returns a new library object ({@code return new ArrayList<>(4);})
   * is a collection of its own: what one field's list is given does not reach another list the
   * same factory made, through the factory's single return.
   */
  @Test
  void aFactorysCollectionsAreOneEach() {
    String runner =
        """
        package p;
        import java.util.ArrayList;
        import java.util.List;
        final class Lists { static <E> List<E> newList() { return new ArrayList<>(4); } }
        interface Item { void run(); }
        class Quiet implements Item { public void run() { } }
        class Loud implements Item {
          final Object lock = new Object();
          public void run() { synchronized (lock) { } }
          void report(Runner runner) { synchronized (lock) { runner.runAll(); } }
        }
        class Runner {
          final List<Item> items = Lists.newList();
          void add() { items.add(new Quiet()); }
          synchronized void runAll() { for (Item item : items) item.run(); }
        }
        class Other {
          final List<Item> items = Lists.newList();
          void add() { items.add(new Loud()); }
        }
        """;
    assertEquals(List.of(), findings(sources("p/Runner.java", runner)));
    String loud = runner.replace("void add() { items.add(new Quiet()); }", "void add() { items.add(new Quiet()); items.add(new Loud()); }");
    assertTrue(loud.contains("items.add(new Quiet()); items.add(new Loud());"), loud);
    List<String> found = findings(sources("p/Runner.java", loud));
    assertTrue(found.stream().anyMatch(f -> f.contains("the cycle Runner -> Loud.lock -> Runner")), found::toString);
  }

  /**
   * An array's copy ({@code listeners.clone()}) holds what the array holds, and a String made from
   * an object ({@code String.valueOf(args[i])}, {@code a.toString()}) holds nothing of it: a
   * formatter that copies its arguments and overwrites them with their texts, given an element of
   * a list, does not make the list's elements unknown, which would run every {@code Item}.
   */
  @Test
  void anArraysCopyHoldsItsElementsAndATextHoldsNothing() {
    String runner =
        """
        package p;
        import java.util.ArrayList;
        import java.util.List;
        interface Item { void run(); }
        class Quiet implements Item { public void run() { } }
        class Loud implements Item {
          final Object lock = new Object();
          public void run() { synchronized (lock) { } }
          void report(Runner runner, Journal journal) {
            synchronized (lock) { runner.runAll(); runner.runCopies(); journal.replay(); }
          }
        }
        final class Messages {
          static String format(String text, Object... arguments) {
            arguments = arguments.clone();
            for (int i = 0; i < arguments.length; i++) {
              Object a = arguments[i];
              String s = a == null ? "null" : a.toString();
              arguments[i] = s.length() > 10 ? s.substring(0, 10) + "..." : s;
            }
            return java.text.MessageFormat.format(text, arguments);
          }
        }
        class Runner {
          final List<Item> items = new ArrayList<>();
          Item[] copies = new Item[0];
          void add() { items.add(new Quiet()); copies = new Item[] {new Quiet()}; }
          String describe() { return Messages.format("first {0}", items.get(0)); }
          synchronized void runAll() { for (Item item : items) item.run(); }
          synchronized void runCopies() { for (Item item : copies.clone()) item.run(); }
        }
        class Journal implements java.util.function.Consumer<Object> {
          final Object[] entries = new Object[8];
          void add() { entries[0] = new Quiet(); }
          // Code outside may pass anything: the text of it is no program object.
          public void accept(Object event) { entries[1] = String.valueOf(event); }
          synchronized void replay() { for (Object entry : entries) if (entry != null) ((Item) entry).run(); }
        }
        """;
    assertEquals(List.of(), findings(sources("p/Runner.java", runner)));
    String loud = runner.replace("copies = new Item[] {new Quiet()};", "copies = new Item[] {new Loud()};");
    assertTrue(loud.contains("{new Loud()}"), loud);
    List<String> found = findings(sources("p/Runner.java", loud));
    assertTrue(found.stream().anyMatch(f -> f.contains("Runner -> Loud.lock -> Runner")), found::toString);
    String loudJournal = runner.replace("entries[0] = new Quiet();", "entries[0] = new Loud();");
    assertTrue(loudJournal.contains("entries[0] = new Loud();"), loudJournal);
    found = findings(sources("p/Runner.java", loudJournal));
    assertTrue(found.stream().anyMatch(f -> f.contains("Journal -> Loud.lock -> Journal")), found::toString);
  }

  /**
   * What the type flow cannot follow into a parameter declared of a program type is an object of
   * that type: kept in a configuration map beside the store's {@code this}, and cast back out into
   * a parameter of another type, it is none of it. The table's {@code store} stays a back-pointer,
   * and the store's monitor taken again through it is a re-entry. An unknown object that may be
   * anything (passed as an {@code Object}), kept in the field as an {@code Object} straight from
   * the map, makes it no back-pointer: lockdep's AA.
   */
  @Test
  void anUnknownObjectOfAParametersTypeIsOfThatType() {
    String store =
        """
        package p;
        import java.util.HashMap;
        import java.util.Map;
        import java.util.function.Consumer;
        interface Codec { }
        class Codecs implements Consumer<Codec> {
          Codec last;
          // Code outside may pass any codec.
          public void accept(Codec codec) { last = codec; }
        }
        class Store {
          final Codecs codecs = new Codecs();
          synchronized void commit() { }
          Table meta() { return new Table(this); }
          synchronized void open() { Tables.create(this, new HashMap<>()).write(); }
        }
        final class Tables {
          static Table create(Store store, Map<String, Object> config) {
            config.put("store", store);
            config.put("codec", store.codecs.last);
            return new Table(config);
          }
        }
        class Table {
          final Store store;
          Table(Map<String, Object> config) { this((Store) config.get("store")); }
          Table(Store store) { this.store = store; }
          void write() { store.commit(); }
        }
        """;
    assertEquals(List.of(), findings(sources("p/Store.java", store)));
    String anything =
        store.replace("class Codecs implements Consumer<Codec> {", "class Codecs implements Consumer<Object> {")
            .replace("Codec last;", "Object last;")
            .replace("public void accept(Codec codec)", "public void accept(Object codec)")
            .replace("final Store store;", "final Object store;")
            .replace("this((Store) config.get(\"store\"));", "this.store = config.get(\"store\");")
            .replace("void write() { store.commit(); }", "void write() { ((Store) store).commit(); }");
    assertTrue(
        anything.contains("accept(Object codec)") && anything.contains("this.store = config.get(\"store\");")
            && anything.contains("((Store) store).commit()"),
        anything);
    List<String> found = findings(sources("p/Store.java", anything));
    assertTrue(found.stream().anyMatch(f -> f.contains("[RecursiveLocking]") && f.contains("Store")), found::toString);
  }

  /**
   * An object of an anonymous class that the type flow brings to a receiver runs its override
   * there, with the other types the flow brings: a bus whose listener is a named quiet listener or
   * an anonymous one that saves the store publishes under its monitor into the store's, against
   * the order {@code flush} takes them in. An anonymous listener the bus never keeps runs nowhere.
   */
  @Test
  void anAnonymousObjectTheFlowBringsRunsAmongTheOtherTypes() {
    String bus =
        """
        package p;
        interface Listener { void fire(); }
        class Quiet implements Listener { public void fire() { } }
        class Bus {
          Listener listener;
          void quiet() { listener = new Quiet(); }
          void loud() { listener = new Listener() { public void fire() { Store.save(); } }; }
          synchronized void publish() { listener.fire(); }
        }
        class Store {
          static synchronized void save() { }
          static synchronized void flush(Bus bus) { bus.publish(); }
        }
        """;
    assertCycle(findings(sources("p/Bus.java", bus)), "Bus", "Store");
    String notKept =
        bus.replace("{ listener = new Listener() {", "{ Listener other = new Listener() {")
            .replace("Store.save(); } }; }", "Store.save(); } }; other.toString(); }");
    assertTrue(notKept.contains("other.toString()"), notKept);
    assertEquals(List.of(), findings(sources("p/Bus.java", notKept)));
  }

  /**
   * A wrapper the type flow brings to a receiver runs there: it is not a guess. A manager that
   * hands each call to the manager it wraps (Groovy's thresholded reference manager) is one of two
   * managers a bundle may hold; the flushing manager it wraps saves the store, under the bundle's
   * monitor, against the order {@code flush} takes them in. A wrapper that hands nothing on runs
   * nothing.
   */
  @Test
  void aWrapperTheFlowBringsRunsItsMethod() {
    String bundle =
        """
        package p;
        class Manager { void created() { } }
        class Flushing extends Manager {
          @Override void created() { Store.save(); }
        }
        class Idling extends Manager {
          final Manager next;
          Idling(Manager next) { this.next = next; }
          @Override void created() { next.created(); }
        }
        class Bundle {
          Manager manager;
          void init() { manager = new Idling(new Flushing()); }
          void off() { manager = new Manager(); }
          synchronized void add() { manager.created(); }
        }
        class Store {
          static synchronized void save() { }
          static synchronized void flush(Bundle bundle) { bundle.add(); }
        }
        """;
    assertCycle(findings(sources("p/Bundle.java", bundle)), "Bundle", "Store");
    String idleOnly = bundle.replace("@Override void created() { next.created(); }", "@Override void created() { next.hashCode(); }");
    assertTrue(!idleOnly.equals(bundle), idleOnly);
    assertEquals(List.of(), findings(sources("p/Bundle.java", idleOnly)));
  }

  /**
   * A local reassigned along a decorator chain ({@code t = new Mutex(t); t = new Correlator(t);},
   * a transport factory) holds, where it is read, only the values assigned before the read: the
   * mutex wraps the socket, the correlator wraps the mutex, and neither wraps the other's class
   * the other way round. Built in a loop, a decorator may wrap one of its own kind or the other,
   * and the two monitors are ordered both ways: lockdep's report.
   */
  @Test
  void aLocalHoldsOnlyTheValuesAssignedBeforeItIsRead() {
    String transports =
        """
        package p;
        interface Transport { void send(); }
        class Socket implements Transport { public void send() { } }
        class Mutex implements Transport {
          final Transport next;
          Mutex(Transport next) { this.next = next; }
          public synchronized void send() { next.send(); }
        }
        class Correlator implements Transport {
          final Transport next;
          Correlator(Transport next) { this.next = next; }
          public synchronized void send() { next.send(); }
        }
        class Factory {
          static Transport create(String uri) {
            Transport t = new Socket();
            t = new Mutex(t);
            t = new Correlator(t);
            return t;
          }
        }
        class Connection {
          final Transport transport = Factory.create("tcp://");
          void send() { transport.send(); }
        }
        """;
    assertEquals(List.of(), findings(sources("p/Transport.java", transports)));
    String inALoop =
        transports.replace(
            """
                t = new Mutex(t);
                t = new Correlator(t);
            """,
            """
                for (String part : uri.split("/")) {
                  t = part.isEmpty() ? new Mutex(t) : new Correlator(t);
                }
            """);
    assertTrue(!inALoop.equals(transports), inALoop);
    assertCycle(findings(sources("p/Transport.java", inALoop)), "Mutex", "Correlator");
  }

  /**
   * Log4j's life cycles: {@code stop()} of an {@code AbstractLifeCycle} calls {@code stop(timeout)}
   * on itself.
   */
  private static final String LIFE_CYCLES =
      """
      package p;
      interface LifeCycle { void stop(); }
      interface LifeCycle2 extends LifeCycle { boolean stop(long timeout); }
      abstract class AbstractLifeCycle implements LifeCycle2 {
        public void stop() { stop(30); }
        public boolean stop(long timeout) { return true; }
      }
      """;

  /**
   * A logger context that holds its configuration lock while it runs {@code stop} (after its
   * {@code fields}), and a subclass whose {@code stop(timeout)} is the context's: the context's
   * {@code stop} reached from {@code stop} is lockdep's AA on the lock.
   */
  private static String loggerContext(String fields, String stop) {
    return """
        class Context extends AbstractLifeCycle {
          final java.util.concurrent.locks.ReentrantLock configLock = new java.util.concurrent.locks.ReentrantLock();
          %s
          @Override public boolean stop(long timeout) {
            configLock.lock();
            try { %s } finally { configLock.unlock(); }
            return true;
          }
        }
        class AsyncContext extends Context {
          AsyncContext() throws Exception { }
          @Override public boolean stop(long timeout) { return super.stop(timeout); }
        }
        """
        .formatted(fields, stop);
  }

  /** Asserts that {@code program} (after {@link #LIFE_CYCLES}) is silent, and {@code twin} the context's AA. */
  private static void assertContextReentersOnlyIn(String program, String twin) {
    assertTrue(!twin.equals(program), twin);
    assertEquals(List.of(), findings(sources("p/LifeCycle.java", LIFE_CYCLES + program)));
    List<String> found = findings(sources("p/LifeCycle.java", LIFE_CYCLES + twin));
    assertEquals(1, found.size(), found::toString);
    assertTrue(found.get(0).contains("[RecursiveLocking]") && found.get(0).contains("Context.configLock"), found::toString);
  }

  /**
   * An object the flow knows only as of a type (a filter field set from what reflection made, a
   * plugin), called as another of its interfaces ({@code ((LifeCycle2) filter).stop(t)}), is of
   * both: only the filters run, not the logger context that implements the other interface too,
   * whose {@code stop} locks its configuration lock and stops the filters under it. Held as an
   * {@code Object}, the field may be anything: the context's {@code stop} runs there, under
   * another context's lock, lockdep's AA.
   */
  @Test
  void anUnknownObjectOfAKnownTypeCalledAsAnotherIsOfBoth() {
    String filters =
        """
        interface Filter extends LifeCycle { }
        class ThresholdFilter extends AbstractLifeCycle implements Filter { }
        class Filterable {
          private final Filter filter;
          Filterable(Filter filter) { this.filter = filter; }
          static Filterable create() throws Exception {
            return new Filterable((Filter) Class.forName("p.ThresholdFilter").getDeclaredConstructor().newInstance());
          }
          boolean stop(long timeout) {
            if (filter instanceof LifeCycle2) { return ((LifeCycle2) filter).stop(timeout); }
            return true;
          }
        }
        """
            + loggerContext(
                "final Filterable configuration; Context() throws Exception { configuration = Filterable.create(); }",
                "configuration.stop(timeout);");
    assertContextReentersOnlyIn(
        filters,
        filters.replace("private final Filter filter;", "private final Object filter;")
            .replace("Filterable(Filter filter)", "Filterable(Object filter)"));
  }

  /**
   * A cast's operand is of its declared type whatever else the flow merged into it: a
   * configuration's components, kept as {@code Object}s with a logger context registered among
   * them, are each cast to {@code Appender} and then stopped as {@code LifeCycle2}; only the
   * appenders run, not the context that implements {@code LifeCycle2} too. Cast from the {@code
   * Object} itself, the context may be there: lockdep's AA on its configuration lock.
   */
  @Test
  void aCastsOperandIsOfItsDeclaredType() {
    String components =
        """
        interface Appender { }
        class FileAppender extends AbstractLifeCycle implements Appender { }
        class Configuration {
          final java.util.List<Object> components = new java.util.ArrayList<>();
          Configuration() { components.add(new FileAppender()); }
          void register(Object component) { components.add(component); }
          void stop(long timeout) {
            for (Object component : components) {
              if (component instanceof Appender) {
                Appender appender = (Appender) component;
                if (appender instanceof LifeCycle2) { ((LifeCycle2) appender).stop(timeout); }
              }
            }
          }
        }
        class Main {
          static void start(Configuration configuration) throws Exception { configuration.register(new AsyncContext()); }
        }
        """
            + loggerContext("final Configuration configuration = new Configuration();", "configuration.stop(timeout);");
    assertContextReentersOnlyIn(
        components,
        components.replace("((LifeCycle2) appender).stop(timeout);", "((LifeCycle2) component).stop(timeout);"));
  }

  /**
   * An inherited body run for a receiver the caller knows only as of an interface keeps that
   * bound for its own calls on {@code this}, though its class is of another branch: {@code
   * AbstractLifeCycle.stop()} run for a {@code Configuration} (of two classes, so no one type)
   * calls {@code stop(timeout)} of configurations only, not the logger context's, which locks its
   * configuration lock. A receiver known only as a {@code LifeCycle} may be the context: lockdep's
   * AA.
   */
  @Test
  void anInheritedBodyKeepsItsReceiversBoundForCallsOnThis() {
    String configurations =
        """
        interface Configuration extends LifeCycle { }
        class XmlConfiguration extends AbstractLifeCycle implements Configuration { }
        class JsonConfiguration extends AbstractLifeCycle implements Configuration { }
        """
            + loggerContext(
                """
                final Configuration configuration;
                Context() throws Exception {
                  configuration = (Configuration) Class.forName("p.XmlConfiguration").getDeclaredConstructor().newInstance();
                }
                """,
                "configuration.stop();");
    assertContextReentersOnlyIn(
        configurations,
        configurations.replace("final Configuration configuration;", "final LifeCycle configuration;")
            .replace("configuration = (Configuration) Class", "configuration = (LifeCycle) Class"));
  }

  /**
   * What a receiver is known to be besides its static type bounds the {@code this} of an
   * inherited body run for it: a manager replacing its triggering policy stops the old one as a
   * {@code LifeCycle}, which runs {@code AbstractLifeCycle.stop()} for the policies, and its {@code
   * stop(timeout)} on {@code this} runs the policies' only, not the logger context's, which locks
   * its configuration lock. A policy kept as an {@code Object} may be the context: lockdep's AA.
   */
  @Test
  void anInheritedBodyRunForABoundedReceiverKeepsTheBoundOnThis() {
    String policies =
        """
        interface TriggeringPolicy { }
        class SizePolicy extends AbstractLifeCycle implements TriggeringPolicy { }
        class TimePolicy extends AbstractLifeCycle implements TriggeringPolicy { }
        class Manager {
          private TriggeringPolicy policy;
          Manager() throws Exception {
            policy = (TriggeringPolicy) Class.forName("p.SizePolicy").getDeclaredConstructor().newInstance();
          }
          void replace() {
            TriggeringPolicy old = policy;
            policy = null;
            if (old instanceof LifeCycle) { ((LifeCycle) old).stop(); }
          }
        }
        """
            + loggerContext("final Manager manager; Context() throws Exception { manager = new Manager(); }", "manager.replace();");
    assertContextReentersOnlyIn(
        policies,
        policies.replace("private TriggeringPolicy policy;", "private Object policy;")
            .replace("policy = (TriggeringPolicy) Class", "policy = (Object) Class")
            .replace("TriggeringPolicy old = policy;", "Object old = policy;"));
  }

  /**
   * The monitor of a body run for a receiver known only by a bound (a logger config out of a map
   * the flow cannot follow, whose inherited {@code synchronized addFilter} is its filterable's) is
   * of a type of that bound: not the configuration whose monitor is held, which is filterable
   * too. Known only as a filterable, the object may be a configuration: lockdep's AA.
   */
  @Test
  void aMonitorOfAReceiverKnownByABoundIsOfATypeOfTheBound() {
    String configurations =
        """
        package p;
        import java.util.*;
        abstract class AbstractFilterable {
          private final List<Object> filters = new ArrayList<>();
          public synchronized void addFilter(Object filter) { filters.add(filter); }
        }
        abstract class AbstractConfiguration extends AbstractFilterable {
          private Map<String, LoggerConfig> loggerConfigs = new HashMap<>();
          @SuppressWarnings("unchecked")
          void load(String type) throws Exception {
            loggerConfigs = (Map<String, LoggerConfig>) Class.forName(type).getDeclaredConstructor().newInstance();
          }
          LoggerConfig getLoggerConfig(String name) { return loggerConfigs.get(name); }
          public synchronized void addLoggerFilter(String name, Object filter) {
            LoggerConfig lc = getLoggerConfig(name);
            lc.addFilter(filter);
          }
        }
        class XmlConfiguration extends AbstractConfiguration { }
        class JsonConfiguration extends AbstractConfiguration { }
        class LoggerConfig extends AbstractFilterable { }
        class AsyncLoggerConfig extends LoggerConfig { }
        """;
    assertEquals(List.of(), findings(sources("p/AbstractFilterable.java", configurations)));
    String anyFilterable =
        configurations
            .replace("Map<String, LoggerConfig>", "Map<String, AbstractFilterable>")
            .replace("LoggerConfig getLoggerConfig", "AbstractFilterable getLoggerConfig")
            .replace("LoggerConfig lc =", "AbstractFilterable lc =");
    assertTrue(!anyFilterable.equals(configurations), anyFilterable);
    List<String> found = findings(sources("p/AbstractFilterable.java", anyFilterable));
    assertEquals(1, found.size(), found::toString);
    assertTrue(found.get(0).contains("[RecursiveLocking]"), found.get(0));
  }

  /**
   * An anonymous object passed to library code may come back where the flow does not follow:
   * a holder made by reflection ({@code getConstructor(...).newInstance(compute)}, Groovy's class
   * values) keeps the anonymous computation its constructor was given, and calls it under its
   * monitor; the computation locks the registry, against the order {@code refresh} takes them in.
   * An anonymous computation that never leaves the program's sight runs nowhere unknown.
   */
  @Test
  void anAnonymousObjectPassedToLibraryCodeMayBeAnyUnknownReceiver() {
    String registry =
        """
        package p;
        interface Compute { Object compute(Object key); }
        class Holder {
          private final Compute compute;
          public Holder(Compute compute) { this.compute = compute; }
          synchronized Object get(Object key) { return compute.compute(key); }
        }
        class Registry {
          private Holder holder;
          void init() throws Exception {
            holder = (Holder) Holder.class.getConstructor(Compute.class).newInstance(new Compute() {
              public Object compute(Object key) { return lookup(key); }
            });
          }
          synchronized Object lookup(Object key) { return key; }
          synchronized void refresh() { holder.get(this); }
        }
        """;
    assertCycle(findings(sources("p/Registry.java", registry)), "Holder", "Registry");
    String kept = registry.replace(
        "newInstance(new Compute() {\n      public Object compute(Object key) { return lookup(key); }\n    });",
        "newInstance((Object) null);\n    Compute local = new Compute() {\n      public Object compute(Object key) { return lookup(key); }\n    };\n    local.toString();");
    assertTrue(kept.contains("local.toString()"), kept);
    assertEquals(List.of(), findings(sources("p/Registry.java", kept)));
  }

  /**
   * A field's declared type is said by its name alone: a class of the unnamed package whose name
   * begins like a kind of source ({@code F}, {@code N}, {@code P}, {@code C}, {@code T}) is a type,
   * not a field, a created object, a parameter, a call or a {@code this}.
   */
  @Test
  void aFieldsDeclaredTypeIsATypeWhateverItsName() {
    String fleet =
        """
        class Fleet {
          Fleet next;
          Node node;
          Pool pool;
          synchronized void add(Fleet other) { next = other; node = new Node(this); }
        }
        class Node { final Fleet fleet; Node(Fleet fleet) { this.fleet = fleet; } }
        class Pool { Cloud cloud; Thing thing; }
        class Cloud { }
        class Thing { }
        """;
    assertEquals(List.of(), findings(sources("Fleet.java", fleet)));
  }

  /**
   * A parameter or field declared of a program type that holds nothing holds only objects of that
   * type: an executor cast out of a map of parts that also holds a codec, passed to {@code
   * setExecutor(Executor)} or assigned to the field, makes the session's {@code executor} hold executors only, each made
   * with the session as its owner, so the field is the inverse of the executor's {@code session}
   * and the executor's monitor taken again through {@code consumer.session.executor} is a
   * re-entry. Taken as an {@code Object}, the parameter or field may hold the codec too: another
   * executor, lockdep's AA.
   */
  @Test
  void aParameterOrFieldOfAProgramTypeHoldsOnlyObjectsOfIt() {
    String session =
        """
        package p;
        import java.util.HashMap;
        import java.util.Map;
        class Session {
          Executor executor;
          final Consumer consumer = new Consumer(this);
          Session() { Setup.attach(this, new HashMap<>()); }
          void setExecutor(Executor executor) { this.executor = executor; }
          void wake() { executor.wakeup(); }
        }
        class Executor {
          final Session session;
          Executor(Session session) { this.session = session; }
          synchronized void wakeup() { }
          synchronized void dispatch(Consumer consumer) { consumer.rollback(); }
        }
        class Consumer {
          final Session session;
          Consumer(Session session) { this.session = session; }
          void rollback() { session.wake(); }
        }
        class Codec { }
        final class Setup {
          static void attach(Session session, Map<String, Object> parts) {
            parts.put("executor", new Executor(session));
            parts.put("codec", new Codec());
            session.setExecutor((Executor) parts.get("executor"));
          }
        }
        """;
    assertEquals(List.of(), findings(sources("p/Session.java", session)));
    // A field holds objects of its declared type too: the executor cast out of the map straight into it.
    String intoTheField =
        session.replace("session.setExecutor((Executor) parts.get(\"executor\"));", "session.executor = (Executor) parts.get(\"executor\");");
    assertTrue(intoTheField.contains("session.executor = (Executor)"), intoTheField);
    assertEquals(List.of(), findings(sources("p/Session.java", intoTheField)));
    // A task, a thread or a function holds nothing either: an executor that is a Thread is typed so.
    String thread = session.replace("class Executor {", "class Executor extends Thread {");
    assertTrue(thread.contains("class Executor extends Thread {"), thread);
    assertEquals(List.of(), findings(sources("p/Session.java", thread)));
    String anything =
        session.replace("  Executor executor;", "  Object executor;")
            .replace("void wake() { executor.wakeup(); }", "void wake() { ((Executor) executor).wakeup(); }")
            .replace("void setExecutor(Executor executor) { this.executor = executor; }",
                "void setExecutor(Object executor) { this.executor = executor; }")
            .replace("session.setExecutor((Executor) parts.get(\"executor\"));", "session.setExecutor(parts.get(\"executor\"));");
    assertTrue(anything.contains("  Object executor;") && anything.contains("((Executor) executor).wakeup()")
        && anything.contains("setExecutor(Object executor)") && anything.contains("setExecutor(parts.get("), anything);
    List<String> found = findings(sources("p/Session.java", anything));
    assertTrue(found.stream().anyMatch(f -> f.contains("[RecursiveLocking]") && f.contains("Executor")), found::toString);
  }

  /**
   * The type flow brings what a map holds to the map's own value: a method of an element with the
   * signature of the map's {@code remove(Object)} does not implement it, since the element is no
   * map; an element inheriting a JDK interface's method from a superclass outside the interface
   * does (JLS 8.4.8).
   */
  @Test
  void aMapsMethodRunsNoElementsMethodOfTheSameSignature() {
    String registry =
        """
        package p;
        import java.util.concurrent.ConcurrentHashMap;
        import java.util.concurrent.ConcurrentMap;
        class Registry {
          final ConcurrentMap<String, Slot> entries = new ConcurrentHashMap<>();
          synchronized void free(String name) { entries.remove(name); }
          void add(String name) { entries.put(name, new Slot(this)); }
        }
        class Slot {
          final Registry registry;
          final Object lock = new Object();
          Slot(Registry registry) { this.registry = registry; }
          public void remove(Object key) { synchronized (lock) { } }
          void expire() { synchronized (lock) { registry.free("x"); } }
        }
        // A map of the program: the call of Map.remove may run something.
        class Names extends java.util.HashMap<String, Slot> {
          @Override public synchronized Slot remove(Object key) { return super.remove(key); }
        }
        """;
    assertEquals(List.of(), findings(sources("p/Registry.java", registry)));
    String closing =
        """
        package p;
        import java.util.ArrayList;
        import java.util.List;
        class Owner {
          final List<java.io.Closeable> resources = new ArrayList<>();
          synchronized void closeAll() throws java.io.IOException { for (java.io.Closeable c : resources) c.close(); }
          void add() { resources.add(new Res(this)); }
        }
        class Base {
          final Object lock = new Object();
          public void close() { synchronized (lock) { } }
        }
        class Res extends Base implements java.io.Closeable {
          final Owner owner;
          Res(Owner owner) { this.owner = owner; }
          void expire() throws java.io.IOException { synchronized (lock) { owner.closeAll(); } }
        }
        // A Closeable of the program: the call of Closeable.close may run something.
        class Other implements java.io.Closeable { public synchronized void close() { } }
        """;
    List<String> found = findings(sources("p/Owner.java", closing));
    assertTrue(found.stream().anyMatch(f -> f.contains("the cycle Base.lock -> Owner -> Base.lock")), found::toString);
  }

  /**
   * A {@code ConcurrentHashMap}'s bin lock is held while {@code computeIfAbsent} runs its function:
   * a function taking a lock that another thread holds while it clears the map closes a cycle.
   */
  @Test
  void computeIfAbsentRunsItsFunctionUnderTheMapsBinLock() {
    String cache =
        """
        package p;
        import java.util.concurrent.ConcurrentHashMap;
        import java.util.concurrent.ConcurrentMap;
        class Cache {
          private final Object lock = new Object();
          private final ConcurrentMap<String, String> values = new ConcurrentHashMap<>();
          void reset() { synchronized (lock) { values.clear(); } }
          String get(String key) { return values.computeIfAbsent(key, this::load); }
          private String load(String key) { synchronized (lock) { return key; } }
        }
        """;
    assertCycle(findings(sources("p/Cache.java", cache)), "Cache.values", "Cache.lock");
    // The map object's own monitor is not its bins: locking it around a put nests two locks.
    String guarded = cache.replace("void reset() { synchronized (lock) { values.clear(); } }",
        "void reset() { synchronized (lock) { values.clear(); } }\n  void register(String k) { synchronized (values) { values.put(k, k); } }");
    assertTrue(guarded.contains("synchronized (values)"), guarded);
    assertCycle(findings(sources("p/Cache.java", guarded)), "Cache.values bins", "Cache.lock");
    // Another ConcurrentMap locks nothing.
    assertEquals(
        List.of(),
        findings(sources("p/Cache.java", cache.replace("new ConcurrentHashMap<>()", "new java.util.concurrent.ConcurrentSkipListMap<>()"))));
  }

  /**
   * A container of statistics that is itself a statistic resets its elements under its own monitor.
   * The elements it is given are counters, copied out of their set with {@code toArray(array)}:
   * the flow follows the copy, so the element is a counter, not another container, and nesting
   * the two monitors is an order between two kinds, not lockdep's AA.
   */
  @Test
  void anArrayFilledByToArrayHoldsWhatTheCollectionHolds() {
    String sources =
        """
        package p;
        import java.util.Set;
        import java.util.concurrent.CopyOnWriteArraySet;
        interface Resettable { void reset(); }
        class Statistic implements Resettable { public synchronized void reset() { } }
        class Counter extends Statistic { }
        class Statistics extends Statistic {
          private final Set<Statistic> set = new CopyOnWriteArraySet<>();
          Statistics() { set.add(new Counter()); }
          Statistic[] all() { Statistic[] answer = new Statistic[set.size()]; set.toArray(answer); return answer; }
          @Override public synchronized void reset() { for (Statistic s : all()) { ((Resettable) s).reset(); } }
        }
        """;
    List<String> found = findings(sources("p/Statistic.java", sources));
    assertEquals(List.of(), found.stream().filter(f -> f.contains("[RecursiveLocking]")).toList(), found::toString);
    // The same with the statistics drained out of a queue into a list.
    String drained = sources.replace("import java.util.Set;", "import java.util.ArrayList;\nimport java.util.List;\nimport java.util.concurrent.LinkedBlockingQueue;")
        .replace("private final Set<Statistic> set = new CopyOnWriteArraySet<>();", "private final LinkedBlockingQueue<Statistic> set = new LinkedBlockingQueue<>();")
        .replace("Statistic[] all() { Statistic[] answer = new Statistic[set.size()]; set.toArray(answer); return answer; }",
            "List<Statistic> all() { List<Statistic> answer = new ArrayList<>(); set.drainTo(answer); return answer; }");
    assertTrue(drained.contains("set.drainTo(answer)"), drained);
    List<String> fromQueue = findings(sources("p/Statistic.java", drained));
    assertEquals(List.of(), fromQueue.stream().filter(f -> f.contains("[RecursiveLocking]")).toList(), fromQueue::toString);
    // The element is a counter: a counter that resets its container under its own monitor closes
    // a cycle between the two kinds.
    // Of two kinds of element, neither is the container's own: still no AA. An element of unknown
    // type is taken to be of its holder's type only where the flow lets it be.
    List<String> twoKinds =
        findings(sources("p/Statistic.java", sources.replace("set.add(new Counter());", "set.add(new Counter()); set.add(new Timer());")
            .replace("class Counter extends Statistic { }", "class Counter extends Statistic { }\nclass Timer extends Statistic { }")));
    assertEquals(List.of(), twoKinds.stream().filter(f -> f.contains("[RecursiveLocking]")).toList(), twoKinds::toString);
    List<String> locked =
        findings(sources("p/Statistic.java", sources.replace("set.add(new Counter());", "set.add(new Counter()); set.add(new Timer());")
            .replace("class Counter extends Statistic { }", "class Counter extends Statistic { }\nclass Timer extends Statistic { }")
            .replace("((Resettable) s).reset();", "synchronized (s) { s.hashCode(); }")));
    assertEquals(List.of(), locked.stream().filter(f -> f.contains("[RecursiveLocking]")).toList(), locked::toString);
    List<String> cycle =
        findings(sources("p/Statistic.java", sources.replace("class Counter extends Statistic { }",
            "class Counter extends Statistic { synchronized void resetAll(Statistics owner) { owner.reset(); } }")));
    assertTrue(
        cycle.stream().anyMatch(f -> f.contains("[LockOrderInversion]") && f.contains("Statistics -> Counter -> Statistics")),
        cycle::toString);
  }

  /**
   * A method that takes the lock only when its caller asks ({@code if (needToLock)}), called with
   * {@code false} by a caller that already holds the lock: the constant refutes the guard, so the
   * callee's acquisition does not run there. Passed on through a parameter, the constant still
   * decides; a caller passing {@code true}, or a value the analysis does not know, takes the lock.
   */
  @Test
  void aConstantArgumentRefutesTheCalleesGuardOnItsParameter() {
    String sources =
        """
        package p;
        import java.util.concurrent.locks.ReentrantLock;
        final class Imports {
          static final Imports SHARED = new Imports();
          private final ReentrantLock lock = new ReentrantLock();
          static ReentrantLock lock() { return SHARED.lock; }
          static void load(String name, boolean needToLock) {
            ReentrantLock importLock = lock();
            if (needToLock) { importLock.lock(); }
            try { name.length(); } finally { if (needToLock) { importLock.unlock(); } }
          }
          static void loadVia(String name, boolean needToLock) { load(name, needToLock); }
        }
        class Codecs {
          synchronized void init() { Imports.load("encodings", ARGUMENT); }
          void reload() {
            ReentrantLock lock = Imports.lock();
            lock.lock();
            try { init(); } finally { lock.unlock(); }
          }
        }
        """;
    assertEquals(List.of(), findings(sources("p/Imports.java", sources.replace("ARGUMENT", "false"))));
    assertEquals(
        List.of(),
        findings(sources("p/Imports.java", sources.replace("Imports.load(\"encodings\", ARGUMENT)", "Imports.loadVia(\"encodings\", false)"))));
    // Taken where the caller passes true or a value it does not know: the import lock is taken
    // under the codecs' monitor, which a reload takes under the import lock.
    for (String taking : List.of("true", "name()")) {
      List<String> found =
          findings(sources("p/Imports.java", sources.replace("ARGUMENT", taking).replace("synchronized void init()", "boolean name() { return true; }\n  synchronized void init()")));
      assertTrue(found.stream().anyMatch(f -> f.contains("[LockOrderInversion]") && f.contains("Codecs -> Imports.lock -> Codecs")), taking + ": " + found);
    }
  }

  /**
   * A store lets go of its caller's serialization lock while it writes, and takes it back: the
   * file lock it takes in between is not nested under the caller's lock, and the lock taken back
   * is the caller's own, not lockdep's AA. Without the release, the write nests the file lock
   * under the serialization lock, against the order compaction takes them in.
   */
  @Test
  void aCalleeThatReleasesItsCallersLockRunsWithoutIt() {
    String sources =
        """
        package p;
        import java.util.concurrent.locks.ReentrantLock;
        class Store {
          private final ReentrantLock serialization = new ReentrantLock();
          private final Object file = new Object();
          void commit() {
            serialization.lock();
            try { write(); } finally { serialization.unlock(); }
          }
          private void write() {
            serialization.unlock();
            try { synchronized (file) { file.notifyAll(); } } finally { serialization.lock(); }
          }
          void compact() {
            synchronized (file) {
              serialization.lock();
              try { file.notifyAll(); } finally { serialization.unlock(); }
            }
          }
        }
        """;
    assertEquals(List.of(), findings(sources("p/Store.java", sources)));
    // The caller names the lock another way (a back-pointer the analysis cannot equate): a release
    // by a thread that does not hold the lock throws, so the store releases the caller's hold.
    String renamed =
        sources.replace("void commit() {\n    serialization.lock();\n    try { write(); } finally { serialization.unlock(); }",
            "void commit(Store self) {\n    self.serialization.lock();\n    try { write(); } finally { self.serialization.unlock(); }");
    assertTrue(renamed.contains("self.serialization.lock()"), renamed);
    assertEquals(List.of(), findings(sources("p/Store.java", renamed)));
    assertCycle(
        findings(sources("p/Store.java", sources.replace("serialization.unlock();\n    try { synchronized", "try { synchronized")
            .replace("} finally { serialization.lock(); }\n  }\n  void compact", "} finally { }\n  }\n  void compact"))),
        "Store.serialization", "Store.file");
  }

  /**
   * A manager runs a task of its inner class right where it creates it, holding its own monitor;
   * the task locks {@code Manager.this}: the same manager, a re-entry. Holding another manager
   * instead, the task's manager is the one that created it, and the nesting is lockdep's AA.
   */
  @Test
  void anInnerObjectCreatedAndCalledInOneBodyHasTheCallersEnclosingInstance() {
    String sources =
        """
        package p;
        class Manager {
          synchronized void unmark() {
            Runnable r = new Task();
            r.run();
          }
          class Task implements Runnable {
            public void run() { synchronized (Manager.this) { Manager.this.hashCode(); } }
          }
        }
        """;
    assertEquals(List.of(), findings(sources("p/Manager.java", sources)));
    String other = sources.replace("synchronized void unmark() {", "void unmark(Manager other) { synchronized (other) {")
        .replace("    r.run();\n  }", "    r.run();\n  } }");
    assertTrue(other.contains("synchronized (other)") && other.contains("} }"), other);
    List<String> found = findings(sources("p/Manager.java", other));
    assertTrue(found.stream().anyMatch(f -> f.contains("[RecursiveLocking]")), found::toString);
  }

  /**
   * A queue holding its lock attaches an anonymous callback to a future, which keeps it in a list
   * and runs what the list holds when it is done already; the callback takes the queue's lock
   * through {@code Queue.this}. Read back from the list, the callback is known by the element's
   * name only, but its enclosing instance is the object it belongs to by construction: the queue
   * whose lock is held, a re-entry (Druid's task queue, apache/druid#6201). The future's monitor
   * held around the callbacks still orders futures before queues.
   */
  @Test
  void anInnerObjectReadBackFromACollectionBelongsToItsEnclosingInstance() {
    String sources =
        """
        package p;
        import java.util.*;
        import java.util.concurrent.locks.ReentrantLock;
        class Queue {
          private final ReentrantLock giant = new ReentrantLock();
          private final Future future = new Future();
          void manage() {
            giant.lock();
            try {
              future.addCallback(new Callback() {
                public void done() { notifyStatus(); }
              });
            } finally {
              giant.unlock();
            }
          }
          void notifyStatus() {
            giant.lock();
            try { } finally { giant.unlock(); }
          }
        }
        interface Callback { void done(); }
        class Future {
          private final List<Callback> callbacks = new ArrayList<>();
          private boolean done;
          void addCallback(Callback callback) {
            callbacks.add(callback);
            if (done) {
              for (Callback each : callbacks) {
                each.done();
              }
            }
          }
        }
        """;
    assertEquals(List.of(), findings(sources("p/Queue.java", sources)));
    // The callback is reached from the list: run under the future's monitor, it orders the
    // future before the queue's lock, against a queue draining a future under its lock; the one
    // report is that cycle.
    String ordered = sources.replace("  void notifyStatus() {", "  void drain(Future other) {\n    giant.lock();\n    try { other.poll(); } finally { giant.unlock(); }\n  }\n  void notifyStatus() {")
        .replace("void addCallback(Callback callback) {", "synchronized void poll() { }\n  synchronized void addCallback(Callback callback) {");
    assertTrue(ordered.contains("other.poll()") && ordered.contains("synchronized void addCallback"), ordered);
    List<String> found = findings(sources("p/Queue.java", ordered));
    assertEquals(1, found.size(), found::toString);
    assertTrue(found.get(0).contains("[LockOrderInversion]"), found.get(0));
  }

  /**
   * A handler makes a context of its manager, locks the manager and hands the context to a
   * listener; the listener takes the manager back with
   * the context's getter and calls a {@code synchronized} method on it (Helix's
   * {@code NotificationContext}, apache/helix#1748): the context's field is what its constructor
   * was given, the manager whose monitor is held, a re-entry. Made with another manager, the
   * context leads to another object of the class: lockdep's AA.
   */
  @Test
  void aFieldOfAnObjectTheCallerCreatedIsWhatItsConstructorWasGiven() {
    String sources =
        """
        package p;
        class Manager { synchronized void remove() { } }
        class Context {
          private final Manager manager;
          Context(Manager manager) { this.manager = manager; }
          Manager getManager() { return manager; }
        }
        interface Listener { void on(Context context); }
        class Handler {
          private final Manager manager;
          private final Listener listener;
          Handler(Manager manager, Listener listener) { this.manager = manager; this.listener = listener; }
          void invoke() {
            Context context = new Context(manager);
            synchronized (manager) {
              listener.on(context);
            }
          }
        }
        class Remover implements Listener {
          public void on(Context context) { context.getManager().remove(); }
        }
        """;
    assertEquals(List.of(), findings(sources("p/Handler.java", sources)));
    String other = sources.replace("Context context = new Context(manager);\n    synchronized", "Context context = new Context(new Manager());\n    synchronized");
    assertTrue(!other.equals(sources), other);
    List<String> found = findings(sources("p/Handler.java", other));
    assertTrue(found.stream().anyMatch(f -> f.contains("Handler.java:16: error: [RecursiveLocking]")), found::toString);
  }

  /**
   * A guard: a child usage registers its callback with its parent, of the same class, which runs
   * the callbacks it keeps under its own lock; the callback takes the child's lock. An object of
   * the enclosing class holds such callbacks, so a callback it runs may be another's: the child's
   * lock under the parent's stays lockdep's AA (ActiveMQ's {@code Usage}).
   */
  @Test
  void anInnerObjectKeptByAnotherObjectOfItsEnclosingClassIsNotPresumedItsOwn() {
    String sources =
        """
        package p;
        import java.util.*;
        import java.util.concurrent.locks.ReentrantLock;
        class Usage {
          private final ReentrantLock lock = new ReentrantLock();
          private final Usage parent;
          private final List<Runnable> callbacks = new ArrayList<>();
          Usage(Usage parent) { this.parent = parent; }
          void stop() {
            lock.lock();
            try {
              for (Runnable callback : callbacks) {
                callback.run();
              }
            } finally {
              lock.unlock();
            }
          }
          void notifyWhenNotFull(Runnable callback) {
            if (parent != null) {
              parent.notifyWhenNotFull(new Runnable() {
                public void run() {
                  lock.lock();
                  try { callback.run(); } finally { lock.unlock(); }
                }
              });
              return;
            }
            callbacks.add(callback);
          }
        }
        """;
    List<String> found = findings(sources("p/Usage.java", sources));
    assertEquals(1, found.size(), found::toString);
    assertTrue(found.get(0).contains("Usage.java:13: error: [RecursiveLocking]"), found.get(0));
  }

  /**
   * A lock service of the same class: {@code lockWrite()} returns holding the write lock and
   * {@code unlockWrite()} ends that hold. What the caller does between the two runs under the write
   * lock, so notifying listeners there orders the write lock before the listeners' monitor,
   * against the order a listener change takes them in. Taken in one order, nothing is reported.
   */
  @Test
  void aMethodThatReturnsHoldingALockHandsTheHoldToItsCaller() {
    String sources =
        """
        package p;
        import java.util.concurrent.locks.ReentrantReadWriteLock;
        class Cache {
          private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
          private final Object listeners = new Object();
          private void lockWrite() { rw.writeLock().lock(); }
          private void unlockWrite() { rw.writeLock().unlock(); }
          void put() {
            lockWrite();
            try { synchronized (listeners) { listeners.notifyAll(); } } finally { unlockWrite(); }
          }
          void listen() {
            synchronized (listeners) { lockWrite(); try { listeners.notifyAll(); } finally { unlockWrite(); } }
          }
        }
        """;
    assertCycle(findings(sources("p/Cache.java", sources)), "Cache.rw", "Cache.listeners");
    String oneOrder = sources.replace(
        "lockWrite();\n    try { synchronized (listeners) { listeners.notifyAll(); } } finally { unlockWrite(); }",
        "synchronized (listeners) { lockWrite(); try { listeners.notifyAll(); } finally { unlockWrite(); } }");
    assertTrue(!oneOrder.equals(sources), oneOrder);
    assertEquals(List.of(), findings(sources("p/Cache.java", oneOrder)));
  }

  /** A lock service in a superclass's file: {@code lock()} and {@code unlock()} of a segment. */
  private static final String LOCKABLE =
      """
      package p;
      import java.util.concurrent.locks.ReentrantLock;
      class Lockable {
        private final ReentrantLock sync = new ReentrantLock();
        final void lock() { sync.lock(); }
        final void unlock() { sync.unlock(); }
      }
      """;

  /** A segment of {@code Lockable} taking its lock and its listeners' monitor in two orders. */
  private static final String SEGMENT =
      """
      package p;
      class Segment extends Lockable {
        private final Object listeners = new Object();
        void put() {
          lock();
          try { synchronized (listeners) { listeners.notifyAll(); } } finally { unlock(); }
        }
        void listen() {
          synchronized (listeners) { lock(); try { listeners.notifyAll(); } finally { unlock(); } }
        }
      }
      """;

  /** {@link #SEGMENT} taking them in one order, the listeners' monitor first. */
  private static final String SEGMENT_IN_ONE_ORDER =
      SEGMENT.replace(
          "lock();\n    try { synchronized (listeners) { listeners.notifyAll(); } } finally { unlock(); }",
          "synchronized (listeners) { lock(); try { listeners.notifyAll(); } finally { unlock(); } }");

  /**
   * A lock service of another file (GROOVY-8067's shape): {@code lock(); try { ... } finally {
   * unlock(); }}, or {@code try { lock(); ... } finally { unlock(); }}, in a subclass runs its
   * {@code try} under the lock the superclass's {@code lock()}
   * returns holding, though the front end cannot look into that body. Notifying listeners there
   * orders the segment's lock before the listeners' monitor, against the order {@code listen}
   * takes them in; taken in one order, nothing is reported.
   */
  @Test
  void aLockServiceOfAnotherFileHandsTheHoldToItsCaller() {
    String segment = SEGMENT;
    assertCycle(
        findings(sources("p/Lockable.java", LOCKABLE, "p/Segment.java", segment)), "Lockable.sync", "Segment.listeners");
    assertEquals(List.of(), findings(sources("p/Lockable.java", LOCKABLE, "p/Segment.java", SEGMENT_IN_ONE_ORDER)));
    // The service called first thing inside the try (AMQ-9808's shape) holds as well.
    String insideTry = segment.replace(
        "lock();\n    try { synchronized (listeners) { listeners.notifyAll(); } } finally { unlock(); }",
        "try { lock(); synchronized (listeners) { listeners.notifyAll(); } } finally { unlock(); }");
    assertTrue(!insideTry.equals(segment), insideTry);
    assertCycle(
        findings(sources("p/Lockable.java", LOCKABLE, "p/Segment.java", insideTry)), "Lockable.sync", "Segment.listeners");
    // Locals declared between the service and its try run under it too (Groovy's removeEntry).
    String declaredBetween = segment.replace(
        "lock();\n    try { synchronized (listeners) {", "lock();\n    int waiting = 0;\n    try { synchronized (listeners) {");
    assertTrue(!declaredBetween.equals(segment), declaredBetween);
    assertCycle(
        findings(sources("p/Lockable.java", LOCKABLE, "p/Segment.java", declaredBetween)), "Lockable.sync", "Segment.listeners");
  }

  /**
   * A synchronizer of the program that is a lock of its own (GROOVY-8067's {@code LockableObject}:
   * {@code lock()} is {@code if (compareAndSetState(0, 1)) ... else acquire(1);}, {@code unlock()}
   * is {@code release(1)}) is a lock: its class is named after the class that extends {@code
   * AbstractQueuedSynchronizer} ({@code Lockable.state}), not its object's monitor, and its
   * services hand their hold to the callers of another file. Taken in one order, nothing is
   * reported, and a latch's shared mode takes no lock. (A {@code Lock} of the program built on a
   * synchronizer is that {@code Lock}: {@link #aProgramLockThatNeverAsksItsHolderIsNotReentrant}.)
   */
  @Test
  void aSynchronizerOfTheProgramIsALockOfItsOwn() {
    String lockable =
        """
        package p;
        import java.util.concurrent.locks.AbstractQueuedSynchronizer;
        public class Lockable extends AbstractQueuedSynchronizer {
          transient Thread owner;
          public final void lock() {
            if (compareAndSetState(0, 1)) { owner = Thread.currentThread(); } else { acquire(1); }
          }
          public final void unlock() { release(1); }
          @Override protected final boolean tryAcquire(int acquires) {
            Thread current = Thread.currentThread();
            if (getState() == 0 && compareAndSetState(0, acquires)) { owner = current; return true; }
            if (current == owner) { setState(getState() + acquires); return true; }
            return false;
          }
          @Override protected final boolean tryRelease(int releases) {
            int c = getState() - releases;
            if (c == 0) { owner = null; }
            setState(c);
            return c == 0;
          }
        }
        """;
    assertCycle(
        findings(sources("p/Lockable.java", lockable, "p/Segment.java", SEGMENT)), "Lockable.state", "Segment.listeners");
    assertEquals(List.of(), findings(sources("p/Lockable.java", lockable, "p/Segment.java", SEGMENT_IN_ONE_ORDER)));
    String latch =
        """
        package p;
        import java.util.concurrent.locks.AbstractQueuedSynchronizer;
        class Latch extends AbstractQueuedSynchronizer {
          void await() { acquireShared(1); }
          void open() { releaseShared(1); }
          @Override protected int tryAcquireShared(int ignored) { return getState() == 0 ? 1 : -1; }
          @Override protected boolean tryReleaseShared(int ignored) { setState(0); return true; }
        }
        class Waiter {
          private final Latch latch = new Latch();
          private final Object listeners = new Object();
          void waitFor() { latch.await(); synchronized (listeners) { latch.open(); } }
          void waitUnder() { synchronized (listeners) { latch.await(); } }
        }
        """;
    assertEquals(List.of(), findings(sources("p/Latch.java", latch)));
  }

  /**
   * A lock wrapper of another file used as a resource (Elasticsearch's {@code try (ReleasableLock
   * held = lruLock.acquire()) { ... }}, Jetty's {@code AutoLock}): {@code acquire()} returns
   * holding the wrapper's lock and the resource's {@code close()} lets it go, so the block runs
   * under it. Taking the store's index there orders the guard before the index, against the order
   * {@code rebuild} takes them in; taken in one order, nothing is reported. A resource made by a
   * call that returns holding nothing (an opened file) holds nothing.
   */
  @Test
  void aLockWrapperOfAnotherFileHoldsItsLockWhileItIsAResource() {
    String guard =
        """
        package p;
        import java.util.concurrent.locks.ReentrantLock;
        public final class Guard implements AutoCloseable {
          private final ReentrantLock lock = new ReentrantLock();
          public Guard acquire() { lock.lock(); return this; }
          public Guard open() { return this; }
          @Override public void close() { if (lock.isHeldByCurrentThread()) { lock.unlock(); } }
        }
        """;
    String store =
        """
        package p;
        class Store {
          private final Guard guard = new Guard();
          private final Object index = new Object();
          void put() {
            try (Guard held = guard.acquire()) {
              synchronized (index) { index.notifyAll(); }
            }
          }
          void rebuild() {
            synchronized (index) {
              try (Guard held = guard.acquire()) { index.notifyAll(); }
            }
          }
        }
        """;
    assertCycle(findings(sources("p/Guard.java", guard, "p/Store.java", store)), "Guard.lock", "Store.index");
    String oneOrder = store.replace(
        "synchronized (index) {\n      try (Guard held = guard.acquire()) { index.notifyAll(); }\n    }",
        "try (Guard held = guard.acquire()) {\n      synchronized (index) { index.notifyAll(); }\n    }");
    assertTrue(!oneOrder.equals(store), oneOrder);
    assertEquals(List.of(), findings(sources("p/Guard.java", guard, "p/Store.java", oneOrder)));
    String opened = store.replace("guard.acquire()", "guard.open()");
    assertEquals(List.of(), findings(sources("p/Guard.java", guard, "p/Store.java", opened)));
  }

  /**
   * A lock service called on a field, whose override takes the lock and returns a stamp (Rhino's
   * {@code slotMap.readLock()}): the {@code try} runs under the override's read lock, and the
   * write lock the loop's callee takes on the same map is lockdep's AA. A map class whose service
   * takes nothing hands nothing over: with only the base class, nothing is reported.
   */
  @Test
  void anOverriddenLockServiceHandsItsLockThroughTheCall() {
    String map =
        """
        package p;
        class SlotMap {
          long readLock() { return 0L; }
          void unlockRead(long stamp) { }
          void put(Object value) { }
        }
        """;
    String safeMap =
        """
        package p;
        import java.util.concurrent.locks.StampedLock;
        class SafeSlotMap extends SlotMap {
          private final StampedLock lock = new StampedLock();
          @Override long readLock() { return lock.readLock(); }
          @Override void unlockRead(long stamp) { lock.unlockRead(stamp); }
          @Override void put(Object value) {
            long stamp = lock.writeLock();
            try { super.put(value); } finally { lock.unlockWrite(stamp); }
          }
        }
        """;
    String scope =
        """
        package p;
        class Scope {
          private final SlotMap slotMap;
          Scope(boolean threadSafe) { slotMap = threadSafe ? new SafeSlotMap() : new SlotMap(); }
          void seal() {
            long stamp = slotMap.readLock();
            try { slotMap.put(this); } finally { slotMap.unlockRead(stamp); }
          }
        }
        """;
    List<String> found =
        findings(sources("p/SlotMap.java", map, "p/SafeSlotMap.java", safeMap, "p/Scope.java", scope));
    assertTrue(
        found.size() == 1 && found.get(0).contains("[RecursiveLocking]") && found.get(0).contains("SafeSlotMap.lock"),
        found::toString);
    String plainScope = scope.replace("threadSafe ? new SafeSlotMap() : new SlotMap()", "new SlotMap()");
    assertTrue(!plainScope.equals(scope), plainScope);
    assertEquals(List.of(), findings(sources("p/SlotMap.java", map, "p/Scope.java", plainScope)));
  }

  /**
   * {@code super(owner)} in a subclass whose constructor has the same parameters runs the
   * superclass's constructor, never the subclass's own: a constructor call is not dispatched. The
   * superclass's constructor registers the object under the registry's lock, inside the creator's
   * monitor, against the registry's order.
   */
  @Test
  void aSuperConstructorCallRunsTheSuperclassConstructor() {
    String base =
        """
        package p;
        class Base {
          static final Object REGISTRY = new Object();
          Base(Object owner) { synchronized (REGISTRY) { REGISTRY.notifyAll(); } }
        }
        """;
    String node =
        """
        package p;
        class Node extends Base {
          Node(Object owner) { super(owner); }
        }
        """;
    String tree =
        """
        package p;
        class Tree {
          private final Object nodes = new Object();
          void grow() { synchronized (nodes) { new Node(this); } }
          void prune() { synchronized (Base.REGISTRY) { synchronized (nodes) { nodes.notifyAll(); } } }
        }
        """;
    assertCycle(
        findings(sources("p/Base.java", base, "p/Node.java", node, "p/Tree.java", tree)), "Base.REGISTRY", "Tree.nodes");
  }

  /** A result that locks its session ({@link #LOCKABLE}) again while its constructor holds that lock. */
  private static final String RESULT =
      """
      package p;
      class Result {
        private final Lockable session;
        Result(Lockable session) {
          this.session = session;
          session.lock();
          try { fetch(); } finally { session.unlock(); }
        }
        private void fetch() { close(); }
        void close() {
          final Lockable session = this.session;
          session.lock();
          try { session.hashCode(); } finally { session.unlock(); }
        }
      }
      """;

  /**
   * A constructor that calls a method of its own object: the field it set from its parameter is,
   * in that method, the object the parameter is (h2's {@code ResultRemote} locking its session
   * again from {@code fetchRows}). The session's lock taken again there is the constructor's hold
   * re-entered, not lockdep's AA.
   */
  @Test
  void aConstructorsFieldIsItsParameterInTheMethodsItCalls() {
    assertEquals(List.of(), findings(sources("p/Lockable.java", LOCKABLE, "p/Result.java", RESULT)));
  }

  /**
   * A constructor that only stores its parameter and then calls a method of its own object, which
   * calls back through the field: the field is still the parameter's object there, though the
   * constructor does nothing else with it (a listener, holding its lock, makes a handler of
   * itself whose {@code init()} calls the listener back, as Helix's {@code CallbackHandler}). The
   * listener's lock taken again is a re-entry; handed another listener, lockdep's AA.
   */
  @Test
  void aConstructorsStoredParameterIsItsObjectInTheMethodsItCalls() {
    String sources =
        """
        package p;
        interface Listener { void on(); }
        class Handler {
          private final Object listener;
          Handler(Object listener) { this.listener = listener; init(); }
          void init() { ((Listener) listener).on(); }
        }
        class Provider implements Listener {
          private final Object lastSeen = new Object();
          private boolean added;
          public void on() { update(); }
          void update() {
            synchronized (lastSeen) {
              if (!added) {
                added = true;
                new Handler(this);
              }
            }
          }
        }
        """;
    assertEquals(List.of(), findings(sources("p/Handler.java", sources)));
    String other = sources.replace("new Handler(this);", "new Handler(new Provider());");
    assertTrue(!other.equals(sources), other);
    List<String> found = findings(sources("p/Handler.java", other));
    assertEquals(1, found.size(), found::toString);
    assertTrue(found.get(0).contains("[RecursiveLocking]"), found.get(0));
  }

  /**
   * A field set in the constructor and nulled later (a resource dropped in {@code close()}) is the
   * constructor's object wherever it is set: the same re-entry stays silent.
   */
  @Test
  void aFieldNulledAfterConstructionIsStillTheConstructorsObject() {
    String nulled =
        RESULT.replace("private final Lockable session;", "private Lockable session;")
            .replace("  void close() {", "  void drop() { session = null; }\n  void close() {");
    assertTrue(nulled.contains("session = null;") && !nulled.contains("final Lockable session;"), nulled);
    assertEquals(List.of(), findings(sources("p/Lockable.java", LOCKABLE, "p/Result.java", nulled)));
  }

  /**
   * Result sets call back the statement that created them ({@code new Rs(this)}: a back-pointer),
   * typed by the flow as every statement class. A statement closing its result sets under its own
   * set's monitor reaches, through {@code rs.creator}, the monitor of the same set: the creator is
   * the statement holding it, of one runtime type, not the other statement class whose field has
   * the same name (c3p0's proxy statements). Silent; with a second field of another name on the
   * way back, the two statement classes' locks are ordered both ways and the cycle is reported.
   */
  @Test
  void anOwnerReachedBackIsOfTheTypeOfTheHeldObject() {
    String stmt =
        """
        package p;
        abstract class Stmt {
          abstract Rs open();
          abstract void detach(Rs rs);
          abstract void closeAll();
        }
        """;
    String plain =
        """
        package p;
        import java.util.HashSet;
        import java.util.Set;
        class PlainStmt extends Stmt {
          private final Set<Rs> results = new HashSet<>();
          Rs open() { Rs rs = new Rs(this); synchronized (results) { results.add(rs); } return rs; }
          void detach(Rs rs) { synchronized (results) { results.remove(rs); } }
          void closeAll() { synchronized (results) { for (Rs rs : results.toArray(new Rs[0])) { rs.close(); } } }
        }
        """;
    String prepared = plain.replace("PlainStmt", "PreparedStmt");
    String rs =
        """
        package p;
        class Rs {
          private final Stmt creator;
          Rs(Stmt creator) { this.creator = creator; }
          void close() { creator.detach(this); }
        }
        """;
    assertEquals(
        List.of(),
        findings(sources("p/Stmt.java", stmt, "p/PlainStmt.java", plain, "p/PreparedStmt.java", prepared, "p/Rs.java", rs)));
    String otherField = prepared.replace("results", "open");
    assertTrue(!otherField.equals(prepared), otherField);
    assertCycle(
        findings(sources("p/Stmt.java", stmt, "p/PlainStmt.java", plain, "p/PreparedStmt.java", otherField, "p/Rs.java", rs)),
        "PlainStmt.results", "PreparedStmt.open");
  }

  /**
   * A thread that waits for a task it handed to an executor while holding a lock the task takes:
   * the task cannot finish, and the wait never returns. The wait takes the task's completion under
   * the lock, the task holds its completion while it takes the lock: {@code LockOrderInversion}.
   * Waited for after the lock is let go, or a task that takes no lock of the waiter's, is silent.
   */
  @Test
  void waitingUnderALockForATaskThatTakesItIsACycle() {
    String cache =
        """
        package p;
        import java.util.concurrent.ExecutorService;
        import java.util.concurrent.Future;
        class Cache {
          private final ExecutorService loader;
          private int size;
          Cache(ExecutorService loader) { this.loader = loader; }
          synchronized void grow() { size++; }
          synchronized void refresh() throws Exception {
            Future<?> done = loader.submit(this::grow);
            done.get();
          }
        }
        """;
    List<String> found = findings(sources("p/Cache.java", cache));
    assertCycle(found, "Cache", "completion of");
    String outside =
        cache.replace("synchronized void refresh() throws Exception {", "void refresh() throws Exception {");
    assertTrue(!outside.equals(cache), outside);
    assertEquals(List.of(), findings(sources("p/Cache.java", outside)));
  }

  /** The same wait on a thread made for the task and joined, and on a future waited for where it is made: one cycle each. */
  @Test
  void aJoinedThreadAndAFutureWaitedForInPlaceAreTasksToo() {
    String pool =
        """
        package p;
        import java.util.concurrent.CompletableFuture;
        class Pool {
          private final Object lock = new Object();
          private void fill() { synchronized (lock) { lock.notifyAll(); } }
          void joinFill() throws InterruptedException {
            Thread filler = new Thread(() -> fill());
            filler.start();
            synchronized (lock) { filler.join(); }
          }
          void awaitFill() {
            synchronized (lock) { CompletableFuture.runAsync(this::fill).join(); }
          }
        }
        """;
    List<String> found = findings(sources("p/Pool.java", pool));
    assertEquals(2, found.size(), found::toString);
    assertTrue(found.get(0).contains("completion of lambda in Pool.joinFill()"), found::toString);
    assertTrue(found.get(1).contains("completion of Pool.fill()"), found::toString);
    assertTrue(found.stream().allMatch(f -> f.contains("[LockOrderInversion]") && f.contains("Pool.lock")), found::toString);
  }

  /**
   * A thread subclass that joins itself in its own {@code shutdown()}, which the server calls under
   * its monitor, waits for its {@code run()}, which takes that monitor (ZOOKEEPER-2347's shape);
   * with the server's counter no longer {@code synchronized}, nothing is reported.
   */
  @Test
  void aThreadJoiningItselfInItsOwnMethodWaitsForItsRun() {
    String server =
        """
        package p;
        class Server {
          private final Processor processor = new Processor(this);
          synchronized void startup() { processor.start(); }
          synchronized void shutdown() { processor.shutdown(); }
          synchronized void decInProcess() { }
          static class Processor extends Thread {
            private final Server server;
            private volatile boolean running = true;
            Processor(Server server) { this.server = server; }
            @Override public void run() { while (running) { server.decInProcess(); } }
            void shutdown() {
              running = false;
              try { join(); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
            }
          }
        }
        """;
    assertCycle(findings(sources("p/Server.java", server)), "Server", "completion of Server.Processor.run()");
    String fixed = server.replace("synchronized void decInProcess()", "void decInProcess()");
    assertTrue(!fixed.equals(server), fixed);
    assertEquals(List.of(), findings(sources("p/Server.java", fixed)));
  }

  /**
   * A thread kept in a private field, made only from a task (or cleared to {@code null}), and
   * joined under the monitor its task takes: the task is the field's. Given a thread from outside
   * too, the field holds no known task, and nothing is reported.
   */
  @Test
  void aThreadKeptInAPrivateFieldIsItsTask() {
    String monitor =
        """
        package p;
        class Monitor {
          private Thread poller;
          private boolean running;
          synchronized void enable() { running = true; poller = new Thread(this::poll); poller.start(); }
          synchronized void disable() throws InterruptedException {
            running = false;
            if (poller != null) { poller.join(); poller = null; }
          }
          private void poll() { while (isRunning()) { Thread.onSpinWait(); } }
          private synchronized boolean isRunning() { return running; }
        }
        """;
    assertCycle(findings(sources("p/Monitor.java", monitor)), "Monitor", "completion of Monitor.poll()");
    String given = monitor.replace("  private void poll()", "  void use(Thread other) { poller = other; }\n  private void poll()");
    assertTrue(!given.equals(monitor), given);
    assertEquals(List.of(), findings(sources("p/Monitor.java", given)));
  }

  /**
   * An API a library ships in a {@code javax} package no JDK module has ({@code javax.cache}) is
   * the program's like any library interface: a manager closed through it under a provider's lock
   * runs the program's manager, which calls back into the provider (caffeine's jcache provider
   * deadlock). The same call through a JDK interface ({@code java.io.Closeable}) runs none of the
   * program's overrides on an object the flow does not know, and the fix (closing outside the lock)
   * is silent.
   */
  @Test
  void aCallThroughAJavaxApiOfNoJdkModuleRunsTheProgramsImplementations() {
    String api =
        """
        package javax.cache;
        public interface CacheManager extends java.io.Closeable {
          @Override void close();
        }
        """;
    String provider =
        """
        package p;
        import java.util.ArrayList;
        import java.util.HashMap;
        import java.util.List;
        import java.util.Map;
        import javax.cache.CacheManager;
        public class Provider {
          private final Map<String, CacheManager> managers = new HashMap<>();
          public void register(String uri, CacheManager manager) {
            synchronized (managers) { managers.put(uri, manager); }
          }
          public void close() {
            synchronized (managers) {
              for (CacheManager manager : new ArrayList<>(managers.values())) { manager.close(); }
            }
          }
          void close(String uri) { synchronized (managers) { managers.remove(uri); } }
        }
        """;
    String manager =
        """
        package p;
        class Manager implements javax.cache.CacheManager {
          private final Object lock = new Object();
          private final Provider provider;
          Manager(Provider provider) { this.provider = provider; }
          @Override public void close() { synchronized (lock) { provider.close("uri"); } }
        }
        """;
    // The manager's provider is one the flow does not know: lockdep's rule also reports the
    // provider's lock taken inside another provider's, beside the cycle.
    List<String> found =
        findings(sources("javax/cache/CacheManager.java", api, "p/Provider.java", provider, "p/Manager.java", manager));
    assertCycle(
        found.stream().filter(f -> !f.contains("[RecursiveLocking]")).toList(), "Provider.managers", "Manager.lock");
    String closeable =
        provider.replace("import javax.cache.CacheManager;", "import java.io.Closeable;")
            .replace("CacheManager", "Closeable")
            .replace("manager.close();", "try { manager.close(); } catch (java.io.IOException e) { }");
    assertTrue(!closeable.contains("CacheManager"), closeable);
    assertEquals(
        List.of(),
        findings(sources("javax/cache/CacheManager.java", api, "p/Provider.java", closeable, "p/Manager.java", manager)));
    String fixed =
        provider.replace(
            """
                synchronized (managers) {
                  for (CacheManager manager : new ArrayList<>(managers.values())) { manager.close(); }
                }
            """,
            """
                List<CacheManager> copy;
                synchronized (managers) { copy = new ArrayList<>(managers.values()); }
                for (CacheManager manager : copy) { manager.close(); }
            """);
    assertTrue(!fixed.equals(provider), fixed);
    assertEquals(
        List.of(),
        findings(sources("javax/cache/CacheManager.java", api, "p/Provider.java", fixed, "p/Manager.java", manager)));
  }

  /**
   * A listener of one type argument ({@code Listener<Channel>}) is entered through a bridge that
   * casts its argument: a source passing itself to listeners the flow does not know runs only
   * those that take a source, not a channel's closer, whose cast would throw first. A listener of
   * sources closes the cycle.
   */
  @Test
  void aGenericListenerRunsOnlyForArgumentsItsParameterTakes() {
    String listener =
        """
        package p;
        public interface Listener<T> { void handleEvent(T t); }
        """;
    String source =
        """
        package p;
        public class Source {
          private final Object lock = new Object();
          public void close(Listener<? super Source> listener) { synchronized (lock) { listener.handleEvent(this); } }
          void lockIt() { synchronized (lock) { } }
        }
        """;
    String channel =
        """
        package p;
        class Channel {
          static final Object GLOBAL = new Object();
          void drain(Source source) { synchronized (GLOBAL) { source.lockIt(); } }
        }
        """;
    String closer =
        """
        package p;
        class Closer implements Listener<Channel> {
          @Override public void handleEvent(Channel channel) { synchronized (Channel.GLOBAL) { } }
        }
        """;
    assertEquals(
        List.of(),
        findings(
            sources(
                "p/Listener.java", listener, "p/Source.java", source, "p/Channel.java", channel, "p/Closer.java", closer)));
    String ofSources = closer.replace("Listener<Channel>", "Listener<Source>").replace("(Channel channel)", "(Source s)");
    assertCycle(
        findings(
            sources(
                "p/Listener.java", listener, "p/Source.java", source, "p/Channel.java", channel, "p/Closer.java", ofSources)),
        "Source.lock",
        "Channel.GLOBAL");
  }

  /**
   * A thread made with {@code this} (a named class of the program implementing {@code Runnable})
   * runs that class's {@code run()}: joined under a lock its {@code run()} takes on an error, the
   * join waits for the completion of a body that waits for the lock (eclipse-paho#244). Joined
   * after the lock is let go, no cycle.
   */
  @Test
  void aThreadMadeWithThisRunsItsClasssRun() {
    String receiver =
        """
        package p;
        public class Receiver implements Runnable {
          private final Object lifecycle = new Object();
          private volatile boolean running;
          private Thread receiverThread;
          public void start(String name) {
            synchronized (lifecycle) { running = true; receiverThread = new Thread(this, name); receiverThread.start(); }
          }
          public void stop() {
            synchronized (lifecycle) {
              running = false;
              try { receiverThread.join(); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
            }
          }
          public void run() {
            while (running) { try { read(); } catch (java.io.IOException e) { stop(); } }
          }
          private void read() throws java.io.IOException { throw new java.io.IOException(); }
        }
        """;
    List<String> found = findings(sources("p/Receiver.java", receiver));
    assertCycle(
        found.stream().filter(f -> f.contains("[LockOrderInversion]")).toList(),
        "completion of Receiver.run()",
        "Receiver.lifecycle");
    // The join leaves the lock: the block after it is the join alone.
    String fixed = receiver.replace("      running = false;\n", "      running = false;\n    }\n    {\n");
    assertTrue(!fixed.equals(receiver), fixed);
    assertEquals(
        List.of(),
        findings(sources("p/Receiver.java", fixed)).stream().filter(f -> f.contains("[LockOrderInversion]")).toList());
  }

  /**
   * An inner object made inside an anonymous class of its enclosing class and handed to a method of
   * that enclosing instance (the channel's free-notifier queueing {@code new Resume()}) is the
   * channel's own, as one made in the channel's own method is: {@code Framed.this} in it is the
   * monitor {@code flushSenders()} holds. Given another channel's task queue, the queue holds
   * others' objects, and the re-entry may be another channel's monitor.
   */
  @Test
  void anInnerObjectMadeInAnAnonymousClassOfItsOuterIsTheOutersOwn() {
    String framed =
        """
        package p;
        import java.util.concurrent.LinkedBlockingDeque;
        abstract class Framed {
          private final LinkedBlockingDeque<Runnable> tasks = new LinkedBlockingDeque<>();
          final Runnable freeNotifier = new Runnable() {
            public void run() { runInIoThread(new Resume()); }
          };
          void runInIoThread(Runnable task) { tasks.add(task); }
          synchronized void flushSenders() { new Resume().run(); }
          private class Resume implements Runnable {
            public void run() { synchronized (Framed.this) { } }
          }
        }
        """;
    assertEquals(List.of(), findings(sources("p/Framed.java", framed)));
    String another =
        framed.replace(
            "  void runInIoThread(Runnable task)",
            "  void lend(Framed other) { other.runInIoThread(new Resume()); }\n  void runInIoThread(Runnable task)");
    assertTrue(!another.equals(framed), another);
    List<String> found = findings(sources("p/Framed.java", another));
    assertEquals(1, found.size(), found::toString);
    assertTrue(found.get(0).contains("[RecursiveLocking]"), found::toString);
  }

  /** A program subclass of {@code Thread}, created, started and joined: its {@code run()} is the task. */
  @Test
  void aThreadSubclassRunsItsOwnRun() {
    String worker =
        """
        package p;
        class Worker extends Thread {
          private final Owner owner;
          Worker(Owner owner) { this.owner = owner; }
          @Override public void run() { owner.tick(); }
        }
        """;
    String owner =
        """
        package p;
        class Owner {
          synchronized void tick() { }
          synchronized void stop() throws InterruptedException {
            Worker last = new Worker(this);
            last.start();
            last.join();
          }
        }
        """;
    assertCycle(findings(sources("p/Worker.java", worker, "p/Owner.java", owner)), "Owner", "completion of Worker.run()");
  }

  /**
   * A listener that registers itself with the subject it keeps ({@code this.subject = subject;
   * subject.add(this)}) points back at it: the subject notifying its listeners under its monitor,
   * called back through {@code listener.subject}, re-enters its own monitor. A listener the creator
   * adds, which never passes itself to its subject, is no back-pointer: lockdep's AA between two
   * subjects is reported.
   */
  @Test
  void anObjectThatRegistersItselfWithWhatItKeepsPointsBackAtIt() {
    String subject =
        """
        package p;
        import java.util.ArrayList;
        import java.util.List;
        class Subject {
          private final List<Listener> listeners = new ArrayList<>();
          synchronized void add(Listener listener) { listeners.add(listener); }
          synchronized void fire() { for (Listener listener : listeners) { listener.changed(); } }
          synchronized int state() { return listeners.size(); }
        }
        """;
    String listener =
        """
        package p;
        class Listener {
          private final Subject subject;
          Listener(Subject subject) { this.subject = subject; subject.add(this); }
          void changed() { subject.state(); }
        }
        """;
    String app =
        """
        package p;
        class App {
          final Subject subject = new Subject();
          final Listener listener;
          App() { listener = new Listener(subject); }
        }
        """;
    assertEquals(List.of(), findings(sources("p/Subject.java", subject, "p/Listener.java", listener, "p/App.java", app)));
    String added = listener.replace(" subject.add(this); }", " }");
    String addedByApp = app.replace("listener = new Listener(subject); }", "listener = new Listener(subject); subject.add(listener); }");
    assertTrue(!added.equals(listener) && !addedByApp.equals(app), added);
    List<String> found = findings(sources("p/Subject.java", subject, "p/Listener.java", added, "p/App.java", addedByApp));
    assertTrue(found.size() == 1 && found.get(0).contains("[RecursiveLocking]"), found::toString);
  }

  /**
   * A class that only declares fields, with initializers: what they create flows as any other
   * body's objects do. The handler a configuration holds is the quiet one, so the call made under
   * the registry's lock never runs the handler that takes the registry's lock under its own
   * monitor. Holding the loud one, the cycle is reported.
   */
  @Test
  void theFieldInitializersOfAClassWithoutMethodsFlow() {
    String handlers =
        """
        package p;
        interface Handler { void handle(); }
        class Quiet implements Handler { public void handle() { } }
        class Loud implements Handler {
          public synchronized void handle() { synchronized (User.REGISTRY) { User.REGISTRY.notifyAll(); } }
        }
        """;
    String config =
        """
        package p;
        class Config {
          final Handler handler = new Quiet();
        }
        """;
    String user =
        """
        package p;
        class User {
          static final Object REGISTRY = new Object();
          private final Config config;
          User(Config config) { this.config = config; }
          void run() { synchronized (REGISTRY) { config.handler.handle(); } }
        }
        """;
    assertEquals(
        List.of(), findings(sources("p/Handler.java", handlers, "p/Config.java", config, "p/User.java", user)));
    String loud = config.replace("new Quiet()", "new Loud()");
    assertTrue(!loud.equals(config), loud);
    assertCycle(
        findings(sources("p/Handler.java", handlers, "p/Config.java", loud, "p/User.java", user)), "Loud", "User.REGISTRY");
  }

  /**
   * A statistic that adds to its parent under its own monitor: the parent's body then calls a
   * {@code synchronized} method of its own, inherited from the superclass, which takes the
   * parent's monitor again. That re-entry never waits, though the child's monitor, of the same
   * class, is held below it: one finding, at the parent's acquisition (two objects of one class
   * nested, lockdep's report), not a second one at the re-entry.
   */
  @Test
  void aReentryIsOfTheObjectHeldWhateverElseOfItsClassIsHeld() {
    String base =
        """
        package p;
        class Statistic {
          long last;
          protected synchronized void touch() { last++; }
        }
        """;
    String size =
        """
        package p;
        class SizeStatistic extends Statistic {
          private final SizeStatistic parent;
          long total;
          SizeStatistic(SizeStatistic parent) { this.parent = parent; }
          synchronized void add(long size) {
            total += size;
            touch();
            if (parent != null) {
              parent.add(size);
            }
          }
        }
        """;
    List<String> found = findings(sources("p/Statistic.java", base, "p/SizeStatistic.java", size));
    assertTrue(found.size() == 1 && found.get(0).contains("[RecursiveLocking]")
        && found.get(0).contains("SizeStatistic.java:6"), found::toString);
  }

  /** A lock wrapper of another file: it locks, in {@code acquire()}, the lock it was made with. */
  private static final String HELD =
      """
      package q;
      import java.util.concurrent.locks.Lock;
      public class Held implements AutoCloseable {
        private final Lock lock;
        public Held(Lock lock) { this.lock = lock; }
        public Held acquire() { lock.lock(); return this; }
        @Override public void close() { lock.unlock(); }
      }
      """;

  /**
   * A lock wrapper of another file, each made from the lock it wraps where a field is declared or
   * set in the only constructor: the wrapper's lock is the lock it was made with (lockdep keys a
   * lock where it is initialised), a new lock made for the field is that field's class. Clearing
   * takes the segment's lock before the LRU lock, and a put evicts under the LRU lock through the
   * segment's wrapper: the cycle is reported (Elasticsearch's {@code Cache}, #99326). In one order
   * the two wrappers, and the LRU lock taken again inside its own hold, are silent.
   */
  @Test
  void aWrapperFieldsLockIsTheLockItWasMadeWith() {
    String cache =
        """
        package p;
        import java.util.concurrent.locks.ReadWriteLock;
        import java.util.concurrent.locks.ReentrantLock;
        import java.util.concurrent.locks.ReentrantReadWriteLock;
        import q.Held;
        class Cache {
          private final ReadWriteLock segmentLock = new ReentrantReadWriteLock();
          private final Held writeLock = new Held(segmentLock.writeLock());
          private final Held lruLock = new Held(new ReentrantLock());
          void put() {
            try (Held w = writeLock.acquire()) { }
            try (Held l = lruLock.acquire()) { promote(); evict(); }
          }
          void promote() { try (Held l = lruLock.acquire()) { } }
          void evict() { try (Held w = writeLock.acquire()) { } }
          void clear() {
            try (Held l = lruLock.acquire()) {
              segmentLock.writeLock().lock();
              segmentLock.writeLock().unlock();
            }
          }
        }
        """;
    assertEquals(List.of(), findings(sources("q/Held.java", HELD, "p/Cache.java", cache)));
    String inverted = cache.replace(
        """
            try (Held l = lruLock.acquire()) {
              segmentLock.writeLock().lock();
              segmentLock.writeLock().unlock();
            }
        """,
        """
            segmentLock.writeLock().lock();
            try (Held l = lruLock.acquire()) { } finally { segmentLock.writeLock().unlock(); }
        """);
    assertTrue(!inverted.equals(cache), inverted);
    assertCycle(findings(sources("q/Held.java", HELD, "p/Cache.java", inverted)), "Cache.lruLock", "Cache.segmentLock");
    String inConstructor = inverted.replace(
        "private final Held writeLock = new Held(segmentLock.writeLock());",
        "private final Held writeLock; Cache() { writeLock = new Held(segmentLock.writeLock()); }");
    assertTrue(!inConstructor.equals(inverted), inConstructor);
    assertCycle(findings(sources("q/Held.java", HELD, "p/Cache.java", inConstructor)), "Cache.lruLock", "Cache.segmentLock");
  }

  /**
   * A lock a program method returns with a JDK type ({@code Object}), through an interface, is of
   * that method's class, not {@code Object}'s: two such locks of two interfaces nested in one
   * order are silent (they were one class, {@code Object}, and read as lockdep's AA), and taken in
   * both orders they are an inversion between the two methods' classes.
   */
  @Test
  void aLockAMethodReturnsIsOfThatMethodsClass() {
    String source =
        """
        package p;
        interface Channel { Object mutex(); }
        interface Registry { Object guard(); }
        class Dispatcher {
          void dispatch(Channel channel, Registry registry) {
            synchronized (channel.mutex()) { synchronized (registry.guard()) { } }
          }
          void register(Channel channel, Registry registry) {
            synchronized (channel.mutex()) { synchronized (registry.guard()) { } }
          }
        }
        """;
    assertEquals(List.of(), findings(sources("p/Dispatcher.java", source)));
    String inverted = source.replace(
        "void register(Channel channel, Registry registry) {\n"
            + "    synchronized (channel.mutex()) { synchronized (registry.guard()) { } }",
        "void register(Channel channel, Registry registry) {\n"
            + "    synchronized (registry.guard()) { synchronized (channel.mutex()) { } }");
    assertTrue(!inverted.equals(source), inverted);
    assertCycle(findings(sources("p/Dispatcher.java", inverted)), "Channel.mutex()", "Registry.guard()");
  }

  /**
   * A lock field given locks of two classes by its creators (a sensor passes itself, a registry a
   * fresh lock) is each of them where its object is not known: a metric read back from the
   * registry's list locks the sensor's monitor or its own lock, so the registry reporting under
   * its monitor while a sensor records into the registry under its own is an inversion (it was
   * the field's own class, and the cycle never closed: KAFKA-7136's shape). The same program with
   * the sensor recording outside its monitor is silent. The sensor may pass itself through a
   * method that returns it.
   */
  @Test
  void aLockFieldGivenSeveralClassesIsEachOfThem() {
    String source =
        """
        package p;
        import java.util.ArrayList;
        import java.util.List;
        class Metric {
          private final Object lock;
          Metric(Object lock) { this.lock = lock; }
          Object value() { synchronized (lock) { return null; } }
        }
        class Sensor {
          private final Registry registry;
          Sensor(Registry registry) { this.registry = registry; }
          void add() { registry.register(new Metric(this)); }
          void record() { registry.changed(); }
        }
        class Registry {
          private final List<Metric> metrics = new ArrayList<>();
          synchronized void register(Metric metric) { metrics.add(metric); }
          void addPlain() { register(new Metric(new Object())); }
          synchronized void changed() { }
          synchronized void report() { for (Metric metric : metrics) { metric.value(); } }
        }
        """;
    assertEquals(List.of(), findings(sources("p/Registry.java", source)));
    String locked = source.replace("void record() { registry.changed(); }", "synchronized void record() { registry.changed(); }");
    assertTrue(!locked.equals(source), locked);
    assertCycle(findings(sources("p/Registry.java", locked)), "Sensor", "Registry");
    // A lock a call returns keeps its class when passed on: a getter of `this`.
    String byCall = locked.replace("void add() { registry.register(new Metric(this)); }",
        "void add() { registry.register(new Metric(lock())); }\n  private Object lock() { return this; }");
    assertTrue(!byCall.equals(locked), byCall);
    assertCycle(findings(sources("p/Registry.java", byCall)), "Sensor", "Registry");
  }

  /**
   * A wrapper held by a field of the enclosing class, used from an inner class ({@code
   * this.this$Cache.lruLock}), takes the lock it was made with: wrappers are made with the
   * segment's lock and with a fresh lock, and this one is the fresh one, so the segment's lock
   * taken under it is silent (as one of the wrapper's possible locks, it was an AA on the segment
   * lock); taken in both orders, the two are an inversion.
   */
  @Test
  void aWrapperInAnEnclosingObjectsFieldTakesItsOwnLock() {
    String cache =
        """
        package p;
        import java.util.concurrent.locks.ReadWriteLock;
        import java.util.concurrent.locks.ReentrantLock;
        import java.util.concurrent.locks.ReentrantReadWriteLock;
        import q.Held;
        class Cache {
          private final Held lruLock = new Held(new ReentrantLock());
          private final Segment segment = new Segment();
          void get() { segment.get(); }
          private final class Segment {
            private final ReadWriteLock segmentLock = new ReentrantReadWriteLock();
            private final Held writeLock = new Held(segmentLock.writeLock());
            void get() { try (Held l = lruLock.acquire()) { remove(); } }
            void remove() { try (Held w = writeLock.acquire()) { } }
          }
        }
        """;
    assertEquals(List.of(), findings(sources("q/Held.java", HELD, "p/Cache.java", cache)));
    String inverted = cache.replace(
        "void remove() { try (Held w = writeLock.acquire()) { } }",
        "void remove() { try (Held w = writeLock.acquire()) { } }\n"
            + "    void clear() { try (Held w = writeLock.acquire()) { try (Held l = lruLock.acquire()) { } } }");
    assertTrue(!inverted.equals(cache), inverted);
    assertCycle(findings(sources("q/Held.java", HELD, "p/Cache.java", inverted)), "Cache.lruLock", "Segment.segmentLock");
  }

  /**
   * A lock class of the program built on {@code AbstractQueuedSynchronizer} whose {@code
   * tryAcquire} never asks who holds it cannot be taken again by its holder: a field that may hold
   * one (a conditional in the constructor) taken again in a callee is lockdep's self-deadlock. The
   * same lock counting its holder's holds is reentrant, and the program is silent.
   */
  @Test
  void aProgramLockThatNeverAsksItsHolderIsNotReentrant() {
    String source =
        """
        package p;
        import java.util.concurrent.TimeUnit;
        import java.util.concurrent.locks.AbstractQueuedSynchronizer;
        import java.util.concurrent.locks.Condition;
        import java.util.concurrent.locks.Lock;
        import java.util.concurrent.locks.ReentrantLock;
        final class SpinLock implements Lock {
          private final Sync sync = new Sync();
          static final class Sync extends AbstractQueuedSynchronizer {
            @Override protected boolean tryAcquire(int acquires) {
              if (compareAndSetState(0, 1)) { setExclusiveOwnerThread(Thread.currentThread()); return true; }
              return false;
            }
            @Override protected boolean tryRelease(int releases) { setExclusiveOwnerThread(null); setState(0); return true; }
          }
          public void lock() { sync.acquire(1); }
          public void lockInterruptibly() throws InterruptedException { sync.acquireInterruptibly(1); }
          public boolean tryLock() { return sync.tryAcquire(1); }
          public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
            return sync.tryAcquireNanos(1, unit.toNanos(time));
          }
          public void unlock() { sync.release(1); }
          public Condition newCondition() { throw new UnsupportedOperationException(); }
        }
        class Cache {
          private final Lock evictionLock;
          Cache(boolean spin) { evictionLock = spin ? new SpinLock() : new ReentrantLock(); }
          void cleanUp() { evictionLock.lock(); try { drain(); } finally { evictionLock.unlock(); } }
          void drain() { evictionLock.lock(); try { } finally { evictionLock.unlock(); } }
        }
        """;
    List<String> found = findings(sources("p/Cache.java", source));
    assertEquals(1, found.size(), found::toString);
    assertTrue(found.get(0).contains("[RecursiveLocking]") && found.get(0).contains("Cache.evictionLock"), found::toString);
    String counting = source.replace(
        "if (compareAndSetState(0, 1)) {",
        "if (getExclusiveOwnerThread() == Thread.currentThread()) { setState(getState() + 1); return true; }\n"
            + "      if (compareAndSetState(0, 1)) {");
    assertTrue(!counting.equals(source), counting);
    assertEquals(List.of(), findings(sources("p/Cache.java", counting)));
  }

  /**
   * A body entered in more contexts than its bound keeps those holding locks: a dispatcher handed
   * 600 different callbacks with nothing held has 600 contexts, and the one call made under the
   * pool's monitor, whose callee takes the registry's, must survive the bound for the inversion
   * with the registry's order to be seen (it sorted after every context holding nothing).
   */
  @Test
  void theContextsBoundKeepsTheContextsHoldingLocks() {
    StringBuilder source = new StringBuilder(
        """
        package p;
        class Dispatcher {
          private final Object registry = new Object();
          void dispatch(Runnable task) { task.run(); synchronized (registry) { registry.notifyAll(); } }
          void register(Pool pool) { synchronized (registry) { pool.touch(); } }
        }
        class Pool {
          private final Dispatcher dispatcher = new Dispatcher();
          synchronized void touch() { }
          void evict() { synchronized (this) { dispatcher.dispatch(() -> { }); } }
        """);
    for (int i = 0; i < 600; i++) {
      source.append("  void hand").append(i).append("() { dispatcher.dispatch(() -> hand").append(i).append("()); }\n");
    }
    source.append("}\n");
    List<String> found = findings(sources("p/Dispatcher.java", source.toString()));
    assertEquals(1, found.stream().filter(f -> f.contains("[LockOrderInversion]")).count(), found::toString);
    assertTrue(found.stream().anyMatch(f -> f.contains("Dispatcher.registry") && f.contains("Pool")), found::toString);
  }

  /**
   * A lock an abstract method returns ({@code synchronized (getLock())}) is keyed by that method
   * where nothing says which object runs it; where composition knows the object, it is the lock
   * that object's getter returns. Two aggregators of two owners, each guarding itself with its
   * owner's lock: the channel's own lock taken again through its aggregator is a re-entry, and the
   * transport's aggregator calling the channel's is an order of two locks, not lockdep's AA on
   * {@code Aggregator.getLock()} nor a cycle through it.
   */
  @Test
  void aLockAnAbstractGetterReturnsIsTheLockOfTheImplementationThatRuns() {
    String aggregator =
        """
        package p;
        abstract class Aggregator {
          abstract Object getLock();
          abstract void handle();
          final void update() { synchronized (getLock()) { handle(); } }
        }
        class Channel {
          private final Object lock = new Object();
          final Aggregator agg = new Aggregator() {
            Object getLock() { return lock; }
            void handle() { exitIdle(); }
          };
          void exitIdle() { synchronized (lock) { } }
          void check() { synchronized (lock) { agg.update(); } }
        }
        class Transport {
          private final Object lock = new Object();
          private final Channel channel = new Channel();
          final Aggregator agg = new Aggregator() {
            Object getLock() { return lock; }
            void handle() { channel.agg.update(); }
          };
          void use() { agg.update(); }
        }
        """;
    assertEquals(List.of(), findings(sources("p/Aggregator.java", aggregator)));
  }

  /**
   * The lock a store's getter returns, taken through the abstract method it implements, is the
   * store's lock that its own methods take by name: the index's order against it closes the
   * cycle, which two names for one lock would not.
   */
  @Test
  void aLockTakenThroughAnAbstractGetterAndByNameIsOneClass() {
    String store =
        """
        package p;
        abstract class Guarded {
          abstract Object mutex();
          abstract void changed();
          final void update() { synchronized (mutex()) { changed(); } }
        }
        class Store extends Guarded {
          private final Object lock = new Object();
          private final Index index;
          Store(Index index) { this.index = index; }
          Object mutex() { return lock; }
          void changed() { index.refresh(); }
          void flush() { synchronized (lock) { } }
        }
        class Index {
          synchronized void refresh() { }
          synchronized void rebuild(Store store) { store.flush(); }
          void touch(Store store) { store.update(); }
        }
        """;
    assertCycle(findings(sources("p/Guarded.java", store)), "Store.lock", "Index");
  }

  /**
   * A final method runs the overrides its {@code this} selects, and its {@code this} is what the
   * flow brings to the receiver, as for an overridable method: the registry's task is a fast one,
   * so the slow task's lock is not taken under the registry's.
   */
  @Test
  void aFinalMethodRunsForTheTypesTheFlowBringsToItsReceiver() {
    String tasks =
        """
        package p;
        abstract class Task {
          abstract void step();
          final void run() { step(); }
        }
        class Fast extends Task { void step() { } }
        class Slow extends Task {
          final Object lock = new Object();
          void step() { synchronized (lock) { Registry.touch(); } }
        }
        class Registry {
          static final Task task = new Fast();
          static synchronized void touch() { }
          static synchronized void runAll() { task.run(); }
        }
        class User {
          void use() { new Slow().run(); }
        }
        """;
    assertEquals(List.of(), findings(sources("p/Task.java", tasks)));
  }

  /**
   * A field initializer runs on an object of its class, whatever body of the file comes first (here
   * the anonymous listener's): the listener it makes belongs to that object, whose lock the
   * listener takes again through its enclosing instance, a re-entry.
   */
  @Test
  void anInnerObjectAFieldInitializerMakesBelongsToTheObjectOfTheFieldsClass() {
    String owner =
        """
        package p;
        abstract class Listener { abstract void fired(); }
        class Owner {
          final Object lock = new Object();
          final Listener listener = new Listener() { void fired() { touch(); } };
          void touch() { synchronized (lock) { } }
          void fire() { synchronized (lock) { listener.fired(); } }
        }
        """;
    assertEquals(List.of(), findings(sources("p/Owner.java", owner)));
  }

  /**
   * A lock taken through an interface's method on an object of unknown type ({@code
   * entity.getSubsegmentsLock().tryLock()}) is each lock the implementations' getters return (a
   * getter may read its field under a lock): the entity's own field lock among them, which its
   * methods take under the entity's monitor, so the streaming code's order against that monitor
   * closes the cycle (aws/aws-xray-sdk-java#276). The streaming code's recursion re-entering the
   * child's lock by its field's name is a re-entry.
   */
  @Test
  void aLockAnInterfaceMethodReturnsIsEachLockItsGettersReturn() {
    String entity =
        """
        package p;
        import java.util.ArrayList;
        import java.util.List;
        import java.util.concurrent.locks.ReentrantLock;
        interface Entity {
          ReentrantLock getSubsegmentsLock();
          boolean isInProgress();
          List<Entity> children();
          void remove(Entity child);
        }
        class EntityImpl implements Entity {
          private final Object lock = new Object();
          private final ReentrantLock subsegmentsLock = new ReentrantLock();
          private final List<Entity> children = new ArrayList<>();
          public ReentrantLock getSubsegmentsLock() { synchronized (lock) { return subsegmentsLock; } }
          public boolean isInProgress() { synchronized (lock) { return true; } }
          public List<Entity> children() { return children; }
          public void add(Entity child) {
            synchronized (lock) {
              subsegmentsLock.lock();
              try { children.add(child); } finally { subsegmentsLock.unlock(); }
            }
          }
          public void remove(Entity child) {
            subsegmentsLock.lock();
            try { children.remove(child); } finally { subsegmentsLock.unlock(); }
          }
        }
        class NoOpEntity implements Entity {
          private final ReentrantLock lock = new ReentrantLock();
          public ReentrantLock getSubsegmentsLock() { return lock; }
          public boolean isInProgress() { return false; }
          public List<Entity> children() { return List.of(); }
          public void remove(Entity child) { }
        }
        class Streaming {
          void streamSome(Entity entity) {
            if (entity.getSubsegmentsLock().tryLock()) {
              try { stream(entity); } finally { entity.getSubsegmentsLock().unlock(); }
            }
          }
          private void stream(Entity entity) {
            List<Entity> done = new ArrayList<>();
            for (Entity child : entity.children()) {
              if (child.getSubsegmentsLock().tryLock()) {
                try { stream(child); done.add(child); } finally { child.getSubsegmentsLock().unlock(); }
              }
            }
            entity.isInProgress();
            for (Entity child : done) { entity.remove(child); }
          }
        }
        """;
    assertCycle(findings(sources("p/Entity.java", entity)), "EntityImpl.subsegmentsLock", "EntityImpl.lock");
  }

  /**
   * A map keeps what the function passed to {@code computeIfAbsent} returns: the managers the
   * provider makes that way are what its map holds, so closing one under the map's monitor runs
   * the manager's {@code close()}, which calls back into the provider (the JCache provider's close
   * in caffeine's jcache module).
   */
  @Test
  void aMapKeepsWhatItsComputeIfAbsentFunctionReturns() {
    String provider =
        """
        package p;
        import java.util.HashMap;
        import java.util.Map;
        class Provider {
          final Map<String, AutoCloseable> managers = new HashMap<>();
          AutoCloseable get(String uri) {
            synchronized (managers) { return managers.computeIfAbsent(uri, u -> new Manager(this, u)); }
          }
          void close(String uri) throws Exception {
            synchronized (managers) {
              AutoCloseable manager = managers.remove(uri);
              if (manager != null) { manager.close(); }
            }
          }
        }
        class Manager implements AutoCloseable {
          private final Object lock = new Object();
          private final Provider provider;
          private final String uri;
          Manager(Provider provider, String uri) { this.provider = provider; this.uri = uri; }
          public void close() throws Exception { synchronized (lock) { provider.close(uri); } }
        }
        """;
    assertCycle(findings(sources("p/Provider.java", provider)), "Manager.lock", "Provider.managers");
  }

  /**
   * A lambda kept in a field and called later runs where it is called: the statement's {@code
   * close()} runs the connection's {@code onClose} hook under the statement's lock, against the
   * connection closing its statements under its map's monitor (apache/druid#6867). A program
   * functional interface and a JDK one alike, also kept through Guava's {@code checkNotNull};
   * before, such a lambda ran nothing.
   */
  @Test
  void aLambdaKeptInAFieldRunsWhereItIsCalled() {
    String connection =
        """
        package p;
        import java.util.ArrayList;
        import java.util.HashMap;
        import java.util.Map;
        class Conn {
          private final Map<Integer, Stmt> statements = new HashMap<>();
          private int counter;
          Stmt createStatement() {
            synchronized (statements) {
              int id = ++counter;
              Stmt s = new Stmt(() -> { synchronized (statements) { statements.remove(id); } });
              statements.put(id, s);
              return s;
            }
          }
          void close() {
            synchronized (statements) { for (Stmt s : new ArrayList<>(statements.values())) { s.close(); } }
          }
        }
        class Stmt {
          private final Object lock = new Object();
          private final OnClose onClose;
          Stmt(OnClose onClose) { this.onClose = onClose; }
          void close() { synchronized (lock) { onClose.run(); } }
        }
        interface OnClose { void run(); }
        """;
    assertCycle(findings(sources("p/Conn.java", connection)), "Stmt.lock", "Conn.statements");
    String jdk = connection.replace("private final OnClose onClose;", "private final Runnable onClose;")
        .replace("Stmt(OnClose onClose)", "Stmt(Runnable onClose)");
    assertTrue(!jdk.equals(connection), jdk);
    assertCycle(findings(sources("p/Conn.java", jdk)), "Stmt.lock", "Conn.statements");
    // Kept through a generic method of a library without summaries that hands back what it is given.
    String checked = jdk.replace("this.onClose = onClose;",
        "this.onClose = com.google.common.base.Preconditions.checkNotNull(onClose, \"onClose\");");
    assertTrue(!checked.equals(jdk), checked);
    assertCycle(findings(sources("p/Conn.java", checked)), "Stmt.lock", "Conn.statements");
  }

  /**
   * A listener lambda added to a list runs when the bus fires the list, under the bus's monitor:
   * the user's lock under the bus's closes the cycle with the user firing under its lock. The
   * lambda's {@code this} is the user that made it, taken as the object that holds its lock when it
   * fires (a re-entry, as for an anonymous listener), not another user's: no recursive locking.
   */
  @Test
  void aListenerLambdaInAListRunsWhenTheListIsFired() {
    String bus =
        """
        package p;
        import java.util.ArrayList;
        import java.util.List;
        class Bus {
          final List<Runnable> listeners = new ArrayList<>();
          synchronized void fire() { for (Runnable r : listeners) { r.run(); } }
        }
        class User {
          final Object lock = new Object();
          final Bus bus = new Bus();
          void init() { bus.listeners.add(() -> { synchronized (lock) { } }); }
          void other() { synchronized (lock) { bus.fire(); } }
        }
        """;
    assertCycle(findings(sources("p/Bus.java", bus)), "Bus", "User.lock");
  }

  /**
   * A wrapper's getter handing on its delegate's lock ({@code return session.getLock();}) returns
   * one of the other implementations' locks, not a class of its own: a session's lock taken
   * through the interface and by the implementation's getter is one class, so nesting two
   * sessions' locks is lockdep's AA, and no cycle names that one lock twice (httpcore5's TLS
   * session).
   */
  @Test
  void aWrappersGetterHandingOnItsDelegatesLockNamesNoClassOfItsOwn() {
    String session =
        """
        package p;
        import java.util.concurrent.locks.Lock;
        import java.util.concurrent.locks.ReentrantLock;
        interface Session { Lock getLock(); void close(); }
        class Impl implements Session {
          private final ReentrantLock lock = new ReentrantLock();
          public Lock getLock() { return lock; }
          public void close() { lock.lock(); try { } finally { lock.unlock(); } }
        }
        class Tls implements Session {
          private final Session session;
          Tls(Session session) { this.session = session; }
          public Lock getLock() { return session.getLock(); }
          public void close() { session.close(); }
        }
        class Pool {
          void a(Session s, Impl i) { s.getLock().lock(); try { i.close(); } finally { s.getLock().unlock(); } }
          void b(Session s, Impl i) {
            i.getLock().lock();
            try { s.getLock().lock(); s.getLock().unlock(); } finally { i.getLock().unlock(); }
          }
        }
        """;
    List<String> found = findings(sources("p/Session.java", session));
    assertEquals(2, found.size(), found::toString);
    assertTrue(
        found.stream().allMatch(f -> f.contains("[RecursiveLocking]") && f.contains("acquiring Impl.lock")),
        found::toString);
  }
}
