package dev.lockdep.lockgraph;

import static dev.lockdep.lockgraph.CheckKind.InconsistentLockState;
import static dev.lockdep.lockgraph.CheckKind.IrqSafeToUnsafe;
import static dev.lockdep.lockgraph.CheckKind.LockOrderInversion;
import static dev.lockdep.lockgraph.CheckKind.RecursiveLocking;
import static dev.lockdep.lockgraph.Selftest.SUCCESS;
import static dev.lockdep.lockgraph.Selftest.dotest;
import static dev.lockdep.lockgraph.Selftest.fail;
import static dev.lockdep.lockgraph.Selftest.lu;
import static dev.lockdep.lockgraph.Selftest.lu2;
import static dev.lockdep.lockgraph.Selftest.permutations;
import static dev.lockdep.lockgraph.Selftest.permuted;
import static dev.lockdep.lockgraph.Selftest.rl;
import static dev.lockdep.lockgraph.Selftest.spin;
import static dev.lockdep.lockgraph.Selftest.suffix;
import static dev.lockdep.lockgraph.Selftest.wl;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lockdep.lockgraph.Selftest.Case;
import dev.lockdep.lockgraph.Selftest.Irq;
import dev.lockdep.lockgraph.Selftest.Type;
import dev.lockdep.lockgraph.Task.Gfp;
import dev.lockdep.lockgraph.Task.Lock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * lib/locking-selftest.c, row by row, as fact sequences (docs/selftest.md maps each row). Every
 * case runs against a fresh graph and asserts FAILURE or SUCCESS and the kinds of report.
 */
class LockingSelftestTest {

  // --- DO_TESTCASE_6R: the circular groups, spin|wlock|rlock|mutex|wsem|rsem ---

  static List<Case> sixR() {
    List<Case> cases = new ArrayList<>();
    addSixR(cases, "AA", RecursiveLocking, k -> t -> {
      t.lock(k.shared("X", 1));
      t.lock(k.shared("X", 2));
    });
    addSixR(cases, "ABBA", LockOrderInversion, k -> t -> {
      lu2(t, k.a(), k.b());
      lu2(t, k.b(), k.a());
    });
    addSixR(cases, "ABBCCA", LockOrderInversion, k -> t -> {
      lu2(t, k.a(), k.b());
      lu2(t, k.b(), k.c());
      lu2(t, k.c(), k.a());
    });
    addSixR(cases, "ABCABC", LockOrderInversion, k -> t -> {
      lu2(t, k.a(), k.b());
      lu2(t, k.c(), k.a());
      lu2(t, k.b(), k.c());
    });
    addSixR(cases, "ABBCCDDA", LockOrderInversion, k -> t -> {
      lu2(t, k.a(), k.b());
      lu2(t, k.b(), k.c());
      lu2(t, k.c(), k.d());
      lu2(t, k.d(), k.a());
    });
    addSixR(cases, "ABCDBDDA", LockOrderInversion, k -> t -> {
      lu2(t, k.a(), k.b());
      lu2(t, k.c(), k.d());
      lu2(t, k.b(), k.d());
      lu2(t, k.d(), k.a());
    });
    addSixR(cases, "ABCDBCDA", LockOrderInversion, k -> t -> {
      lu2(t, k.a(), k.b());
      lu2(t, k.c(), k.d());
      lu2(t, k.b(), k.c());
      lu2(t, k.d(), k.a());
    });
    return cases;
  }

  /** "6R": every column fails except rlock, whose all-read cycles are SR only. */
  private static void addSixR(
      List<Case> cases, String name, CheckKind kind, Function<Type, Consumer<Task>> body) {
    for (Type k : Type.values()) {
      cases.add(new Case(name + "_" + k.name().toLowerCase(), body.apply(k),
          k == Type.RLOCK ? SUCCESS : fail(kind)));
    }
  }

  @ParameterizedTest
  @MethodSource("sixR")
  void circularGroups(Case c) {
    dotest(c.name(), c.body(), c.expected());
  }

  // --- recursive read-lock / mixed read-write rows ---

