package groovy;

import java.util.concurrent.locks.ReentrantLock;

/**
 * The lock of a map segment, a lock service: lock() and unlock() are two methods its subclasses'
 * callers pair themselves. (Groovy implements it on AbstractQueuedSynchronizer; a ReentrantLock
 * field stands for that here.)
 */
class LockableObject {
  private final ReentrantLock sync = new ReentrantLock();

  public final void lock() {
    sync.lock();
  }

  public final void unlock() {
    sync.unlock();
  }
}
