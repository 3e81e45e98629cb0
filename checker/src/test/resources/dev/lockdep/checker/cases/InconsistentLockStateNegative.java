package cases;

import dev.lockdep.annotations.Irq;
import dev.lockdep.annotations.IrqContext;
import dev.lockdep.annotations.IrqsDisabled;

class InconsistentLockStateNegative {
  static final Object WHEEL = new Object();
  static final Object EXPIRY = new Object();

  @IrqContext(Irq.HARDIRQ)
  void tick() {
    synchronized (WHEEL) {
    }
    helper();
  }

  /** Private and called only from the handler: it runs in the handler's context only. */
  private void helper() {
    synchronized (WHEEL) {
    }
  }

  @IrqContext(Irq.SOFTIRQ)
  void expire() {
    synchronized (EXPIRY) {
    }
  }

  @IrqsDisabled
  public void add() {
    synchronized (WHEEL) {
    }
  }

  @IrqsDisabled(Irq.SOFTIRQ)
  public void drain() {
    synchronized (EXPIRY) {
    }
  }
}
