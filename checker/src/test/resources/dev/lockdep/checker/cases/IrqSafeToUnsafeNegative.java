package cases;

import dev.lockdep.annotations.Irq;
import dev.lockdep.annotations.IrqContext;
import dev.lockdep.annotations.IrqsDisabled;

class IrqSafeToUnsafeNegative {
  private final Object port = new Object();
  private final Object buffer = new Object();
  private final Object queue = new Object();
  private final Object stats = new Object();

  @IrqContext(Irq.HARDIRQ)
  void onInterrupt() {
    synchronized (port) {
    }
  }

  @IrqsDisabled
  public void flush() {
    synchronized (port) {
      synchronized (buffer) {
      }
    }
  }

  /** Every holder of the buffer lock keeps irqs off. */
  @IrqsDisabled
  public void resize() {
    synchronized (buffer) {
    }
  }

  @IrqContext(Irq.SOFTIRQ)
  void onTimer() {
    synchronized (queue) {
    }
  }

  @IrqsDisabled(Irq.SOFTIRQ)
  public void poll() {
    synchronized (queue) {
      synchronized (stats) {
      }
    }
  }

  /** Hard irqs disabled keeps soft irqs out too. */
  @IrqsDisabled(Irq.HARDIRQ)
  public long count() {
    synchronized (stats) {
      return 0;
    }
  }

  /** A lock only ever taken with irqs on, never under an irq-safe one, is fine. */
  public void plain() {
    synchronized (this) {
    }
  }
}
