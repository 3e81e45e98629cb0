package cases;

import dev.lockdep.annotations.FenceSignalling;
import dev.lockdep.annotations.Gfp;
import dev.lockdep.annotations.GfpFlags;
import dev.lockdep.annotations.Reclaim;
import dev.lockdep.annotations.Shrinker;
import java.util.concurrent.CountDownLatch;

class PseudoLockInversionNegative {
  private final Object journal = new Object();
  private final Object stage = new Object();
  private final CountDownLatch done = new CountDownLatch(1);

  @Reclaim
  byte[] allocate(int n) {
    return new byte[n];
  }

  @GfpFlags(Gfp.NOFS)
  void append() {
    synchronized (journal) {
      allocate(4096);
    }
  }

  @Shrinker
  void trim() {
    synchronized (journal) {
    }
  }

  /** Nested sections take the reader once; a shrinker's own allocations do not reclaim again. */
  @FenceSignalling
  void complete() {
    synchronized (stage) {
      done.countDown();
    }
    completeMore();
  }

  @FenceSignalling
  void completeMore() {
  }

  void await() throws InterruptedException {
    done.await();
    synchronized (stage) {
    }
  }

  @FenceSignalling
  @GfpFlags(Gfp.NOWAIT)
  void runJob() {
    allocate(64);
  }
}
