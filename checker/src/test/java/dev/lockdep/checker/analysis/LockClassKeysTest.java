package dev.lockdep.checker.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lockdep.lockgraph.HeldLock;
import dev.lockdep.lockgraph.program.MethodSummary;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Lock class keys in SPEC §5's order. Each acquisition line of the source ends with
 * {@code // key: <key>[/subclass]} (or {@code reentrant=false}); the test compares every
 * acquisition the front end records with those comments.
 */
class LockClassKeysTest {
  private static final String SOURCE =
      """
      package p;

      import dev.lockdep.annotations.LockClass;
      import dev.lockdep.annotations.Nested;
      import java.util.concurrent.Semaphore;
      import java.util.concurrent.locks.Lock;
      import java.util.concurrent.locks.ReentrantLock;
      import java.util.concurrent.locks.ReentrantReadWriteLock;
      import java.util.concurrent.locks.StampedLock;

      class Keys {
        @LockClass("Pool.lock") private final ReentrantLock named = new ReentrantLock();
        private final ReentrantLock plain = new ReentrantLock();
        @Nested(2) private final Object nestedField = new Object();
        private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
        private final Lock writeView = rw.writeLock();
        private final Lock freshView = new ReentrantReadWriteLock().writeLock();
        private final StampedLock stamped = new StampedLock();
        private final Semaphore permit = new Semaphore(1);
        private static final Object GLOBAL = new Object();

        @LockClass("Account")
        static final class Account {}

        static final class Node {}

        ReentrantLock plainLock() { return plain; }

        @LockClass("Returned") ReentrantLock annotatedGetter() { return new ReentrantLock(); }

        Node fresh() { return new Node(); }

        void fields() {
          named.lock(); // key: Pool.lock
          plain.lock(); // key: p.Keys.plain
          synchronized (nestedField) {} // key: p.Keys.nestedField/2
          synchronized (GLOBAL) {} // key: p.Keys.GLOBAL
          writeView.lock(); // key: p.Keys.rw
          freshView.lock(); // key: p.Keys.freshView
          stamped.asReadLock().lock(); // key: p.Keys.stamped reentrant=false
          permit.acquireUninterruptibly(); // key: p.Keys.permit reentrant=false
        }

        void classLiterals() {
          synchronized (Keys.class) {} // key: p.Keys.class
          synchronized (Node.class) {} // key: p.Keys.Node.class
        }

        static synchronized void staticMethod() {} // key: p.Keys.class

        synchronized void instanceMethod() {} // key: p.Keys

        void staticTypes(Node node, @LockClass("Param") Object param, @Nested(1) Node child) {
          synchronized (this) {} // key: p.Keys
          synchronized (node) {} // key: p.Keys.Node
          synchronized (param) {} // key: Param
          synchronized (child) {} // key: p.Keys.Node/1
          synchronized (fresh()) {} // key: p.Keys.Node
          synchronized (new Account()) {} // key: Account
        }

        void locals() {
          ReentrantLock fromField = plain;
          fromField.lock(); // key: p.Keys.plain
          plain.unlock();
          ReentrantLock fromGetter = plainLock();
          fromGetter.lock(); // key: p.Keys.plain
          annotatedGetter().lock(); // key: Returned
          Lock readView = rw.readLock();
          readView.lock(); // key: p.Keys.rw
          @LockClass("Local") Object local = new Object();
          synchronized (local) {} // key: Local
          @Nested(3) Object nestedLocal = nestedField;
          synchronized (nestedLocal) {} // key: p.Keys.nestedField/3
        }

        interface Channel { Object mutex(); }

        abstract static class Guarded { abstract Lock guard(); }

        Object made() { return new Object(); }

        static <E> E first(java.util.List<E> list) { return list.get(0); }

        void returned(Channel channel, Guarded guarded, java.util.List<Object> objects) {
          synchronized (channel.mutex()) {} // key: p.Keys.Channel.mutex()
          guarded.guard().lock(); // key: p.Keys.Guarded.guard()
          synchronized (made()) {} // key: p.Keys.made()
          synchronized (first(objects)) {} // key: java.lang.Object
          synchronized (objects.get(0)) {} // key: java.lang.Object
        }

        @Nested(4)
        void nestedMethod(Node node) {
          synchronized (node) {} // key: p.Keys.Node/4
          synchronized (nestedField) {} // key: p.Keys.nestedField/2
        }
      }
      """;

  @Test
  void everyAcquisitionHasTheKeyItsCommentNames() {
    Map<Integer, String> expected = new TreeMap<>();
    List<String> lines = SOURCE.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      int comment = lines.get(i).indexOf("// key: ");
      if (comment >= 0) {
        expected.put(i + 1, lines.get(i).substring(comment + "// key: ".length()).trim());
      }
    }
    UnitSummary unit = FrontEnd.analyzeOne("p/Keys.java", SOURCE);
    Map<Integer, String> actual = new TreeMap<>();
    for (MethodSummary method : unit.methods()) {
      for (MethodSummary.Acquisition a : method.acquisitions()) {
        actual.put(a.at().line(), describe(a.next()));
      }
    }
    assertEquals(expected, actual);
  }

  private static String describe(HeldLock lock) {
    String key = lock.lockClass().key() + (lock.lockClass().subclass() == 0 ? "" : "/" + lock.lockClass().subclass());
    return lock.lockClass().reentrant() ? key : key + " reentrant=false";
  }
}
