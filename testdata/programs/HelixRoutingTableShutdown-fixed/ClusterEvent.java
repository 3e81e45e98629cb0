package helix;

import java.util.HashMap;
import java.util.Map;

/** org.apache.helix.controller.stages.ClusterEvent: a type and named attributes. */
public class ClusterEvent {
  private final String _clusterName;
  private final ClusterEventType _eventType;
  private final Map<String, Object> _eventAttributeMap = new HashMap<>();

  public ClusterEvent(String clusterName, ClusterEventType eventType) {
    _clusterName = clusterName;
    _eventType = eventType;
  }

  public ClusterEventType getEventType() {
    return _eventType;
  }

  public String getClusterName() {
    return _clusterName;
  }

  public void addAttribute(String attrName, Object attrValue) {
    _eventAttributeMap.put(attrName, attrValue);
  }

  @SuppressWarnings("unchecked")
  public <T extends Object> T getAttribute(String attrName) {
    return (T) _eventAttributeMap.get(attrName);
  }
}
