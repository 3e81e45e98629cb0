package dev.lockdep.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every kind of statement, expression and declaration around lock operations: the plugin analyses
 * all of them without an internal error, and finds nothing in balanced, consistently ordered code.
 */
class LanguageCoverageTest {
  private static final String ZOO =
      """
      package p;

      import java.util.List;
      import java.util.concurrent.Callable;
      import java.util.concurrent.locks.ReentrantLock;
      import java.util.concurrent.locks.ReentrantReadWriteLock;
      import java.util.function.Supplier;

      class Zoo {
        static final Object STATIC_LOCK = new Object();
        private final ReentrantLock lock = new ReentrantLock();
        private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
        private int count;

        static {
          synchronized (STATIC_LOCK) {
            System.out.println("loaded");
          }
        }

        {
          synchronized (STATIC_LOCK) {
            count = 1;
          }
        }

        record Point(int x, int y) {
          synchronized int sum() {
            return x + y;
          }
        }

        enum Mode {
          FAST {
            @Override
            synchronized int weight() {
              return 1;
            }
          };

          abstract int weight();
        }

        interface Visitor {
          default void visit(Object node) {
            synchronized (node) {
              node.hashCode();
            }
          }
        }

        int switches(int k, Object o) {
          lock.lock();
          try {
            int r =
                switch (k) {
                  case 0 -> 1;
                  case 1 -> {
                    if (o == null) {
                      yield 2;
                    }
                    yield 3;
                  }
                  default -> {
                    try {
                      yield Integer.parseInt(o.toString());
                    } catch (NumberFormatException e) {
                      yield -1;
                    }
                  }
                };
            switch (r) {
              case 1:
              case 2:
                r++;
                break;
              default:
                r--;
            }
            if (o instanceof String s && !s.isEmpty()) {
              r += s.length();
            }
            return r;
          } finally {
            lock.unlock();
          }
        }

        void loops(List<String> items) {
          outer:
          for (String item : items) {
            int i = 0;
            do {
              lock.lock();
              try {
                if (item.isEmpty()) {
                  continue outer;
                }
                if (i > 10) {
                  break outer;
                }
              } finally {
                lock.unlock();
              }
              i++;
            } while (i < item.length());
          }
          block:
          {
            if (items.isEmpty()) {
              break block;
            }
            count++;
          }
        }

        String resources() throws Exception {
          try (java.io.StringReader reader = new java.io.StringReader("x")) {
            rw.readLock().lock();
            try {
              return String.valueOf((char) reader.read());
            } finally {
              rw.readLock().unlock();
            }
          }
        }

        void callbacks() throws Exception {
          Runnable r =
              () -> {
                lock.lock();
                try {
                  count++;
                } finally {
                  lock.unlock();
                }
              };
          Supplier<Integer> s = () -> lock.tryLock() ? 1 : 0;
          Callable<Integer> c = this::locked;
          Runnable anonymous =
              new Runnable() {
                @Override
                public synchronized void run() {
                  synchronized (STATIC_LOCK) {
                    r.run();
                  }
                }
              };
          class Local {
            synchronized void go() {
              anonymous.run();
            }
          }
          new Local().go();
          assert count >= 0 : "negative";
          var result = c.call();
          boolean taken = lock.tryLock() ? true : false;
          if (taken) {
            lock.unlock();
          }
          s.get();
        }

        synchronized int locked() {
          return count;
        }

        <T extends Comparable<T>> T max(T a, T b) {
          synchronized (this) {
            return a.compareTo(b) >= 0 ? a : b;
          }
        }

        void throwing(boolean fail) {
          lock.lock();
          try {
            if (fail) {
              throw new IllegalStateException("fail");
            }
          } catch (IllegalStateException e) {
            count--;
            throw e;
          } finally {
            lock.unlock();
          }
        }

        void whileTryLock() throws InterruptedException {
          while (!lock.tryLock()) {
            Thread.sleep(1);
          }
          try {
            count++;
          } finally {
            lock.unlock();
          }
        }
      }
      """;

  @Test
  void everyConstructIsAnalysedWithoutAFinding() {
    List<PluginCompiler.Diag> diagnostics = PluginCompiler.compile(Map.of("p/Zoo.java", ZOO));
    assertEquals(List.of(), diagnostics.stream().map(PluginCompiler.Diag::firstLine).toList());
  }
}
