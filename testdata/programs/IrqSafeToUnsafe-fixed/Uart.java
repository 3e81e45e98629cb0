package irq;

import dev.lockdep.annotations.Irq;
import dev.lockdep.annotations.IrqContext;
import dev.lockdep.annotations.IrqsDisabled;

/** A serial port: the receive interrupt takes the port lock, through a helper it calls. */
public final class Uart {
  private final Object portLock = new Object();
  private final Object bufferLock = new Object();
  private int pending;
  private int capacity;

  @IrqContext(Irq.HARDIRQ)
  public void onReceive() {
    record();
  }

  private void record() {
    synchronized (portLock) {
      pending++;
    }
  }

  /** Sleeps with the port lock held, irqs off, and resizes the buffer under it. */
  @IrqsDisabled
  public void flush() {
    synchronized (portLock) {
      synchronized (bufferLock) {
        pending = 0;
      }
    }
  }

  /** Takes the buffer lock with irqs off, as every holder of an irq-safe lock must. */
  @IrqsDisabled
  public void resize(int size) {
    synchronized (bufferLock) {
      capacity = size;
    }
  }
}
