package com.example.cache;

import java.util.ArrayDeque;
import java.util.Deque;

/** A connection pool whose evictor closes idle connections while holding the pool lock. */
public final class ConnectionPool {
  private final Object poolLock = new Object();
  private final Deque<PooledConnection> idle = new ArrayDeque<>();

  public PooledConnection borrow() {
    synchronized (poolLock) {
      PooledConnection c = idle.poll();
      return c != null ? c : new PooledConnection(this);
    }
  }

  /** Called by a connection when its user is done with it. */
  void giveBack(PooledConnection c) {
    synchronized (poolLock) {
      idle.push(c);
    }
  }

  /** Runs periodically: closes every idle connection. */
  public void evictIdle() {
    synchronized (poolLock) {
      for (PooledConnection c : idle) {
        c.close(); // takes the connection's lock under the pool lock
      }
      idle.clear();
    }
  }
}
