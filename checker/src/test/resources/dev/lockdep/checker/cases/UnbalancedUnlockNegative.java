package cases;

import dev.lockdep.annotations.Acquires;
import dev.lockdep.annotations.Releases;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.locks.StampedLock;
import java.util.concurrent.atomic.AtomicInteger;

class UnbalancedUnlockNegative {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition ready = lock.newCondition();
  private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
  private final StampedLock stamped = new StampedLock();
  private final AtomicInteger attempts = new AtomicInteger();
  private int count;
  private boolean open = true;

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

  /** The write lock's own query, after a tryLock that may have failed: a heartbeat that skips a busy writer. */
  void writeLockQuery() {
    try {
      if (rw.writeLock().tryLock()) {
        mayFail();
      }
    } finally {
      if (rw.writeLock().isHeldByCurrentThread()) {
        rw.writeLock().unlock();
      }
      if (rw.writeLock().getHoldCount() > 0) {
        count++;
      }
    }
  }

  /** Lock and unlock under two tests of one boolean parameter: the second test takes the branch the first did. */
  void lockIfAsked(boolean needToLock) {
    if (needToLock) {
      lock.lock();
    }
    try {
      mayFail();
    } finally {
      if (needToLock) {
        lock.unlock();
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

  // ---- calls before the acquisition inside `try`: they do not throw

  Lock getLock() {
    return lock;
  }

  boolean isOpen() {
    return open;
  }

  /** The getter is called before lock() inside try, and again in finally. */
  void getterBeforeLockInsideTry() {
    try {
      getLock().lock();
      count++;
    } finally {
      getLock().unlock();
    }
  }

  /** A call that returns the lock to take is where the code gets it, not where it fails. */
  void lockReturnedByACall(Locks locks, int key) {
    Lock held = null;
    try {
      held = locks.lockFor(key);
      held.lock();
      count++;
    } finally {
      held.unlock();
    }
  }

  /** One-statement getters of this file and the JDK's accessors before the acquisition. */
  void accessorsBeforeLockInsideTry() {
    try {
      boolean wasOpen = isOpen();
      long started = System.nanoTime();
      attempts.incrementAndGet();
      lock.lock();
      count += wasOpen ? (int) started : 0;
    } finally {
      lock.unlock();
    }
  }

  /** A call that may throw, with the release guarded by a flag set once the lock is held. */
  void guardedByFlag() {
    boolean locked = false;
    try {
      mayFail();
      lock.lock();
      locked = true;
      count++;
    } finally {
      if (locked) {
        lock.unlock();
      }
    }
  }

  /**
   * ... guarded by an element of a flags array set once the lock is held (a new boolean[] holds
   * only false, so the release runs only where a true was stored).
   */
  void guardedByFlagInAnArray() {
    boolean[] locked = new boolean[1];
    try {
      mayFail();
      lock.lock();
      locked[0] = true;
      count++;
    } finally {
      if (locked[0]) {
        lock.unlock();
      }
    }
  }

  private final ReentrantLock[] stripes = {new ReentrantLock(), new ReentrantLock()};

  /**
   * ... every lock of an array taken by a loop, each recorded in a flags array, and released by a
   * second loop guarded by the flags: the one acquisition holds any number of them.
   */
  void everyStripeByLoops() {
    boolean[] have = new boolean[stripes.length];
    try {
      for (int i = 0; i < stripes.length; i++) {
        stripes[i].lock();
        have[i] = true;
      }
      count++;
    } finally {
      for (int i = stripes.length - 1; i >= 0; i--) {
        if (have[i]) {
          stripes[i].unlock();
        }
      }
    }
  }

  /** ... guarded by the JDK's "do I hold it" query. */
  void guardedByHeldQuery() {
    try {
      mayFail();
      lock.lock();
      count++;
    } finally {
      if (lock.isHeldByCurrentThread()) {
        lock.unlock();
      }
    }
  }

  /** ... guarded by the local that names the lock once it was looked up. */
  void guardedByNullCheck(Locks locks, int key) {
    Lock held = null;
    try {
      mayFail();
      held = locks.lockFor(key);
      held.lock();
      count++;
    } finally {
      if (held != null) {
        held.unlock();
      }
    }
  }

  // ---- holds that outlive the method that took them

  /** A lock service: two operations of one object. */
  void acquire() {
    lock.lock();
  }

  void release() {
    lock.unlock();
  }

  /** Takes the lock itself, then has acquire() take it and ends that hold. */
  void ownHoldThenService() {
    lock.lock();
    try {
      count++;
    } finally {
      lock.unlock();
    }
    acquire();
    try {
      count++;
    } finally {
      lock.unlock();
    }
  }

  /** The hold acquire() left in the last pass of a loop, ended after it. */
  void serviceInALoop(int n) {
    lock.lock();
    lock.unlock();
    for (int i = 0; i < n; i++) {
      acquire();
      lock.unlock();
    }
    while (count < n) {
      count++;
      acquire();
    }
    lock.unlock();
  }

  /** The service's hold, then one of its own on top, then both ended. */
  void serviceHoldUnderOwn() {
    acquire();
    lock.lock();
    count++;
    lock.unlock();
    lock.unlock();
  }

  /** release() ends the hold acquire() left, under one the method takes and ends itself. */
  void serviceAroundOwnHold() {
    acquire();
    lock.lock();
    try {
      count++;
    } finally {
      lock.unlock();
    }
    release();
  }

  /** release() ends the method's own hold. */
  void serviceReleaseEndsOwnHold() {
    lock.lock();
    count++;
    release();
  }

  /** A method of this file that returns with the lock held. */
  Lock lockedLock() {
    lock.lock();
    return lock;
  }

  void releasesWhatACallReturnedHeld() {
    lock.lock();
    lock.unlock();
    Lock held = lockedLock();
    count += held == lock ? 1 : 0;
    lock.unlock();
  }

  /** The write lock the caller took (see acquireWrite) is downgraded here: read taken, write ended. */
  void acquireWrite() {
    rw.writeLock().lock();
  }

  void downgrade() {
    rw.readLock().lock();
    rw.writeLock().unlock();
    try {
      count++;
    } finally {
      rw.readLock().unlock();
    }
  }

  /** Hand over hand: the next node's lock is taken, the caller's hold of the previous one ended. */
  void handOver(Node from, Node to) {
    to.lock.lock();
    from.lock.unlock();
    count++;
  }

  /** A service in the same file whose operations the analysis does not see (an interface). */
  void throughAnApi(Service service) {
    service.lock().lock();
    service.lock().unlock();
    service.acquire();
    try {
      count++;
    } finally {
      service.lock().unlock();
    }
  }

  static final class Node {
    final ReentrantLock lock = new ReentrantLock();
  }

  interface Locks {
    Lock lockFor(int key);
  }

  interface Service {
    Lock lock();

    void acquire();
  }

  private void mayFail() {
    if (count > 100) {
      throw new IllegalStateException();
    }
  }
}
