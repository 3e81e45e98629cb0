package xray.strategy;

import java.util.ArrayList;
import java.util.List;
import xray.entities.Entity;

/**
 * Sends the finished subtrees of a large segment early: holds each entity's subsegments lock,
 * taken with tryLock, while it walks the children and asks the entity whether it is in progress.
 */
public class StreamingStrategy {
  public void streamSome(Entity entity) {
    if (entity.getSubsegmentsLock().tryLock()) {
      try {
        stream(entity);
      } finally {
        entity.getSubsegmentsLock().unlock();
      }
    }
  }

  private boolean stream(Entity entity) {
    List<Entity> children = entity.getSubsegments();
    List<Entity> streamable = new ArrayList<>();
    for (Entity child : children) {
      if (child.getSubsegmentsLock().tryLock()) {
        try {
          if (stream(child)) {
            streamable.add(child);
          }
        } finally {
          child.getSubsegmentsLock().unlock();
        }
      }
    }
    if (children.size() == streamable.size() && !entity.isInProgress()) {
      return true;
    }
    for (Entity child : streamable) {
      entity.removeSubsegment(child);
    }
    return false;
  }
}
