package dbcp;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Timer;
import java.util.TimerTask;

/** commons-pool 1.4's pool: the evictor calls the factory with the pool's monitor held. */
class GenericObjectPool implements ObjectPool {
  private final PoolableObjectFactory factory;
  private final Deque<Object> idle = new ArrayDeque<>();
  private final Timer timer = new Timer(true);

  GenericObjectPool(PoolableObjectFactory factory) {
    this.factory = factory;
  }

  @Override
  public Object borrowObject() {
    synchronized (this) {
      if (!idle.isEmpty()) {
        return idle.removeFirst();
      }
    }
    return factory.makeObject();
  }

  @Override
  public void returnObject(Object obj) {
    addObjectToPool(obj);
  }

  /** Passivates outside the pool's monitor, then takes it to put the object back. */
  private void addObjectToPool(Object obj) {
    factory.passivateObject(obj);
    synchronized (this) {
      idle.addFirst(obj);
    }
  }

  public synchronized void evict() {
    for (Iterator<Object> it = idle.iterator(); it.hasNext(); ) {
      Object obj = it.next();
      factory.activateObject(obj);
      if (factory.validateObject(obj)) {
        factory.passivateObject(obj);
      } else {
        it.remove();
        factory.destroyObject(obj);
      }
    }
  }

  protected synchronized void startEvictor(long periodMillis) {
    timer.schedule(new Evictor(), periodMillis, periodMillis);
  }

  /** The idle-object evictor: an inner TimerTask that runs the outer synchronized evict(). */
  private class Evictor extends TimerTask {
    @Override
    public void run() {
      evict();
    }
  }
}
