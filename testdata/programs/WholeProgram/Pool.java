package pool;

import java.util.ArrayList;
import java.util.List;

/** A connection pool whose evictor calls into connections under the pool lock. */
class Pool {
  private final Object lock = new Object();
  private final List<Connection> idle = new ArrayList<>();

  void evict() {
    synchronized (lock) {
      for (Connection c : idle) {
        c.invalidate();
      }
    }
  }

  void release(Connection c) {
    synchronized (lock) {
      idle.add(c);
    }
  }
}
