package helix;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * org.apache.helix.spectator.RoutingTable, reduced to which resources each live instance holds
 * (the real table maps resource, partition and state to instance configs).
 */
class RoutingTable {
  private final PropertyType _propertyType;
  private final Map<String, List<String>> _resourcesByInstance;

  RoutingTable(PropertyType propertyType) {
    _propertyType = propertyType;
    _resourcesByInstance = Collections.emptyMap();
  }

  RoutingTable(Map<String, List<String>> currentStateMap, Collection<LiveInstance> liveInstances,
      PropertyType propertyType) {
    _propertyType = propertyType;
    _resourcesByInstance = new HashMap<>();
    for (LiveInstance liveInstance : liveInstances) {
      String instanceName = liveInstance.getInstanceName();
      if (currentStateMap.containsKey(instanceName)) {
        _resourcesByInstance.put(instanceName, currentStateMap.get(instanceName));
      }
    }
  }

  PropertyType getPropertyType() {
    return _propertyType;
  }

  @Override
  public String toString() {
    return "RoutingTable" + _resourcesByInstance;
  }
}
