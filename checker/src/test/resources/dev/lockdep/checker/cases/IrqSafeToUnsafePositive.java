package cases;

import dev.lockdep.annotations.Irq;
import dev.lockdep.annotations.IrqContext;
import dev.lockdep.annotations.IrqsDisabled;

class IrqSafeToUnsafePositive {
  private final Object port = new Object();
  private final Object buffer = new Object();
  private final Object queue = new Object();
  private final Object stats = new Object();

  @IrqContext(Irq.HARDIRQ)
  void onInterrupt() {
    take();
  }

  private void take() {
    synchronized (port) {
    }
  }

  @IrqsDisabled
  public void flush() {
    synchronized (port) {
      // BUG: Diagnostic contains: HARDIRQ-safe -> HARDIRQ-unsafe lock order detected: IrqSafeToUnsafePositive.port, taken in hardirq context, leads to IrqSafeToUnsafePositive.buffer
      synchronized (buffer) {
      }
    }
  }

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
      // BUG: Diagnostic contains: SOFTIRQ-safe -> SOFTIRQ-unsafe lock order detected
      synchronized (stats) {
      }
    }
  }

  public long count() {
    synchronized (stats) {
      return 0;
    }
  }
}
