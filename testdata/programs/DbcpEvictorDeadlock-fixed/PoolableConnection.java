package dbcp;

/** A pooled connection: close() returns it to its pool while holding its own monitor. */
class PoolableConnection extends DelegatingConnection {
  private final ObjectPool pool;

  PoolableConnection(ObjectPool pool) {
    this.pool = pool;
  }

  @Override
  public synchronized void close() {
    if (isClosed()) {
      return;
    }
    pool.returnObject(this);
  }

  /** Actually closes the underlying connection, for the pool's factory. */
  void reallyClose() {
    super.close();
  }
}
