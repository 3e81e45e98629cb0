package irq;

import dev.lockdep.annotations.Irq;
import dev.lockdep.annotations.IrqContext;
import dev.lockdep.annotations.IrqsDisabled;

/** A timer wheel: a hard interrupt ticks it, a softirq expires timers, process code adds them. */
public final class Timer {
  private final Object wheelLock = new Object();
  private final Object expiryLock = new Object();
  private long ticks;
  private int expired;

  @IrqContext(Irq.HARDIRQ)
  public void tick() {
    synchronized (wheelLock) {
      ticks++;
    }
  }

  @IrqContext(Irq.SOFTIRQ)
  public void expire() {
    synchronized (expiryLock) {
      expired++;
    }
  }

  /** Takes the hardirq-safe wheel lock with irqs on. */
  public void add(long delay) {
    synchronized (wheelLock) {
      ticks += delay;
    }
  }

  /** Takes the softirq-safe expiry lock with softirqs on. */
  public int drain() {
    synchronized (expiryLock) {
      int n = expired;
      expired = 0;
      return n;
    }
  }
}
