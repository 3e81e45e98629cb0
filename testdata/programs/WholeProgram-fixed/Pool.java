package pool;

import java.util.ArrayList;
import java.util.List;

/** A connection pool whose evictor calls into connections after releasing the pool lock. */
class Pool {
  private final Object lock = new Object();
  private final List<Connection> idle = new ArrayList<>();

  /** Takes the idle connections under the pool lock and invalidates them after releasing it. */
  void evict() {
    List<Connection> evicted;
    synchronized (lock) {
      evicted = new ArrayList<>(idle);
      idle.clear();
    }
    for (Connection c : evicted) {
      c.invalidate();
    }
  }

  void release(Connection c) {
    synchronized (lock) {
      idle.add(c);
    }
  }
}
