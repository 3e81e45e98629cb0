package dev.lockdep.testdata;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Two locks always taken in one order, and a reentrant re-entry: correct code that LockdepCheck
 * must compile silently in a user's Maven build.
 */
public final class OrderedAccounts {
  private final ReentrantLock ledger = new ReentrantLock();
  private final Object audit = new Object();
  private long balance;

  public void deposit(long amount) {
    ledger.lock();
    try {
      synchronized (audit) {
        balance += amount;
      }
    } finally {
      ledger.unlock();
    }
  }

  public synchronized long snapshot() {
    return reentrantRead();
  }

  private synchronized long reentrantRead() {
    ledger.lock();
    try {
      return balance;
    } finally {
      ledger.unlock();
    }
  }
}
