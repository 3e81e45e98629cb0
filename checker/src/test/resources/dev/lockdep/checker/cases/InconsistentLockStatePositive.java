package cases;

import dev.lockdep.annotations.Irq;
import dev.lockdep.annotations.IrqContext;
import dev.lockdep.annotations.IrqsDisabled;

/** A handler type: every method it declares runs in the interrupt. */
class InconsistentLockStatePositive {
  static final Object WHEEL = new Object();
  static final Object EXPIRY = new Object();

  @IrqContext(Irq.HARDIRQ)
  static final class Tick {
    void run() {
      synchronized (WHEEL) {
      }
    }
  }

  @IrqContext(Irq.SOFTIRQ)
  void expire() {
    synchronized (EXPIRY) {
    }
  }

  public void add() {
    // BUG: Diagnostic contains: inconsistent {IN-HARDIRQ-W} -> {HARDIRQ-ON-W} usage: InconsistentLockStatePositive.WHEEL is taken in hardirq context and with hardirqs enabled
    synchronized (WHEEL) {
    }
  }

  /** Disabling soft irqs leaves hard ones on, but that is enough for a softirq-safe lock. */
  @IrqsDisabled(Irq.SOFTIRQ)
  public void drain() {
    synchronized (EXPIRY) {
    }
  }

  public void reap() {
    helper();
  }

  private void helper() {
    // BUG: Diagnostic contains: inconsistent {IN-SOFTIRQ-W} -> {SOFTIRQ-ON-W} usage
    synchronized (EXPIRY) {
    }
  }
}
