package xray.entities;

import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/** A segment or subsegment of a trace, as the streaming strategy sees it. */
public interface Entity {
  ReentrantLock getSubsegmentsLock();

  List<Entity> getSubsegments();

  boolean isInProgress();

  void removeSubsegment(Entity subsegment);
}
