package bank;

import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.locks.StampedLock;

/** Three ways a thread deadlocks on a lock it already holds. */
class Accounts {
  static final class Account {
    final Object lock = new Object();
    long balance;
  }

  private final ReentrantReadWriteLock rates = new ReentrantReadWriteLock();
  private final StampedLock journal = new StampedLock();
  private double rate = 1.0;

  /** Two accounts, one lock class, no order: two transfers in opposite directions deadlock. */
  void transfer(Account from, Account to, long amount) {
    synchronized (from.lock) {
      synchronized (to.lock) {
        from.balance -= amount;
        to.balance += amount;
      }
    }
  }

  /** A read lock cannot be upgraded: the write lock waits for this thread's own read hold. */
  void refreshRate(double fresh) {
    rates.readLock().lock();
    try {
      if (rate != fresh) {
        rates.writeLock().lock();
        try {
          rate = fresh;
        } finally {
          rates.writeLock().unlock();
        }
      }
    } finally {
      rates.readLock().unlock();
    }
  }

  /** StampedLock is not reentrant. */
  void appendInline() {
    long outer = journal.writeLock();
    try {
      long inner = journal.writeLock();
      journal.unlockWrite(inner);
    } finally {
      journal.unlockWrite(outer);
    }
  }
}
