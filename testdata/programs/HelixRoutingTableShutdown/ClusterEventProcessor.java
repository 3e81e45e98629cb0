package helix;

/** org.apache.helix.common.ClusterEventProcessor (deprecated in favour of its superclass). */
public abstract class ClusterEventProcessor
    extends DedupEventProcessor<ClusterEventType, ClusterEvent> {

  public ClusterEventProcessor(String clusterName, String processorName) {
    super(clusterName, processorName);
  }

  public void queueEvent(ClusterEvent event) {
    _eventQueue.put(event.getEventType(), event);
  }
}
