package jobs;

import java.util.concurrent.locks.ReentrantLock;

/** The fixed twin of UnbalancedUnlock/Worker.java. */
class Worker {
  private final ReentrantLock lock = new ReentrantLock();
  private int pending;

  void drain(boolean fast) {
    if (fast) {
      pending = 0;
      return;
    }
    lock.lock();
    try {
      pending = 0;
    } finally {
      lock.unlock();
    }
  }

  boolean offer() {
    if (!lock.tryLock()) {
      return false;
    }
    try {
      pending++;
      return true;
    } finally {
      lock.unlock();
    }
  }

  void submit() {
    lock.lock();
    try {
      pending++;
    } finally {
      lock.unlock();
    }
    notifyListeners();
  }

  private void notifyListeners() {}

  private boolean open = true;

  private void checkOpen() {
    if (!open) {
      throw new IllegalStateException("closed");
    }
  }

  void drainChecked() {
    checkOpen();
    lock.lock();
    try {
      pending = 0;
    } finally {
      lock.unlock();
    }
  }

  void flush() {
    lock.lock();
    try {
      pending = 0;
    } finally {
      lock.unlock();
    }
  }
}