  static List<Case> readLockRows() {
    Type rl = Type.RLOCK;
    Type rs = Type.RSEM;
    Lock rlX1 = rl.shared("X", 1);
    Lock rlX2 = rl.shared("X", 2);
    Lock rsX1 = rs.shared("X", 1);
    Lock rsX2 = rs.shared("X", 2);
    Lock wlX1 = Type.WLOCK.shared("X", 1);
    Lock wlX2 = Type.WLOCK.shared("X", 2);
    Lock wsX1 = Type.WSEM.shared("X", 1);
    Lock wsX2 = Type.WSEM.shared("X", 2);
    Lock lY1 = Type.SPIN.shared("Y", 1);
    Lock mY1 = Type.MUTEX.shared("Y", 1);
    return List.of(
        new Case("rlock_AA1", t -> {
          t.lock(rlX1);
          t.lock(rlX1);
        }, SUCCESS),
        new Case("rsem_AA1", t -> {
          t.lock(rsX1);
          t.lock(rsX1);
        }, fail(RecursiveLocking)),
        new Case("rlock_AA1B", t -> {
          t.lock(rlX1);
          t.lock(rlX2);
        }, SUCCESS),
        new Case("rsem_AA1B", t -> {
          t.lock(rsX1);
          t.lock(rsX2);
        }, fail(RecursiveLocking)),
        new Case("rlock_AA2", t -> {
          t.lock(rlX1);
          t.lock(wlX2);
        }, fail(RecursiveLocking)),
        new Case("rsem_AA2", t -> {
          t.lock(rsX1);
          t.lock(wsX2);
        }, fail(RecursiveLocking)),
        new Case("rlock_AA3", t -> {
          t.lock(wlX1);
          t.lock(rlX2);
        }, fail(RecursiveLocking)),
        new Case("rsem_AA3", t -> {
          t.lock(wsX1);
          t.lock(rsX2);
        }, fail(RecursiveLocking)),
        new Case("rlock_ABBA1", t -> {
          lu2(t, rlX1, lY1);
          lu2(t, lY1, wlX1);
        }, fail(LockOrderInversion)),
        new Case("rwsem_ABBA1", t -> {
          lu2(t, rsX1, mY1);
          lu2(t, mY1, wsX1);
        }, fail(LockOrderInversion)),
        new Case("rlock_ABBA2", t -> {
          lu2(t, rlX1, lY1);
          lu2(t, lY1, rlX1);
        }, SUCCESS),
        new Case("rwsem_ABBA2", t -> {
          lu2(t, rsX1, mY1);
          lu2(t, mY1, rsX1);
        }, fail(LockOrderInversion)),
        new Case("rlock_ABBA3", t -> {
          lu2(t, wlX1, lY1);
          lu2(t, lY1, wlX1);
        }, fail(LockOrderInversion)),
        new Case("rwsem_ABBA3", t -> {
          lu2(t, wsX1, mY1);
          lu2(t, mY1, wsX1);
        }, fail(LockOrderInversion)),
        new Case("rlock_chaincache_ABBA1", t -> {
          lu2(t, rlX1, lY1);
          lu2(t, lY1, rlX1);
          lu2(t, lY1, wlX1);
        }, fail(LockOrderInversion)));
  }

  @ParameterizedTest
  @MethodSource("readLockRows")
  void readLockRows(Case c) {
    dotest(c.name(), c.body(), c.expected());
  }

  // --- the three-lock read/write cycles, 6 permutations each (rlock column) ---

