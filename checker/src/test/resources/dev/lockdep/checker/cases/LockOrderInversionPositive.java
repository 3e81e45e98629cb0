package cases;

import dev.lockdep.annotations.Acquires;
import dev.lockdep.annotations.Releases;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

class LockOrderInversionPositive {
  private final Object accounts = new Object();
  private final Object audit = new Object();
  private final ReentrantLock pool = new ReentrantLock();
  private final ReentrantLock cache = new ReentrantLock();
  private final ReentrantReadWriteLock table = new ReentrantReadWriteLock();
  private final Object queue = new Object();
  private final Object stats = new Object();
  private final ReentrantLock outer = new ReentrantLock();
  private final Condition changed = outer.newCondition();
  private final Object inner = new Object();

  void deposit() {
    synchronized (accounts) {
      synchronized (audit) {
      }
    }
  }

  void report() {
    synchronized (audit) {
      // BUG: Diagnostic contains: possible circular locking dependency detected: acquiring LockOrderInversionPositive.accounts while holding LockOrderInversionPositive.audit
      synchronized (accounts) {
      }
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

  void allocate() {
    cache.lock();
    try {
      // BUG: Diagnostic contains: possible circular locking dependency detected
      pool.lock();
      pool.unlock();
    } finally {
      cache.unlock();
    }
  }

  /** Readers of a ReentrantReadWriteLock wait behind a queued writer: read-read cycles deadlock too. */
  void readThenMonitor() {
    table.readLock().lock();
    try {
      synchronized (queue) {
      }
    } finally {
      table.readLock().unlock();
    }
  }

  void monitorThenRead() {
    synchronized (queue) {
      // BUG: Diagnostic contains: possible circular locking dependency detected
      table.readLock().lock();
      table.readLock().unlock();
    }
  }

  /** await releases only its own lock: waking up retakes it while the inner monitor is held. */
  void nestedWait() throws InterruptedException {
    outer.lock();
    try {
      synchronized (inner) {
        // BUG: Diagnostic contains: possible circular locking dependency detected
        changed.await();
      }
    } finally {
      outer.unlock();
    }
  }

  void monitorWait() throws InterruptedException {
    synchronized (stats) {
      synchronized (queue) {
        // BUG: Diagnostic contains: possible circular locking dependency detected
        stats.wait();
      }
    }
  }

  /** A lock-taking wrapper: its callers hold Pool.lock between enter() and exit(). */
  static final class Pool {
    private final ReentrantLock lock = new ReentrantLock();

    @Acquires("lock")
    void enter() {
      lock.lock();
    }

    @Releases("lock")
    void exit() {
      lock.unlock();
    }
  }

  private final Pool wrapped = new Pool();
  private final Object registry = new Object();

  void wrapperFirst() {
    wrapped.enter();
    try {
      synchronized (registry) {
      }
    } finally {
      wrapped.exit();
    }
  }

  void registryFirst() {
    synchronized (registry) {
      // BUG: Diagnostic contains: acquiring Pool.lock while holding LockOrderInversionPositive.registry
      wrapped.enter();
      wrapped.exit();
    }
  }
}
