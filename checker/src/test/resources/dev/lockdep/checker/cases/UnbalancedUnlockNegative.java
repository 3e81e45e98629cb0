package cases;

import dev.lockdep.annotations.Acquires;
import dev.lockdep.annotations.Releases;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.locks.StampedLock;

class UnbalancedUnlockNegative {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition ready = lock.newCondition();
  private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
  private final StampedLock stamped = new StampedLock();
  private int count;

  void tryFinally() {
    lock.lock();
    try {
      count++;
    } finally {
      lock.unlock();
    }
  }

  int earlyReturn(int n) {
    lock.lock();
    try {
      if (n < 0) {
        return -1;
      }
      for (int i = 0; i < n; i++) {
        if (i == 3) {
          break;
        }
        if (i == 1) {
          continue;
        }
        count += i;
      }
      return count;
    } finally {
      lock.unlock();
    }
  }

  void exceptions() {
    lock.lock();
    try {
      mayFail();
    } catch (IllegalStateException e) {
      count = -1;
    } finally {
      lock.unlock();
    }
  }

  void lockInsideTry() {
    try {
      lock.lock();
      mayFail();
    } finally {
      lock.unlock();
    }
  }

  void ifTryLock() {
    if (lock.tryLock()) {
      try {
        count++;
      } finally {
        lock.unlock();
      }
    } else {
      count--;
    }
  }

  void notTryLockReturn() {
    if (!lock.tryLock()) {
      return;
    }
    try {
      count++;
    } finally {
      lock.unlock();
    }
  }

  void tryLockInLocal() {
    boolean locked = lock.tryLock();
    try {
      count++;
    } finally {
      if (locked) {
        lock.unlock();
      }
    }
  }

  void tryLockWithCondition(boolean wanted) {
    if (wanted && lock.tryLock()) {
      lock.unlock();
    }
  }

  void loopTakesAndReleases(int n) {
    for (int i = 0; i < n; i++) {
      lock.lock();
      try {
        count++;
      } finally {
        lock.unlock();
      }
    }
  }

  void whileTrue() {
    while (true) {
      lock.lock();
      try {
        if (++count > 10) {
          return;
        }
      } finally {
        lock.unlock();
      }
    }
  }

  void switches(int k) {
    lock.lock();
    try {
      switch (k) {
        case 0:
          count = 0;
          break;
        case 1:
          count = 1;
        default:
          count = 2;
      }
    } finally {
      lock.unlock();
    }
  }

  void awaitCondition() throws InterruptedException {
    lock.lock();
    try {
      while (count == 0) {
        ready.await();
      }
    } finally {
      lock.unlock();
    }
  }

  synchronized void waitOnMonitor() throws InterruptedException {
    while (count == 0) {
      wait();
    }
  }

  void views() {
    rw.readLock().lock();
    rw.readLock().unlock();
    rw.writeLock().lock();
    rw.writeLock().unlock();
  }

  void stamps() {
    long stamp = stamped.readLock();
    try {
      count++;
    } finally {
      stamped.unlockRead(stamp);
    }
    long write = stamped.writeLock();
    stamped.unlock(write);
  }

  @Acquires("lock")
  void enter() {
    lock.lock();
  }

  @Releases("lock")
  void exit() {
    lock.unlock();
  }

  void wrapped() {
    enter();
    try {
      count++;
    } finally {
      exit();
    }
  }

  /** commons-pool2's upgrade: one local names the read view, then the write view. */
  void upgrade() {
    Lock held = rw.readLock();
    try {
      held.lock();
      if (count == 0) {
        held.unlock();
        held = rw.writeLock();
        held.lock();
        count++;
      }
    } finally {
      held.unlock();
    }
  }

  /** The JDK's "do I hold it" queries answer which paths hold the lock. */
  void heldQueries(boolean slow) {
    if (slow) {
      lock.lock();
    }
    count++;
    if (lock.isHeldByCurrentThread()) {
      lock.unlock();
    }
    rw.writeLock().lock();
    try {
      rw.readLock().lock();
      rw.writeLock().unlock();
      rw.readLock().unlock();
    } finally {
      if (rw.isWriteLockedByCurrentThread()) {
        rw.writeLock().unlock();
      }
    }
  }

  /** Only releases: a release helper for a hold its caller took (what @Releases says explicitly). */
  void releaseHelper() {
    if (lock.isHeldByCurrentThread()) {
      count++;
    }
    lock.unlock();
  }

  /** h2's pattern: let go of the caller's hold around a slow call, then take it back. */
  void dropCallersHold() {
    lock.unlock();
    try {
      mayFail();
    } finally {
      lock.lock();
    }
  }

  void dropCallersHoldInALoop(int n) {
    for (int i = 0; i < n; i++) {
      lock.unlock();
      try {
        mayFail();
      } finally {
        lock.lock();
      }
    }
  }

  private void mayFail() {
    if (count > 100) {
      throw new IllegalStateException();
    }
  }
}
