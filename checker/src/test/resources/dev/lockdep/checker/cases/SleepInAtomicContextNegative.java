package cases;

import dev.lockdep.annotations.Gfp;
import dev.lockdep.annotations.GfpFlags;
import dev.lockdep.annotations.Irq;
import dev.lockdep.annotations.IrqContext;
import dev.lockdep.annotations.IrqsDisabled;
import dev.lockdep.annotations.Reclaim;
import java.util.concurrent.CompletableFuture;

class SleepInAtomicContextNegative {
  private final CompletableFuture<String> reply = new CompletableFuture<>();

  @Reclaim
  byte[] allocate(int n) {
    return new byte[n];
  }

  /** An atomic allocation never sleeps. */
  @IrqContext(Irq.HARDIRQ)
  @GfpFlags(Gfp.ATOMIC)
  void onInterrupt() {
    allocate(64);
  }

  /** Irqs are on again when the wait runs. */
  public String reset() {
    quiesce();
    return reply.join();
  }

  @IrqsDisabled
  private void quiesce() {
  }
}
