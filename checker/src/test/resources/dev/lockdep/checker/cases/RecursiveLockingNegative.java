package cases;

import dev.lockdep.annotations.Nested;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.locks.StampedLock;

class RecursiveLockingNegative {
  static final class Node {
    final Object monitor = new Object();
  }

  private final ReentrantLock lock = new ReentrantLock();
  private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
  private final StampedLock stamped = new StampedLock();
  private final Semaphore permit = new Semaphore(1);
  private final Semaphore pool = new Semaphore(4);

  /** The same instance of a reentrant lock, taken again by its holder. */
  synchronized void reentrantMonitor() {
    synchronized (this) {
      helper();
    }
  }

  private synchronized void helper() {}

  void reentrantLock() {
    lock.lock();
    try {
      lock.lock();
      lock.unlock();
    } finally {
      lock.unlock();
    }
  }

  void localAlias() {
    ReentrantLock alias = lock;
    lock.lock();
    try {
      alias.lock();
      alias.unlock();
    } finally {
      lock.unlock();
    }
  }

  /** Write to read is a downgrade, which ReentrantReadWriteLock allows. */
  void downgrade() {
    rw.writeLock().lock();
    rw.readLock().lock();
    rw.writeLock().unlock();
    rw.readLock().unlock();
  }

  /** A read lock re-entered by its holder is granted even with writers queued. */
  void readReentry() {
    rw.readLock().lock();
    rw.readLock().lock();
    rw.readLock().unlock();
    rw.readLock().unlock();
  }

  /** A trylock cannot block, so it cannot deadlock on the lock its thread holds. */
  void tryStamped() {
    long stamp = stamped.writeLock();
    long again = stamped.tryWriteLock();
    stamped.unlockWrite(stamp);
  }

  void trySemaphore() throws InterruptedException {
    permit.acquire();
    if (permit.tryAcquire()) {
      permit.release();
    }
    permit.release();
  }

  /** Not one permit: not a lock. */
  void countingSemaphore() throws InterruptedException {
    pool.acquire();
    pool.acquire();
    pool.release();
    pool.release();
  }

  /** One class, two instances, one nested in the other with its own subclass. */
  void parentChild(Node parent, @Nested(1) Node child) {
    synchronized (parent) {
      synchronized (child) {
      }
    }
  }

  /** One instance after the other, never nested. */
  void sequential(Node a, Node b) {
    synchronized (a) {
    }
    synchronized (b) {
    }
  }

  void sequentialStamped() {
    long first = stamped.writeLock();
    stamped.unlockWrite(first);
    long second = stamped.writeLock();
    stamped.unlockWrite(second);
  }

  /** A timed tryLock gives up too. */
  void timedTry(Node other) throws InterruptedException {
    lock.lock();
    try {
      if (lock.tryLock(1, java.util.concurrent.TimeUnit.SECONDS)) {
        lock.unlock();
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * A loop taking every lock of an array, in index order (all segments, each stripe): a nesting
   * in one order, what the kernel annotates with a nest_lock.
   */
  void lockAll(ReentrantLock[] stripes) {
    for (int i = 0; i < stripes.length; i++) {
      stripes[i].lock();
    }
    for (int i = stripes.length - 1; i >= 0; i--) {
      stripes[i].unlock();
    }
  }

  static final class Registry {
    synchronized void add() {}
  }

  /** A local from a lookup is one object for its whole scope: a call on it re-enters its monitor. */
  void lookedUp(java.util.Map<String, Registry> registries, String name) {
    Registry registry = registries.get(name);
    synchronized (registry) {
      registry.add();
    }
  }
}
