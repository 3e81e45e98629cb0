package cases;

import dev.lockdep.annotations.FenceWait;
import dev.lockdep.annotations.Irq;
import dev.lockdep.annotations.IrqContext;
import dev.lockdep.annotations.IrqsDisabled;
import dev.lockdep.annotations.Reclaim;
import java.util.concurrent.CompletableFuture;

class SleepInAtomicContextPositive {
  private final CompletableFuture<String> reply = new CompletableFuture<>();

  @Reclaim
  byte[] allocate(int n) {
    return new byte[n];
  }

  @FenceWait
  void awaitIdle() {
  }

  @IrqContext(Irq.HARDIRQ)
  void onInterrupt() {
    // BUG: Diagnostic contains: sleeping function called from invalid context: a reclaiming allocation in hardirq context
    allocate(64);
  }

  @IrqContext(Irq.SOFTIRQ)
  void onTimer() {
    // BUG: Diagnostic contains: a fence wait in softirq context
    reply.join();
  }

  @IrqsDisabled
  public void reset() {
    // BUG: Diagnostic contains: a fence wait with irqs disabled
    awaitIdle();
  }
}
