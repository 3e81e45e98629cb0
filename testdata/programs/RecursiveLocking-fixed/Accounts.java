package bank;

import dev.lockdep.annotations.Nested;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.locks.StampedLock;

/** The fixed twin of RecursiveLocking/Accounts.java. */
class Accounts {
  static final class Account {
    final long id;
    final Object lock = new Object();
    long balance;

    Account(long id) {
      this.id = id;
    }
  }

  private final ReentrantReadWriteLock rates = new ReentrantReadWriteLock();
  private final StampedLock journal = new StampedLock();
  private double rate = 1.0;

  /** Always the lower id first; the inner lock is subclass 1 of the class. */
  void transfer(Account from, Account to, long amount) {
    if (from.id < to.id) {
      move(from, to, from, to, amount);
    } else {
      move(to, from, from, to, amount);
    }
  }

  private void move(Account first, Account second, Account from, Account to, long amount) {
    Object outer = first.lock;
    @Nested(1) Object inner = second.lock;
    synchronized (outer) {
      synchronized (inner) {
        from.balance -= amount;
        to.balance += amount;
      }
    }
  }

  /** Release the read lock, then take the write lock and check again. */
  void refreshRate(double fresh) {
    rates.readLock().lock();
    boolean stale;
    try {
      stale = rate != fresh;
    } finally {
      rates.readLock().unlock();
    }
    if (stale) {
      rates.writeLock().lock();
      try {
        rate = fresh;
      } finally {
        rates.writeLock().unlock();
      }
    }
  }

  /** The journal is written under one hold. */
  void append(String entry) {
    long stamp = journal.writeLock();
    try {
      flushLocked();
    } finally {
      journal.unlockWrite(stamp);
    }
  }

  private void flushLocked() {}
}
