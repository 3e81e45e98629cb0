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
 * Each group is fixed the way lockdep asks: every process-context path that takes an irq-safe
 * lock, or a lock an irq-safe one leads to, runs with hard interrupts (and so soft ones) disabled,
 * and releases what it holds before they are enabled again.
 */
final class IrqSelftest {
  /** irqsafe1: E1 takes A in the interrupt, E2 takes A with irqs off. */
  static final class IrqSafe1Hard {
    final Object a = new Object();

    @IrqContext(Irq.HARDIRQ)
    void e1() {
      synchronized (a) {}
    }

    @IrqsDisabled(Irq.HARDIRQ)
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

    @IrqsDisabled(Irq.HARDIRQ)
    public void e2() {
      synchronized (a) {}
    }
  }

  /** irqsafe2A: A is softirq-safe; E2 keeps irqs off until it has released A. */
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

    @IrqsDisabled(Irq.HARDIRQ)
    public void e2() {
      lockA();
      unlockA();
    }
  }

  /** irqsafe2B: A is irq-safe; E2 keeps the interrupt off until it has released A. */
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

    @IrqsDisabled(Irq.HARDIRQ)
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

    @IrqsDisabled(Irq.HARDIRQ)
    public void e2() {
      lockA();
      unlockA();
    }
  }

  /** irqsafe3: E1 takes A then B, E2 takes B, E3 takes A in the interrupt; E1 and E2 with irqs off. */
  static final class IrqSafe3Hard {
    final Object a = new Object();
    final Object b = new Object();

    @IrqsDisabled(Irq.HARDIRQ)
    public void e1() {
      synchronized (a) {
        synchronized (b) {}
      }
    }

    @IrqsDisabled(Irq.HARDIRQ)
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

    @IrqsDisabled(Irq.HARDIRQ)
    public void e1() {
      synchronized (a) {
        synchronized (b) {}
      }
    }

    @IrqsDisabled(Irq.HARDIRQ)
    public void e2() {
      synchronized (b) {}
    }

    @IrqContext(Irq.SOFTIRQ)
    void e3() {
      synchronized (a) {}
    }
  }

  /** irqsafe4: as irqsafe3; E2 too runs with irqs off. */
  static final class IrqSafe4Hard {
    final Object a = new Object();
    final Object b = new Object();

    @IrqsDisabled(Irq.HARDIRQ)
    public void e1() {
      synchronized (a) {
        synchronized (b) {}
      }
    }

    @IrqsDisabled(Irq.HARDIRQ)
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

    @IrqsDisabled(Irq.HARDIRQ)
    public void e1() {
      synchronized (a) {
        synchronized (b) {}
      }
    }

    @IrqsDisabled(Irq.HARDIRQ)
    public void e2() {
      synchronized (b) {}
    }

    @IrqContext(Irq.SOFTIRQ)
    void e3() {
      synchronized (a) {}
    }
  }

  /**
   * irq lock-inversion: E1 write-locks A and takes B, E2 takes B, both with irqs off, E3
   * read-locks A in the interrupt.
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

    @IrqsDisabled(Irq.HARDIRQ)
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

    @IrqsDisabled(Irq.HARDIRQ)
    public void e1() {
      a.writeLock().lock();
      try {
        synchronized (b) {}
      } finally {
        a.writeLock().unlock();
      }
    }

    @IrqsDisabled(Irq.HARDIRQ)
    public void e2() {
      synchronized (b) {}
    }

    @IrqContext(Irq.SOFTIRQ)
    void e3() {
      a.readLock().lock();
      a.readLock().unlock();
    }
  }

  /** hardirq_unsafe_softirq_safe: D, reached from hardirq-safe A, is taken with hardirqs off everywhere. */
  static final class HardirqUnsafeSoftirqSafe {
    final ReentrantLock mutexA = new ReentrantLock();
    final Object a = new Object();
    final Object b = new Object();
    final Object c = new Object();
    final Object d = new Object();

    @IrqsDisabled(Irq.HARDIRQ)
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

    @IrqsDisabled(Irq.HARDIRQ)
    public void aThenB() {
      synchronized (a) {
        synchronized (b) {}
      }
    }

    @IrqsDisabled(Irq.HARDIRQ)
    public void bThenC() {
      synchronized (b) {
        synchronized (c) {}
      }
    }

    /** A softirq runs with hardirqs on: it takes D with them off. */
    @IrqContext(Irq.SOFTIRQ)
    @IrqsDisabled(Irq.HARDIRQ)
    void softirq() {
      synchronized (d) {}
    }

    @IrqsDisabled(Irq.HARDIRQ)
    public void bhDisabled() {
      synchronized (d) {}
    }

    @IrqsDisabled(Irq.HARDIRQ)
    public void cThenD() {
      synchronized (c) {
        synchronized (d) {}
      }
    }
  }
}
