package groovy;

import java.util.concurrent.locks.AbstractQueuedSynchronizer;

/**
 * The lock of a map segment, a lock service: lock() and unlock() are two methods its subclasses'
 * callers pair themselves. Groovy's own, on AbstractQueuedSynchronizer: reentrant, not a Lock.
 */
class LockableObject extends AbstractQueuedSynchronizer {
  transient Thread owner;

  public final void lock() {
    if (compareAndSetState(0, 1)) {
      owner = Thread.currentThread();
    } else {
      acquire(1);
    }
  }

  public final void unlock() {
    release(1);
  }

  @Override
  protected final boolean tryAcquire(int acquires) {
    Thread current = Thread.currentThread();
    int c = getState();
    if (c == 0) {
      if (compareAndSetState(0, acquires)) {
        owner = current;
        return true;
      }
    } else if (current == owner) {
      setState(c + acquires);
      return true;
    }
    return false;
  }

  @Override
  protected final boolean tryRelease(int releases) {
    int c = getState() - releases;
    boolean free = c == 0;
    if (free) {
      owner = null;
    }
    setState(c);
    return free;
  }
}
