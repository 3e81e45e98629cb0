package cases;

import dev.lockdep.annotations.FenceSignalling;
import dev.lockdep.annotations.Reclaim;
import dev.lockdep.annotations.Shrinker;
import java.util.concurrent.CountDownLatch;

class PseudoLockInversionPositive {
  private final Object journal = new Object();
  private final Object stage = new Object();
  private final CountDownLatch done = new CountDownLatch(1);

  @Reclaim
  byte[] allocate(int n) {
    return new byte[n];
  }

  void append() {
    synchronized (journal) {
      allocate(4096);
    }
  }

  @Shrinker
  void trim() {
    // BUG: Diagnostic contains: allocation under a reclaim-tainted lock: acquiring PseudoLockInversionPositive.journal while holding fs_reclaim
    synchronized (journal) {
    }
  }

  @FenceSignalling
  void complete() {
    synchronized (stage) {
      done.countDown();
    }
  }

  void await() throws InterruptedException {
    synchronized (stage) {
      // BUG: Diagnostic contains: fence wait or reclaim in a signalling section: acquiring dma_fence_map while holding PseudoLockInversionPositive.stage
      done.await();
    }
  }

  @FenceSignalling
  void runJob() {
    // BUG: Diagnostic contains: acquiring fs_reclaim while holding dma_fence_map
    allocate(64);
  }
}
