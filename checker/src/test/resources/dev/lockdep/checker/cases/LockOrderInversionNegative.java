package cases;

import java.util.concurrent.locks.ReentrantLock;

class LockOrderInversionNegative {
  private final Object accounts = new Object();
  private final Object audit = new Object();
  private final ReentrantLock pool = new ReentrantLock();
  private final ReentrantLock cache = new ReentrantLock();

  /** Always accounts before audit. */
  void deposit() {
    synchronized (accounts) {
      synchronized (audit) {
      }
    }
  }

  void withdraw() {
    synchronized (accounts) {
      synchronized (audit) {
      }
    }
  }

  /** One lock after the other, never nested. */
  void sequential() {
    synchronized (audit) {
    }
    synchronized (accounts) {
    }
  }

  void evict() {
    pool.lock();
    try {
      cache.lock();
      cache.unlock();
    } finally {
      pool.unlock();
    }
  }

  /** The reverse order, but the inner acquisition is a tryLock: it gives up instead of waiting. */
  void allocate() {
    cache.lock();
    try {
      if (pool.tryLock()) {
        pool.unlock();
      }
    } finally {
      cache.unlock();
    }
  }

  /** Released before the other is taken. */
  void handOver() {
    cache.lock();
    cache.unlock();
    pool.lock();
    pool.unlock();
  }

  /** wait() releases the monitor it waits on only: the outer one stays held, no new order. */
  void waitOnInner() throws InterruptedException {
    synchronized (accounts) {
      synchronized (audit) {
        audit.wait();
      }
    }
  }
}