  static List<Case> threeLockReadCycles() {
    List<Case> cases = new ArrayList<>();
    Lock wx = Type.WLOCK.shared("X", 1);
    Lock wy = Type.WLOCK.shared("Y", 1);
    Lock wz = Type.WLOCK.shared("Z", 1);
    Lock rx = Type.RLOCK.shared("X", 1);
    Lock ry = Type.RLOCK.shared("Y", 1);
    Lock rz = Type.RLOCK.shared("Z", 1);
    // ER ER ER: every R-ending step is followed by an E-starting one.
    addPermutations3(cases, "W1R2_W2R3_W3R1", fail(LockOrderInversion),
        t -> lu2(t, wx, ry), t -> lu2(t, wy, rz), t -> lu2(t, wz, rx));
    // EN SR ER: strong.
    addPermutations3(cases, "W1W2_R2R3_W3R1", fail(LockOrderInversion),
        t -> lu2(t, wx, wy), t -> lu2(t, ry, rz), t -> lu2(t, wz, rx));
    // "rlock W1W2/R2R3/R3W1": ER then SR, not strong.
    addPermutations3(cases, "W1W2_R2R3_R3W1", SUCCESS,
        t -> lu2(t, wx, ry), t -> lu2(t, ry, rz), t -> lu2(t, wz, wx));
    // "rlock W1R2/R2R3/W3W1": SR then SN, not strong.
    addPermutations3(cases, "W1R2_R2R3_W3W1", SUCCESS,
        t -> lu2(t, wx, wy), t -> lu2(t, ry, rz), t -> lu2(t, rz, wx));
    return cases;
  }

  @SafeVarargs
  private static void addPermutations3(
      List<Case> cases, String name, Set<CheckKind> expected, Consumer<Task>... events) {
    List<Consumer<Task>> list = new ArrayList<>();
    for (Consumer<Task> event : events) {
      list.add(event);
    }
    for (int[] order : permutations(events.length)) {
      cases.add(new Case(name + "_" + suffix(order), permuted(order, list), expected));
    }
  }

  @ParameterizedTest
  @MethodSource("threeLockReadCycles")
  void threeLockReadCycles(Case c) {
    dotest(c.name(), c.body(), c.expected());
  }

  // --- irq groups: {hard, soft} x permutations x spin|wlock|rlock ---

  /** The columns of DO_TESTCASE_3/3RW: spin and wlock fail, rlock succeeds. */
  private static final Type[] IRQ_COLUMNS = {Type.SPIN, Type.WLOCK, Type.RLOCK};

  private interface IrqEvents {
    List<Consumer<Task>> events(Type k, Irq irq);
  }

  private static void addIrqGroup(
      List<Case> cases, String name, int events, Set<CheckKind> failure, IrqEvents body,
      Irq... irqs) {
    for (Irq irq : irqs) {
      for (Type k : IRQ_COLUMNS) {
        List<Consumer<Task>> e = body.events(k, irq);
        for (int[] order : permutations(events)) {
          cases.add(new Case(
              name + "_" + irq.name().toLowerCase() + "_" + k.name().toLowerCase() + "_"
                  + suffix(order),
              permuted(order, e),
              k == Type.RLOCK ? SUCCESS : failure));
        }
      }
    }
  }

  static List<Case> irqGroups() {
    List<Case> cases = new ArrayList<>();
    // irqs-on + irq-safe-A
    addIrqGroup(cases, "irqsafe1", 2, fail(InconsistentLockState), (k, irq) -> List.of(
        t -> {
          irq.enter(t);
          lu(t, k.a());
          irq.exit(t);
        },
        t -> lu(t, k.a())), Irq.HARD, Irq.SOFT);
    // sirq-safe-A => hirqs-on: enabling hardirqs with a softirq-safe lock held
    addIrqGroup(cases, "irqsafe2A", 2, fail(InconsistentLockState), (k, irq) -> List.of(
        t -> {
          t.softirqEnter();
          lu(t, k.a());
          t.softirqExit();
        },
        t -> {
          t.irqDisable();
          t.lock(k.a());
          t.irqEnable();
          t.unlock(k.a());
        }), Irq.HARD);
    // safe-A + irqs-on
    addIrqGroup(cases, "irqsafe2B", 2, fail(InconsistentLockState), (k, irq) -> List.of(
        t -> {
          irq.enter(t);
          lu(t, k.a());
          irq.exit(t);
        },
        t -> {
          irq.disable(t);
          t.lock(k.a());
          irq.enable(t);
          t.unlock(k.a());
        }), Irq.HARD, Irq.SOFT);
    // safe-A + unsafe-B #1: A is also taken with irqs on, so it is inconsistent too
    addIrqGroup(cases, "irqsafe3", 3, fail(InconsistentLockState, IrqSafeToUnsafe),
        (k, irq) -> List.of(
            t -> lu2(t, k.a(), k.b()),
            t -> lu(t, k.b()),
            t -> {
              irq.enter(t);
              lu(t, k.a());
              irq.exit(t);
            }), Irq.HARD, Irq.SOFT);
    // safe-A + unsafe-B #2
    addIrqGroup(cases, "irqsafe4", 3, fail(IrqSafeToUnsafe), (k, irq) -> List.of(
        t -> {
          irq.disable(t);
          lu2(t, k.a(), k.b());
          irq.enable(t);
        },
        t -> lu(t, k.b()),
        t -> {
          irq.enter(t);
          lu(t, k.a());
          irq.exit(t);
        }), Irq.HARD, Irq.SOFT);
    // irq lock-inversion: A -EN-> B; only a write ENABLED of B counts after an *R edge
    addIrqGroup(cases, "irq_inversion", 3, fail(IrqSafeToUnsafe), (k, irq) -> List.of(
        t -> {
          irq.disable(t);
          t.lock(wl("A"));
          lu(t, k.b());
          t.unlock(wl("A"));
          irq.enable(t);
        },
        t -> lu(t, k.b()),
        t -> {
          irq.enter(t);
          lu(t, rl("A"));
          irq.exit(t);
        }), Irq.HARD, Irq.SOFT);
    return cases;
  }

