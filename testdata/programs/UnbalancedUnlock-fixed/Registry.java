package jobs;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/** A lock service: beginUpdate() returns holding the write lock, endUpdate() releases it. */
class Registry {
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final Map<String, String> entries = new HashMap<>();

  ReentrantReadWriteLock lock() {
    return lock;
  }

  void beginUpdate() {
    lock.writeLock().lock();
  }

  void endUpdate() {
    lock.writeLock().unlock();
  }

  void put(String key, String value) {
    entries.put(key, value);
  }
}
