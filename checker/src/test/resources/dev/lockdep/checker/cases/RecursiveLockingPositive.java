package cases;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import dev.lockdep.annotations.LockClass;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.locks.StampedLock;

class RecursiveLockingPositive {
  static final class Account {
    private final ReentrantLock lock = new ReentrantLock();
  }

  private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
  private final Lock readView = rw.readLock();
  private final StampedLock stamped = new StampedLock();
  private final Semaphore permit = new Semaphore(1);

  @LockClass(value = "Mutex", reentrant = false)
  private final ReentrantLock mutex = new ReentrantLock();

  /** A loop's own earlier holds are in its order; a lock of the class held before the loop is not. */
  void lockAllUnderOne(Account first, Account[] all) {
    first.lock.lock();
    for (int i = 0; i < all.length; i++) {
      // BUG: Diagnostic contains: acquiring Account.lock while already holding another lock of the same class
      all[i].lock.lock();
    }
  }

  /** Two instances of one class, nested without a subclass: lockdep's AA. */
  void transfer(Account from, Account to) {
    from.lock.lock();
    try {
      // BUG: Diagnostic contains: possible recursive locking detected: acquiring Account.lock while already holding another lock of the same class
      to.lock.lock();
      to.lock.unlock();
    } finally {
      from.lock.unlock();
    }
  }

  void monitors(Account a, Account b) {
    synchronized (a) {
      // BUG: Diagnostic contains: acquiring Account while already holding another lock of the same class
      synchronized (b) {
      }
    }
  }

  void readThenWrite() {
    rw.readLock().lock();
    try {
      // BUG: Diagnostic contains: write-acquiring RecursiveLockingPositive.rw while holding it for reading
      rw.writeLock().lock();
      rw.writeLock().unlock();
    } finally {
      rw.readLock().unlock();
    }
  }

  /** The read view through a field initialised from the read-write lock: the same lock. */
  void readViewThenWrite() {
    readView.lock();
    try {
      // BUG: Diagnostic contains: write-acquiring RecursiveLockingPositive.rw
      rw.writeLock().lock();
      rw.writeLock().unlock();
    } finally {
      readView.unlock();
    }
  }

  void stampedTwice() {
    long outer = stamped.writeLock();
    // BUG: Diagnostic contains: re-acquiring RecursiveLockingPositive.stamped, which is not reentrant
    long inner = stamped.readLock();
    stamped.unlockRead(inner);
    stamped.unlockWrite(outer);
  }

  void stampedView() {
    stamped.asWriteLock().lock();
    // BUG: Diagnostic contains: re-acquiring RecursiveLockingPositive.stamped, which is not reentrant
    stamped.asReadLock().lock();
  }

  void semaphoreTwice() throws InterruptedException {
    permit.acquire();
    try {
      // BUG: Diagnostic contains: re-acquiring RecursiveLockingPositive.permit, which is not reentrant
      permit.acquire();
      permit.release();
    } finally {
      permit.release();
    }
  }

  void nonReentrantByAnnotation() {
    mutex.lock();
    try {
      // BUG: Diagnostic contains: re-acquiring Mutex, which is not reentrant
      mutex.lock();
    } finally {
      mutex.unlock();
    }
  }

  /** A local initialised from a field is that field's lock. */
  void aliasedNonReentrant() {
    Semaphore alias = permit;
    permit.acquireUninterruptibly();
    // BUG: Diagnostic contains: re-acquiring RecursiveLockingPositive.permit
    alias.acquireUninterruptibly();
  }

  /** @GuardedBy on a method: its callers hold the permit when it runs. */
  @GuardedBy("permit")
  void underPermit() throws InterruptedException {
    // BUG: Diagnostic contains: re-acquiring RecursiveLockingPositive.permit, which is not reentrant
    permit.acquire();
  }

  void interruptibly(Account a, Account b) throws InterruptedException {
    a.lock.lockInterruptibly();
    // BUG: Diagnostic contains: acquiring Account.lock while already holding another lock of the same class
    b.lock.lockInterruptibly();
  }

  void stampedReadWriteView() {
    stamped.asReadWriteLock().readLock().lock();
    // BUG: Diagnostic contains: re-acquiring RecursiveLockingPositive.stamped, which is not reentrant
    stamped.asReadWriteLock().writeLock().lock();
  }

  static final class Registry {
    synchronized void add() {}
  }

  /**
   * Two lookups are two objects of one class, nested without a subclass: reported at the call
   * made while holding the first, where the fix goes, not in the callee that holds nothing.
   */
  void twoLookups(java.util.Map<String, Registry> registries) {
    Registry first = registries.get("first");
    Registry second = registries.get("second");
    synchronized (first) {
      // BUG: Diagnostic contains: acquiring Registry while already holding another lock of the same class
      second.add();
    }
  }
}
