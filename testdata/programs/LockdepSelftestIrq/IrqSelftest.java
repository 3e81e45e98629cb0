package selftest;

import dev.lockdep.annotations.Acquires;
import dev.lockdep.annotations.Irq;
import dev.lockdep.annotations.IrqContext;
import dev.lockdep.annotations.IrqsDisabled;
import dev.lockdep.annotations.Releases;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The irq groups of lockdep's boot-time selftests (lib/locking-selftest.c) in Java: an
 * {@code @IrqContext} method is the interrupt (IRQ_ENTER .. IRQ_EXIT), an {@code @IrqsDisabled}
 * method the IRQ_DISABLE .. IRQ_ENABLE region, every other public method plain process context.
 * Each group has its hardirq and softirq variant; every one of them fails in the kernel.
 */
final class IrqSelftest {
  /** irqsafe1: E1 takes A in the interrupt, E2 takes A with that interrupt enabled. */
  static final class IrqSafe1Hard {
    final Object a = new Object();

    @IrqContext(Irq.HARDIRQ)
    void e1() {
      synchronized (a) {}
    }

    public void e2() {
      synchronized (a) {}
    }
  }

  static final class IrqSafe1Soft {
    final Object a = new Object();

    @IrqContext(Irq.SOFTIRQ)
    void e1() {
      synchronized (a) {}
    }

    public void e2() {
      synchronized (a) {}
    }
  }

  /**
   * irqsafe2A: A is softirq-safe; E2 takes A with hardirqs off and enables them while holding it,
   * which marks A softirq-unsafe too (enabling hardirqs enables softirqs).
   */
  static final class IrqSafe2A {
    final ReentrantLock a = new ReentrantLock();

    @IrqContext(Irq.SOFTIRQ)
    void e1() {
      a.lock();
      a.unlock();
    }

    @IrqsDisabled
    @Acquires("a")
    void lockA() {
      a.lock();
    }

    @Releases("a")
    void unlockA() {
      a.unlock();
    }

    public void e2() {
      lockA();
      unlockA();
    }
  }

  /** irqsafe2B: A is irq-safe; E2 takes A with the interrupt off and enables it while holding A. */
  static final class IrqSafe2BHard {
    final ReentrantLock a = new ReentrantLock();

    @IrqContext(Irq.HARDIRQ)
    void e1() {
      a.lock();
      a.unlock();
    }

    @IrqsDisabled(Irq.HARDIRQ)
    @Acquires("a")
    void lockA() {
      a.lock();
    }

    @Releases("a")
    void unlockA() {
      a.unlock();
    }

    public void e2() {
      lockA();
      unlockA();
    }
  }

  static final class IrqSafe2BSoft {
    final ReentrantLock a = new ReentrantLock();

    @IrqContext(Irq.SOFTIRQ)
    void e1() {
      a.lock();
      a.unlock();
    }

    @IrqsDisabled(Irq.SOFTIRQ)
    @Acquires("a")
    void lockA() {
      a.lock();
    }

    @Releases("a")
    void unlockA() {
      a.unlock();
    }

    public void e2() {
      lockA();
      unlockA();
    }
  }

  /** irqsafe3: E1 takes A then B with irqs on, E2 takes B, E3 takes A in the interrupt. */
  static final class IrqSafe3Hard {
    final Object a = new Object();
    final Object b = new Object();

    public void e1() {
      synchronized (a) {
        synchronized (b) {}
      }
    }

    public void e2() {
      synchronized (b) {}
    }

    @IrqContext(Irq.HARDIRQ)
    void e3() {
      synchronized (a) {}
    }
  }

  static final class IrqSafe3Soft {
    final Object a = new Object();
    final Object b = new Object();

    public void e1() {
      synchronized (a) {
        synchronized (b) {}
      }
    }

    public void e2() {
      synchronized (b) {}
    }

