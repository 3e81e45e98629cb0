package jobs;

import java.util.concurrent.locks.ReentrantLock;

/** Unlocks that the thread may not hold. */
class Worker {
  private final ReentrantLock lock = new ReentrantLock();
  private int pending;

  /** On the fast path the lock was never taken, but it is released anyway. */
  void drain(boolean fast) {
    if (!fast) {
      lock.lock();
    }
    pending = 0;
    lock.unlock();
  }

  /** The finally block releases the lock also when tryLock failed. */
  boolean offer() {
    try {
      if (!lock.tryLock()) {
        return false;
      }
      pending++;
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** Released in the body and again in finally. */
  void submit() {
    lock.lock();
    try {
      pending++;
      lock.unlock();
      notifyListeners();
    } finally {
      lock.unlock();
    }
  }

  private void notifyListeners() {}

  private boolean open = true;

  private void checkOpen() {
    if (!open) {
      throw new IllegalStateException("closed");
    }
  }

  /** If checkOpen() throws, the finally block releases a lock that was never taken. */
  void drainChecked() {
    try {
      checkOpen();
      lock.lock();
      pending = 0;
    } finally {
      lock.unlock();
    }
  }

  private void release() {
    lock.unlock();
  }

  /** The lock was released already: release() has nothing left to release. */
  void flush() {
    lock.lock();
    try {
      pending = 0;
    } finally {
      lock.unlock();
    }
    release();
  }
}
