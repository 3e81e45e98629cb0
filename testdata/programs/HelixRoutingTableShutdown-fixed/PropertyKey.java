package helix;

/** org.apache.helix.PropertyKey and its Builder, the keys the reduction uses. */
public class PropertyKey {
  private final PropertyType _type;
  private final String _path;

  PropertyKey(PropertyType type, String path) {
    _type = type;
    _path = path;
  }

  public PropertyType getType() {
    return _type;
  }

  public String getPath() {
    return _path;
  }

  @Override
  public String toString() {
    return _path;
  }

  public static class Builder {
    private final String _clusterName;

    public Builder(String clusterName) {
      _clusterName = clusterName;
    }

    public PropertyKey instanceConfigs() {
      return new PropertyKey(PropertyType.CONFIGS, "/" + _clusterName + "/CONFIGS/PARTICIPANT");
    }

    public PropertyKey liveInstances() {
      return new PropertyKey(PropertyType.LIVEINSTANCES, "/" + _clusterName + "/LIVEINSTANCES");
    }

    public PropertyKey liveInstance(String instanceName) {
      return new PropertyKey(PropertyType.LIVEINSTANCES,
          "/" + _clusterName + "/LIVEINSTANCES/" + instanceName);
    }

    public PropertyKey currentStates(String instanceName, String sessionId) {
      return new PropertyKey(PropertyType.CURRENTSTATES,
          "/" + _clusterName + "/INSTANCES/" + instanceName + "/CURRENTSTATES/" + sessionId);
    }

    public PropertyKey currentState(String instanceName, String sessionId, String resourceName) {
      return new PropertyKey(PropertyType.CURRENTSTATES, "/" + _clusterName + "/INSTANCES/"
          + instanceName + "/CURRENTSTATES/" + sessionId + "/" + resourceName);
    }

    public PropertyKey externalViews() {
      return new PropertyKey(PropertyType.EXTERNALVIEW, "/" + _clusterName + "/EXTERNALVIEW");
    }

    public PropertyKey targetExternalViews() {
      return new PropertyKey(PropertyType.TARGETEXTERNALVIEW,
          "/" + _clusterName + "/TARGETEXTERNALVIEW");
    }
  }
}
