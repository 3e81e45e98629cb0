package rhino;

import java.util.Iterator;
import java.util.concurrent.locks.StampedLock;

/** The slot map of thread-safe objects: a StampedLock, which is not reentrant, guards the map. */
class ThreadSafeSlotMapContainer extends SlotMapContainer {
  private final StampedLock lock = new StampedLock();

  @Override
  Slot modify(Object key, int attributes) {
    final long stamp = lock.writeLock();
    try {
      return super.modify(key, attributes);
    } finally {
      lock.unlockWrite(stamp);
    }
  }

  @Override
  Slot query(Object key) {
    long stamp = lock.readLock();
    try {
      return super.query(key);
    } finally {
      lock.unlockRead(stamp);
    }
  }

  @Override
  long readLock() {
    return lock.readLock();
  }

  @Override
  void unlockRead(long stamp) {
    lock.unlockRead(stamp);
  }

  /** Callers hold the read lock while they iterate. */
  @Override
  public Iterator<Slot> iterator() {
    return super.iterator();
  }
}