  @ParameterizedTest
  @MethodSource("irqGroups")
  void irqGroups(Case c) {
    dotest(c.name(), c.body(), c.expected());
  }

  /** DO_TESTCASE_6x2x2RW: wlock fails, rlock succeeds; LOCK(A) is rwlock_A. */
  static List<Case> irqReadRecursion() {
    List<Case> cases = new ArrayList<>();
    for (Irq irq : Irq.values()) {
      for (Type k : new Type[] {Type.WLOCK, Type.RLOCK}) {
        Lock a = k.a();
        String s = "_" + irq.name().toLowerCase() + "_" + k.name().toLowerCase();
        // read-lock / write-lock recursion that is actually safe; with a write lock in the
        // interrupt, A is IN-W and ON-R at once
        addPermutations3(cases, "irq_read_recursion" + s,
            k == Type.RLOCK ? SUCCESS : fail(InconsistentLockState),
            t -> {
              irq.disable(t);
              lu(t, wl("A"));
              irq.enable(t);
            },
            t -> lu(t, rl("A")),
            t -> {
              irq.enter(t);
              t.lock(a);
              lu(t, spin("B"));
              t.unlock(a);
              irq.exit(t);
            });
        addPermutations3(cases, "irq_read_recursion2" + s,
            k == Type.RLOCK ? SUCCESS : fail(IrqSafeToUnsafe),
            t -> {
              irq.disable(t);
              t.lock(spin("B"));
              lu(t, a);
              t.unlock(spin("B"));
              irq.enable(t);
            },
            t -> lu(t, rl("A")),
            t -> {
              irq.enter(t);
              lu(t, spin("B"));
              irq.exit(t);
            });
        addPermutations3(cases, "irq_read_recursion3" + s,
            k == Type.RLOCK ? SUCCESS : fail(IrqSafeToUnsafe),
            t -> {
              irq.disable(t);
              t.lock(wl("B"));
              lu(t, a);
              t.unlock(wl("B"));
              irq.enable(t);
            },
            t -> lu(t, rl("A")),
            t -> {
              irq.enter(t);
              lu(t, rl("B"));
              irq.exit(t);
            });
      }
    }
    return cases;
  }

  @ParameterizedTest
  @MethodSource("irqReadRecursion")
  void irqReadRecursion(Case c) {
    dotest(c.name(), c.body(), c.expected());
  }

  // --- queued rwlock tests: read_lock is r in process context, R in interrupt context ---

  @Test
  void queuedReadLockHardirqReEr() {
    Lock a = rl("A");
    Lock b = wl("B");
    dotest("queued_read_lock_hardirq_RE_Er", t -> {
      t.hardirqEnter();
      t.queuedReadLock(a);
      lu(t, b);
      t.unlock(a);
      t.hardirqExit();
      t.irqDisable();
      t.lock(b);
      t.queuedReadLock(a);
      t.unlock(a);
      t.unlock(b);
      t.irqEnable();
    }, fail(LockOrderInversion));
  }

