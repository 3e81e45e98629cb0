package helix;

/** The manager API (org.apache.helix.HelixManager), the methods the routing table provider uses. */
public interface HelixManager {
  void connect() throws Exception;

  boolean isConnected();

  String getClusterName();

  String getInstanceName();

  HelixDataAccessor getHelixDataAccessor();

  void addLiveInstanceChangeListener(LiveInstanceChangeListener listener) throws Exception;

  void addInstanceConfigChangeListener(InstanceConfigChangeListener listener) throws Exception;

  void addExternalViewChangeListener(ExternalViewChangeListener listener) throws Exception;

  void addCurrentStateChangeListener(CurrentStateChangeListener listener, String instanceName,
      String sessionId) throws Exception;

  boolean removeListener(PropertyKey key, Object listener);

  void disconnect();
}
