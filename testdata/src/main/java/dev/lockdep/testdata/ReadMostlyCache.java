package dev.lockdep.testdata;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.locks.StampedLock;

/**
 * Read-write locking done right: read, release, write, downgrade; a trylock with a timeout; a
 * condition wait; a stamped lock's optimistic read. LockdepCheck must compile it silently.
 */
public final class ReadMostlyCache {
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final Map<String, String> entries = new HashMap<>();
  private final ReentrantLock refill = new ReentrantLock();
  private final Condition refilled = refill.newCondition();
  private final StampedLock stats = new StampedLock();
  private long hits;
  private boolean refilling;

  public String get(String key) {
    lock.readLock().lock();
    try {
      String value = entries.get(key);
      if (value != null) {
        countHit();
        return value;
      }
    } finally {
      lock.readLock().unlock();
    }
    lock.writeLock().lock();
    try {
      String value = entries.computeIfAbsent(key, k -> k.toUpperCase());
      // Downgrade: take the read lock before giving up the write lock.
      lock.readLock().lock();
      lock.writeLock().unlock();
      try {
        return value;
      } finally {
        lock.readLock().unlock();
      }
    } finally {
      if (lock.isWriteLockedByCurrentThread()) {
        lock.writeLock().unlock();
      }
    }
  }

  public boolean tryRefill() throws InterruptedException {
    if (!refill.tryLock(10, TimeUnit.MILLISECONDS)) {
      return false;
    }
    try {
      while (refilling) {
        refilled.await();
      }
      refilling = true;
      refilled.signalAll();
      return true;
    } finally {
      refill.unlock();
    }
  }

  private void countHit() {
    long stamp = stats.writeLock();
    try {
      hits++;
    } finally {
      stats.unlockWrite(stamp);
    }
  }

  public long hits() {
    long stamp = stats.tryOptimisticRead();
    long seen = hits;
    if (!stats.validate(stamp)) {
      stamp = stats.readLock();
      try {
        seen = hits;
      } finally {
        stats.unlockRead(stamp);
      }
    }
    return seen;
  }
}
