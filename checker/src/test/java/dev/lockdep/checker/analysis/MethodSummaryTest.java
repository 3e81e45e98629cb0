package dev.lockdep.checker.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockdep.lockgraph.HeldLock;
import dev.lockdep.lockgraph.ReadMode;
import dev.lockdep.lockgraph.program.MethodSummary;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a method summary records: every acquisition and call with the locks held, at its position. */
class MethodSummaryTest {
  private static final String POOL =
      """
      package p;

      import java.util.concurrent.locks.ReentrantLock;
      import java.util.concurrent.locks.ReentrantReadWriteLock;

      class Pool {
        private final ReentrantLock lock = new ReentrantLock();
        private final ReentrantReadWriteLock table = new ReentrantReadWriteLock();
        private final Object stats = new Object();

        void evict(long bytes) {
          lock.lock();
          try {
            table.readLock().lock();
            try {
              spill(bytes);
              synchronized (stats) {
                count();
              }
            } finally {
              table.readLock().unlock();
            }
          } finally {
            lock.unlock();
          }
          count();
        }

        void spill(long bytes) {}

        void count() {}

        void tryIt() {
          if (lock.tryLock()) {
            try {
              synchronized (stats) {}
            } finally {
              lock.unlock();
            }
          }
        }
      }
      """;

  private static String keys(List<HeldLock> held) {
    return String.join(",", held.stream().map(h -> h.lockClass().key() + (h.read() == ReadMode.SHARED ? "(r)" : "") + (h.trylock() ? "(try)" : "")).toList());
  }

  @Test
  void acquisitionsWithTheLocksHeldBeforeThem() {
    MethodSummary evict = FrontEnd.method(FrontEnd.analyzeOne("p/Pool.java", POOL), "Pool.evict(long)");
    List<String> acquisitions =
        evict.acquisitions().stream()
            .map(a -> a.at().line() + ":" + a.at().column() + " [" + keys(a.held()) + "] -> " + keys(List.of(a.next())))
            .toList();
    assertEquals(
        List.of(
            "12:5 [] -> p.Pool.lock",
            "14:7 [p.Pool.lock] -> p.Pool.table(r)",
            "17:9 [p.Pool.lock,p.Pool.table(r)] -> p.Pool.stats"),
        acquisitions);
    assertEquals("p/Pool.java", evict.acquisitions().get(0).at().file());
    assertEquals("Pool.evict(long)", evict.acquisitions().get(0).at().method());
  }

  @Test
  void callsWithTheLocksHeldAcrossThem() {
    MethodSummary evict = FrontEnd.method(FrontEnd.analyzeOne("p/Pool.java", POOL), "Pool.evict(long)");
    List<String> calls =
        evict.calls().stream().map(c -> c.at().line() + " " + c.callee() + " [" + keys(c.held()) + "]").toList();
    assertEquals(
        List.of(
            "14 java.util.concurrent.locks.ReentrantReadWriteLock#readLock() [p.Pool.lock]",
            "16 p.Pool#spill(long) [p.Pool.lock,p.Pool.table(r)]",
            "18 p.Pool#count() [p.Pool.lock,p.Pool.table(r),p.Pool.stats]",
            "21 java.util.concurrent.locks.ReentrantReadWriteLock#readLock() [p.Pool.lock,p.Pool.table(r)]",
            "26 p.Pool#count() []"),
        calls);
  }

  @Test
  void trylockHeldIsAPredecessor() {
    MethodSummary tryIt = FrontEnd.method(FrontEnd.analyzeOne("p/Pool.java", POOL), "Pool.tryIt()");
    List<String> acquisitions =
        tryIt.acquisitions().stream().map(a -> a.at().line() + " [" + keys(a.held()) + "] -> " + keys(List.of(a.next()))).toList();
    assertEquals(List.of("34 [] -> p.Pool.lock(try)", "36 [p.Pool.lock(try)] -> p.Pool.stats"), acquisitions);
  }

  @Test
  void everyWrittenMethodIsSummarised() {
    UnitSummary unit = FrontEnd.analyzeOne("p/Pool.java", POOL);
    assertTrue(unit.internalErrors().isEmpty());
    assertEquals(
        List.of("Pool.evict(long)", "Pool.spill(long)", "Pool.count()", "Pool.tryIt()"),
        unit.methods().stream().map(MethodSummary::method).toList());
  }

  /**
   * What a call may leave held matters to UnbalancedUnlock alone: a loop whose head changes only in
   * that is not passed over again, so the calls recorded are the same as without it.
   */
  @Test
  void holdsLeftByCallsDoNotChangeTheFacts() {
    String source =
        """
        package p;

        class Filter {
          Filter join;

          interface Visitor {
            void accept(Filter f);
          }

          void visit(Visitor visitor) {
            Filter f = this;
            do {
              visitor.accept(f);
              f = f.join;
            } while (f != null);
          }
        }
        """;
    MethodSummary visit = FrontEnd.method(FrontEnd.analyzeOne("p/Filter.java", source), "Filter.visit(Visitor)");
    List<String> accepted =
        visit.calls().stream()
            .filter(c -> c.callee().endsWith("#accept(p.Filter)"))
            .map(c -> c.arguments().get(0).lockClass().key())
            .toList();
    assertEquals(List.of("p.Filter"), accepted);
  }
}
