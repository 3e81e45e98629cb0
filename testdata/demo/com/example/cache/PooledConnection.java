package com.example.cache;

/** A pooled connection: closing and releasing are serialised by its own lock. */
public final class PooledConnection {
  private final Object stateLock = new Object();
  private final ConnectionPool pool;
  private boolean open = true;

  PooledConnection(ConnectionPool pool) {
    this.pool = pool;
  }

  public void close() {
    synchronized (stateLock) {
      open = false;
    }
  }

  /** The user is done: hand the connection back while its state cannot change. */
  public void release() {
    synchronized (stateLock) {
      if (open) {
        pool.giveBack(this); // takes the pool lock under the connection lock
      }
    }
  }
}
