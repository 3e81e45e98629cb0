package atomic;

import dev.lockdep.annotations.Irq;
import dev.lockdep.annotations.IrqContext;
import dev.lockdep.annotations.IrqsDisabled;
import dev.lockdep.annotations.Reclaim;
import java.util.concurrent.CountDownLatch;

/** A network card: its interrupt allocates receive buffers, its reset waits for the queue to drain. */
public final class Nic {
  private final CountDownLatch drained = new CountDownLatch(1);
  private byte[] rx;

  @IrqContext(Irq.HARDIRQ)
  public void onReceive(int bytes) {
    rx = allocate(bytes);
  }

  /** May block until memory is reclaimed. */
  @Reclaim
  byte[] allocate(int bytes) {
    return new byte[bytes];
  }

  /** Waits for the queue to drain with irqs off. */
  @IrqsDisabled
  public void reset() throws InterruptedException {
    drained.await();
    rx = null;
  }
}
