package xray.entities;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An entity guards its state with its monitor object and its list of subsegments with a
 * reentrant lock, which it hands out (read under the monitor) to the streaming strategy.
 */
public class EntityImpl implements Entity {
  private final Object lock = new Object();
  private final ReentrantLock subsegmentsLock = new ReentrantLock();
  private final List<Entity> subsegments = new ArrayList<>();
  private boolean inProgress = true;

  @Override
  public ReentrantLock getSubsegmentsLock() {
    synchronized (lock) {
      return subsegmentsLock;
    }
  }

  @Override
  public List<Entity> getSubsegments() {
    return new ArrayList<>(subsegments);
  }

  @Override
  public boolean isInProgress() {
    synchronized (lock) {
      return inProgress;
    }
  }

  public void end() {
    synchronized (lock) {
      inProgress = false;
    }
  }

  /** A new subsegment: added under the entity's monitor, then its subsegments lock. */
  public void addSubsegment(Entity subsegment) {
    synchronized (lock) {
      getSubsegmentsLock().lock();
      try {
        subsegments.add(subsegment);
      } finally {
        getSubsegmentsLock().unlock();
      }
    }
  }

  @Override
  public void removeSubsegment(Entity subsegment) {
    subsegmentsLock.lock();
    try {
      subsegments.remove(subsegment);
    } finally {
      subsegmentsLock.unlock();
    }
  }
}
