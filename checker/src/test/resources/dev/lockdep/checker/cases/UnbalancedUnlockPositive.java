package cases;

import java.util.Objects;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.locks.StampedLock;

class UnbalancedUnlockPositive {
  private final ReentrantLock lock = new ReentrantLock();
  private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
  private final StampedLock stamped = new StampedLock();
  private final Listener listener = () -> {};
  private int count;
  private boolean open = true;

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

  private final ReentrantLock[] stripes = {new ReentrantLock(), new ReentrantLock()};

  /** One lock of an array taken, every lock of it released by a loop. */
  void oneStripeTakenAllReleased() {
    stripes[0].lock();
    for (int i = 0; i < stripes.length; i++) {
      // BUG: Diagnostic contains: is released here on a path that does not hold it
      stripes[i].unlock();
    }
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

  /** A flags array's element set before the lock is taken: a failure between leaves it true and the lock free. */
  void flagInAnArraySetTooEarly() {
    boolean[] locked = new boolean[1];
    try {
      locked[0] = true;
      if (count > 100) {
        throw new IllegalStateException();
      }
      lock.lock();
      count++;
    } finally {
      if (locked[0]) {
        // BUG: Diagnostic contains: is released here on a path that does not hold it
        lock.unlock();
      }
    }
  }

  /** A flags array a lambda sets (run elsewhere): what this body's paths store is not all it holds. */
  Runnable flagInAnArraySetByALambda() {
    boolean[] locked = new boolean[1];
    Runnable mark = () -> locked[0] = true;
    lock.lock();
    count++;
    lock.unlock();
    if (locked[0]) {
      // BUG: Diagnostic contains: is released here on a path that does not hold it
      lock.unlock();
    }
    return mark;
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

  // ---- calls before the acquisition inside `try` that may throw: the finally block then
  // releases a lock that was never taken, and its IllegalMonitorStateException hides theirs

  private void checkOpen() {
    if (!open) {
      throw new IllegalStateException("closed");
    }
  }

  void checkBeforeLockInsideTry() {
    try {
      checkOpen();
      lock.lock();
      count++;
    } finally {
      // BUG: Diagnostic contains: bad unlock balance detected
      lock.unlock();
    }
  }

  void requireNonNullBeforeLockInsideTry(Object value) {
    try {
      Objects.requireNonNull(value);
      lock.lock();
      count++;
    } finally {
      // BUG: Diagnostic contains: bad unlock balance detected
      lock.unlock();
    }
  }

  /** A lock getter of this file that checks first: judged by its body, not by what it returns. */
  Lock checkedLock() {
    checkOpen();
    return lock;
  }

  void checkingGetterBeforeLockInsideTry() {
    try {
      checkedLock().lock();
      count++;
    } finally {
      // BUG: Diagnostic contains: bad unlock balance detected
      checkedLock().unlock();
    }
  }

  // ---- calls that cannot have taken the lock leave a double unlock visible

  private void log() {
    count--;
  }

  void doubleUnlockAroundACallOfThisFile() {
    lock.lock();
    try {
      count++;
      lock.unlock();
      log();
    } finally {
      // BUG: Diagnostic contains: bad unlock balance detected
      lock.unlock();
    }
  }

  void doubleUnlockAroundAJdkCall() {
    lock.lock();
    lock.unlock();
    System.out.println(count);
    // BUG: Diagnostic contains: bad unlock balance detected
    lock.unlock();
  }

  /** The listener is another object: what it may leave held is its own, not this.lock. */
  void doubleUnlockAroundAnotherObjectsCall() {
    lock.lock();
    lock.unlock();
    listener.changed();
    // BUG: Diagnostic contains: bad unlock balance detected
    lock.unlock();
  }

  /**
   * Ends its own hold and then, by intent, its caller's: this reads as a double unlock, and says
   * so with @Releases("lock") to be accepted.
   */
  void endsTheCallersHoldAfterItsOwn() {
    lock.lock();
    try {
      count++;
    } finally {
      lock.unlock();
    }
    // BUG: Diagnostic contains: bad unlock balance detected
    lock.unlock();
  }

  // ---- a release in a method of this file that ends its caller's hold

  void release() {
    lock.unlock();
  }

  /** The caller has ended its own hold: release() has nothing left to release. */
  void serviceReleaseAfterOwnHoldEnded() {
    lock.lock();
    try {
      count++;
    } finally {
      lock.unlock();
    }
    // BUG: Diagnostic contains: is released by `release()` here on a path that does not hold it
    release();
  }

  interface Listener {
    void changed();
  }
}
