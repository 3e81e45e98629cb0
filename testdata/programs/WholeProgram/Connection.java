package pool;

/** Closing a connection returns it to the pool under the connection lock. */
class Connection {
  private final Object lock = new Object();
  private final Pool pool;
  private boolean valid = true;

  Connection(Pool pool) {
    this.pool = pool;
  }

  void invalidate() {
    synchronized (lock) {
      valid = false;
    }
  }

  void close() {
    synchronized (lock) {
      if (valid) {
        pool.release(this);
      }
    }
  }
}
