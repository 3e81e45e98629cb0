package dev.lockdep.lockgraph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lockdep.lockgraph.Task.Lock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** The vocabulary of lib/locking-selftest.c: lock types, irq flavours, permutations, dotest. */
final class Selftest {
  private Selftest() {}

  /** The selftest's lock-type columns that Java has; LOCK(x) of each. */
  enum Type {
    SPIN("lock", ReadMode.EXCLUSIVE),
    WLOCK("rwlock", ReadMode.EXCLUSIVE),
    RLOCK("rwlock", ReadMode.SHARED_RECURSIVE),
    MUTEX("mutex", ReadMode.EXCLUSIVE),
    WSEM("rwsem", ReadMode.EXCLUSIVE),
    RSEM("rwsem", ReadMode.SHARED);

    final String prefix;
    final ReadMode mode;

    Type(String prefix, ReadMode mode) {
      this.prefix = prefix;
      this.mode = mode;
    }

    /** A static lock such as lock_A: its own class. */
    Lock lock(String name) {
      return new Lock(kernelClass(prefix + "_" + name), prefix + "_" + name, mode);
    }

    /** X1, X2, ...: instances of one class X (init_class_X). */
    Lock shared(String cls, int n) {
      return new Lock(kernelClass(prefix + "_" + cls), prefix + "_" + cls + n, mode);
    }

    Lock a() {
      return lock("A");
    }

    Lock b() {
      return lock("B");
    }

    Lock c() {
      return lock("C");
    }

    Lock d() {
      return lock("D");
    }
  }

  /** Kernel locks never let their owner re-enter them. */
  static LockClass kernelClass(String name) {
    return LockClass.of(name).nonReentrant();
  }

  /** spin_lock(&lock_x) whatever the column: the selftest's L(). */
  static Lock spin(String name) {
    return Type.SPIN.lock(name);
  }

  /** write_lock(&rwlock_x): WL(). */
  static Lock wl(String name) {
    return Type.WLOCK.lock(name);
  }

  /** read_lock(&rwlock_x) with force_read_lock_recursive: RL(). */
  static Lock rl(String name) {
    return Type.RLOCK.lock(name);
  }

  /** The irq flavour of a -hardirq.h / -softirq.h header. */
  enum Irq {
    HARD,
    SOFT;

    void enter(Task t) {
      if (this == HARD) {
        t.hardirqEnter();
      } else {
        t.softirqEnter();
      }
    }

    void exit(Task t) {
      if (this == HARD) {
        t.hardirqExit();
      } else {
        t.softirqExit();
      }
    }

    void disable(Task t) {
      if (this == HARD) {
        t.irqDisable();
      } else {
        t.bhDisable();
      }
    }

    void enable(Task t) {
      if (this == HARD) {
        t.irqEnable();
      } else {
        t.bhEnable();
      }
    }
  }

  /** LOCK_UNLOCK_2(x, y). */
  static void lu2(Task t, Lock x, Lock y) {
    t.lock(x);
    t.lock(y);
    t.unlock(y);
    t.unlock(x);
  }

  static void lu(Task t, Lock x) {
    t.lock(x);
    t.unlock(x);
  }

  /** The orders of GENERATE_PERMUTATIONS_2_EVENTS / _3_EVENTS, named like the C functions. */
  static List<int[]> permutations(int n) {
    return n == 2
        ? List.of(new int[] {1, 2}, new int[] {2, 1})
        : List.of(
            new int[] {1, 2, 3}, new int[] {1, 3, 2}, new int[] {2, 1, 3},
            new int[] {2, 3, 1}, new int[] {3, 1, 2}, new int[] {3, 2, 1});
  }

  static String suffix(int[] order) {
    StringBuilder sb = new StringBuilder();
    for (int i : order) {
      sb.append(i);
    }
    return sb.toString();
  }

  /** Runs the events in {@code order} (1-based, as in the C names). */
  static Consumer<Task> permuted(int[] order, List<Consumer<Task>> events) {
    return t -> {
      for (int i : order) {
        events.get(i - 1).accept(t);
      }
    };
  }

  /** dotest(): a fresh graph per case; the case's findings must be exactly of these kinds. */
  static List<Finding> dotest(String name, Consumer<Task> body, Set<CheckKind> expected) {
    Task t = new Task(name);
    body.accept(t);
    List<Finding> findings = LockGraph.of(t.facts()).check();
    Set<CheckKind> kinds =
        findings.stream().map(Finding::kind).collect(Collectors.toCollection(
            () -> EnumSet.noneOf(CheckKind.class)));
    assertEquals(
        expected, kinds,
        () -> name + ": " + (expected.isEmpty() ? "expected SUCCESS" : "expected FAILURE " + expected)
            + "\n" + findings.stream().map(Finding::render).collect(Collectors.joining("\n")));
    return findings;
  }

  static final Set<CheckKind> SUCCESS = EnumSet.noneOf(CheckKind.class);

  static Set<CheckKind> fail(CheckKind... kinds) {
    return EnumSet.copyOf(List.of(kinds));
  }

  /** A row of the matrix: the case name, its body and the expected outcome. */
  record Case(String name, Consumer<Task> body, Set<CheckKind> expected) {
    @Override
    public String toString() {
      return name + (expected.isEmpty() ? " SUCCESS" : " FAIL " + expected);
    }
  }
}
