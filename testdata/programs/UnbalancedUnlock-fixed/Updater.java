package jobs;

/** Uses the registry's lock directly and through its service methods, from another file. */
class Updater {
  private final Registry registry = new Registry();

  /** The getter is called inside try, before the lock is taken: a getter does not throw. */
  void put(String key, String value) {
    try {
      registry.lock().writeLock().lock();
      registry.put(key, value);
    } finally {
      registry.lock().writeLock().unlock();
    }
  }

  /** Two critical sections: its own, then one that beginUpdate() opens and this method ends. */
  void replace(String key, String value) {
    registry.lock().writeLock().lock();
    try {
      registry.put(key, null);
    } finally {
      registry.lock().writeLock().unlock();
    }
    registry.beginUpdate();
    try {
      registry.put(key, value);
    } finally {
      registry.lock().writeLock().unlock();
    }
  }

  /** Holds the write lock that beginUpdate() took and downgrades it to the read lock. */
  void publish() {
    registry.lock().readLock().lock();
    registry.lock().writeLock().unlock();
    try {
      registry.put("published", "yes");
    } finally {
      registry.lock().readLock().unlock();
    }
  }
}