  @Test
  void queuedReadLockHardirqErRe() {
    Lock a = rl("A");
    Lock b = wl("B");
    dotest("queued_read_lock_hardirq_ER_rE", t -> {
      t.hardirqEnter();
      t.lock(b);
      t.queuedReadLock(a);
      t.unlock(a);
      t.unlock(b);
      t.hardirqExit();
      t.irqDisable();
      t.queuedReadLock(a);
      lu(t, b);
      t.unlock(a);
      t.irqEnable();
    }, SUCCESS);
  }

  @Test
  void queuedReadLockHardirqInversion() {
    Lock a = rl("A");
    Lock b = wl("B");
    dotest("queued_read_lock_hardirq_inversion", t -> {
      t.hardirqEnter();
      lu(t, b);
      t.hardirqExit();
      t.irqDisable();
      t.lock(b);
      t.queuedReadLock(a);
      t.unlock(a);
      t.unlock(b);
      t.irqEnable();
      t.queuedReadLock(a);
      t.unlock(a);
    }, fail(IrqSafeToUnsafe));
  }

  // --- fs_reclaim tests ---

  @Test
  void fsReclaimCorrectNesting() {
    dotest("fs_reclaim_correct_nesting", t -> {
      t.fsReclaimAcquire(Gfp.KERNEL);
      t.mightAlloc(Gfp.NOFS);
      t.fsReclaimRelease(Gfp.KERNEL);
    }, SUCCESS);
  }

  @Test
  void fsReclaimWrongNesting() {
    List<Finding> f = dotest("fs_reclaim_wrong_nesting", t -> {
      t.fsReclaimAcquire(Gfp.KERNEL);
      t.mightAlloc(Gfp.KERNEL);
      t.fsReclaimRelease(Gfp.KERNEL);
    }, fail(RecursiveLocking));
    assertEquals(List.of(LockClass.FS_RECLAIM), f.get(0).locks());
  }

  @Test
  void fsReclaimProtectedNesting() {
    dotest("fs_reclaim_protected_nesting", t -> {
      t.fsReclaimAcquire(Gfp.KERNEL);
      boolean flags = t.memallocNofsSave();
      t.mightAlloc(Gfp.KERNEL);
      t.memallocNofsRestore(flags);
      t.fsReclaimRelease(Gfp.KERNEL);
    }, SUCCESS);
  }

  // --- hardirq_unsafe_softirq_safe ---

  @Test
  void hardirqUnsafeSoftirqSafe() {
    Lock mutexA = Type.MUTEX.a();
    List<Finding> f = dotest("hardirq_deadlock_softirq_not_deadlock", t -> {
      t.lock(mutexA);
      t.irqDisable();
      lu(t, spin("C"));
      t.irqEnable();
      t.unlock(mutexA);

      t.hardirqEnter();
      lu(t, spin("A"));
      t.hardirqExit();

      t.irqDisable();
      lu2(t, spin("A"), spin("B"));
      t.irqEnable();

      t.irqDisable();
      lu2(t, spin("B"), spin("C"));
      t.irqEnable();

      t.softirqEnter();
      lu(t, spin("D"));
      t.softirqExit();

      t.bhDisable();
      lu(t, spin("D"));
      t.bhEnable();

      t.irqDisable();
      lu2(t, spin("C"), spin("D"));
      t.irqEnable();
    }, fail(IrqSafeToUnsafe));
    // Only the hardirq pair lock_A ~> lock_D, never the softirq pair mutex_A / lock_D.
    assertEquals(1, f.size(), () -> f.toString());
    assertEquals("HARDIRQ-safe -> HARDIRQ-unsafe lock order detected", f.get(0).title());
    assertEquals(List.of(spin("A").lockClass(), spin("D").lockClass()), f.get(0).locks());
    assertEquals(3, f.get(0).chain().size());
  }
}
