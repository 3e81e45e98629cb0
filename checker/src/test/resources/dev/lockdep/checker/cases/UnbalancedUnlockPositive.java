package cases;

import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.locks.StampedLock;

class UnbalancedUnlockPositive {
  private final ReentrantLock lock = new ReentrantLock();
  private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
  private final StampedLock stamped = new StampedLock();
  private int count;

  void doubleUnlock() {
    lock.lock();
    lock.unlock();
    // BUG: Diagnostic contains: bad unlock balance detected
    lock.unlock();
  }

  /** Released twice in a helper that also takes it. */
  void releasesTwiceAfterTaking(boolean again) {
    if (again) {
      lock.lock();
    }
    // BUG: Diagnostic contains: is released here on a path that does not hold it
    lock.unlock();
  }

  /** Locked on one branch only, unlocked on both. */
  void someBranch(boolean fast) {
    if (!fast) {
      lock.lock();
    }
    count++;
    // BUG: Diagnostic contains: bad unlock balance detected
    lock.unlock();
  }

  /** The finally block also runs when tryLock failed. */
  void tryLockIgnored() {
    try {
      if (!lock.tryLock()) {
        return;
      }
      count++;
    } finally {
      // BUG: Diagnostic contains: bad unlock balance detected
      lock.unlock();
    }
  }

  /** Unlocked in the body and again in finally. */
  void unlockedTwiceThroughFinally() {
    lock.lock();
    try {
      count++;
      lock.unlock();
    } finally {
      // BUG: Diagnostic contains: bad unlock balance detected
      lock.unlock();
    }
  }

  /** The read view released, but the write view was held. */
  void wrongView() {
    rw.writeLock().lock();
    // BUG: Diagnostic contains: bad unlock balance detected
    rw.readLock().unlock();
  }

  void wrongStampMode() {
    long stamp = stamped.readLock();
    // BUG: Diagnostic contains: bad unlock balance detected
    stamped.unlockWrite(stamp);
  }

  /** The loop releases once per iteration but takes the lock only once. */
  void loopReleases(int n) {
    lock.lock();
    for (int i = 0; i < n; i++) {
      count++;
      // BUG: Diagnostic contains: bad unlock balance detected
      lock.unlock();
    }
  }

  /** The query's answer read backwards. */
  void invertedQuery(boolean slow) {
    if (slow) {
      lock.lock();
    }
    if (!lock.isHeldByCurrentThread()) {
      // BUG: Diagnostic contains: bad unlock balance detected
      lock.unlock();
    }
  }
}