    @IrqContext(Irq.SOFTIRQ)
    void e3() {
      synchronized (a) {}
    }
  }

  /** irqsafe4: as irqsafe3, but E1 runs with the interrupt off: only the safe -> unsafe order remains. */
  static final class IrqSafe4Hard {
    final Object a = new Object();
    final Object b = new Object();

    @IrqsDisabled(Irq.HARDIRQ)
    public void e1() {
      synchronized (a) {
        synchronized (b) {}
      }
    }

    public void e2() {
      synchronized (b) {}
    }

    @IrqContext(Irq.HARDIRQ)
    void e3() {
      synchronized (a) {}
    }
  }

  static final class IrqSafe4Soft {
    final Object a = new Object();
    final Object b = new Object();

    @IrqsDisabled(Irq.SOFTIRQ)
    public void e1() {
      synchronized (a) {
        synchronized (b) {}
      }
    }

    public void e2() {
      synchronized (b) {}
    }

    @IrqContext(Irq.SOFTIRQ)
    void e3() {
      synchronized (a) {}
    }
  }

  /**
   * irq lock-inversion: E1 write-locks A and takes B with irqs off, E2 takes B with irqs on, E3
   * read-locks A in the interrupt: A is irq-safe for reading, which is enough.
   */
  static final class IrqInversionHard {
    final ReentrantReadWriteLock a = new ReentrantReadWriteLock();
    final Object b = new Object();

    @IrqsDisabled(Irq.HARDIRQ)
    public void e1() {
      a.writeLock().lock();
      try {
        synchronized (b) {}
      } finally {
        a.writeLock().unlock();
      }
    }

    public void e2() {
      synchronized (b) {}
    }

    @IrqContext(Irq.HARDIRQ)
    void e3() {
      a.readLock().lock();
      a.readLock().unlock();
    }
  }

  static final class IrqInversionSoft {
    final ReentrantReadWriteLock a = new ReentrantReadWriteLock();
    final Object b = new Object();

    @IrqsDisabled(Irq.SOFTIRQ)
    public void e1() {
      a.writeLock().lock();
      try {
        synchronized (b) {}
      } finally {
        a.writeLock().unlock();
      }
    }

    public void e2() {
      synchronized (b) {}
    }

    @IrqContext(Irq.SOFTIRQ)
    void e3() {
      a.readLock().lock();
      a.readLock().unlock();
    }
  }

  /**
   * hardirq_unsafe_softirq_safe: lock D is softirq-safe and, taken with only softirqs disabled,
   * hardirq-unsafe; hardirq-safe A reaches it through B and C. Exactly one report, the hardirq
   * pair A ~> D: mutexA, softirq-unsafe, leads to softirq-safe D only in the harmless direction.
   */
  static final class HardirqUnsafeSoftirqSafe {
    final ReentrantLock mutexA = new ReentrantLock();
    final Object a = new Object();
    final Object b = new Object();
    final Object c = new Object();
    final Object d = new Object();

    public void e1() {
      mutexA.lock();
      try {
        takeC();
      } finally {
        mutexA.unlock();
      }
    }

    @IrqsDisabled
    private void takeC() {
      synchronized (c) {}
    }

    @IrqContext(Irq.HARDIRQ)
    void hardirq() {
      synchronized (a) {}
    }

    @IrqsDisabled
    public void aThenB() {
      synchronized (a) {
        synchronized (b) {}
      }
    }

    @IrqsDisabled
    public void bThenC() {
      synchronized (b) {
        synchronized (c) {}
      }
    }

    @IrqContext(Irq.SOFTIRQ)
    void softirq() {
      synchronized (d) {}
    }

    @IrqsDisabled(Irq.SOFTIRQ)
    public void bhDisabled() {
      synchronized (d) {}
    }

    @IrqsDisabled
    public void cThenD() {
      synchronized (c) {
        synchronized (d) {}
      }
    }
  }
}
