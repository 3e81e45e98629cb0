package atomic;

import dev.lockdep.annotations.Gfp;
import dev.lockdep.annotations.GfpFlags;
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
    rx = allocateAtomic(bytes);
  }

  /** Never blocks: fails instead when memory is short. */
  @Reclaim
  @GfpFlags(Gfp.ATOMIC)
  byte[] allocateAtomic(int bytes) {
    return new byte[bytes];
  }

  /** Waits for the queue to drain with irqs on, then clears the ring with irqs off. */
  public void reset() throws InterruptedException {
    drained.await();
    clear();
  }

  @IrqsDisabled
  private void clear() {
    rx = null;
  }
}
