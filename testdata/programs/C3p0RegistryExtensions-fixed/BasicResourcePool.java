package c3p0;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The generic pool: acquisitions run on helper threads, outside the pool's monitor. */
class BasicResourcePool {
  /** What the pool calls to create a resource. */
  interface Manager {
    Object acquireResource();
  }

  private final Manager mgr;
  private final Deque<Object> unused = new ArrayDeque<>();
  private final ExecutorService helperThreads = Executors.newFixedThreadPool(3);

  BasicResourcePool(Manager mgr) {
    this.mgr = mgr;
  }

  synchronized Object checkoutResource() {
    while (unused.isEmpty()) {
      helperThreads.execute(new ScatteredAcquireTask());
      try {
        wait();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return unused.removeFirst();
  }

  private void doAcquire() {
    Object resource = mgr.acquireResource();
    synchronized (this) {
      unused.addLast(resource);
      notifyAll();
    }
  }

  void close() {
    helperThreads.shutdown();
  }

  /** One acquisition, run by a helper thread. */
  private final class ScatteredAcquireTask implements Runnable {
    @Override
    public void run() {
      doAcquire();
    }
  }
}
