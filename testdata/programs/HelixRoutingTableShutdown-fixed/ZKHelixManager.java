package helix;

import java.util.ArrayList;
import java.util.List;

import helix.PropertyKey.Builder;

/**
 * org.apache.helix.manager.zk.ZKHelixManager, a spectator's: the callback handlers in a list
 * guarded by the manager's monitor, which addListener and removeListener take, and which every
 * handler's invoke takes around its listener's call.
 */
public class ZKHelixManager implements HelixManager {
  private final String _clusterName;
  private final String _instanceName;
  protected final List<CallbackHandler> _handlers;

  protected ZkClient _zkclient;
  private ZKHelixDataAccessor _dataAccessor;

  public ZKHelixManager(String clusterName, String instanceName) {
    _clusterName = clusterName;
    _instanceName = instanceName;
    _handlers = new ArrayList<>();
  }

  @Override
  public boolean removeListener(PropertyKey key, Object listener) {
    System.out.println("Removing listener: " + listener + " on path: " + key.getPath()
        + " from cluster: " + _clusterName + " by instance: " + _instanceName);

    synchronized (this) {
      List<CallbackHandler> toRemove = new ArrayList<>();
      for (CallbackHandler handler : _handlers) {
        // compare property-key path and listener reference
        if (handler.getPath().equals(key.getPath()) && handler.getListener().equals(listener)) {
          toRemove.add(handler);
        }
      }

      _handlers.removeAll(toRemove);

      // handler.reset() may modify the handlers list, so do it outside the iteration
      for (CallbackHandler handler : toRemove) {
        handler.reset(true);
      }
    }

    return true;
  }

  void checkConnected() {
    if (_zkclient == null || _zkclient.isClosed()) {
      throw new HelixException(
          "HelixManager (ZkClient) is not connected. Call HelixManager#connect()");
    }
  }

  void addListener(Object listener, PropertyKey propertyKey, ChangeType changeType,
      EventType[] eventType) {
    checkConnected();

    PropertyType type = propertyKey.getType();

    synchronized (this) {
      for (CallbackHandler handler : _handlers) {
        // compare property-key path and listener reference
        if (handler.getPath().equals(propertyKey.getPath())
            && handler.getListener().equals(listener)) {
          System.out.println("Listener: " + listener + " on path: " + propertyKey.getPath()
              + " already exists. skip add");

          return;
        }
      }

      CallbackHandler newHandler =
          new CallbackHandler(this, _zkclient, propertyKey, listener, eventType, changeType);

      _handlers.add(newHandler);
      System.out.println("Added listener: " + listener + " for type: " + type + " to path: "
          + newHandler.getPath());
    }
  }

  @Override
  public void addLiveInstanceChangeListener(LiveInstanceChangeListener listener) throws Exception {
    addListener(listener, new Builder(_clusterName).liveInstances(), ChangeType.LIVE_INSTANCE,
        new EventType[] { EventType.NodeDataChanged, EventType.NodeChildrenChanged });
  }

  @Override
  public void addInstanceConfigChangeListener(InstanceConfigChangeListener listener)
      throws Exception {
    addListener(listener, new Builder(_clusterName).instanceConfigs(), ChangeType.INSTANCE_CONFIG,
        new EventType[] { EventType.NodeChildrenChanged });
  }

  @Override
  public void addExternalViewChangeListener(ExternalViewChangeListener listener)
      throws Exception {
    addListener(listener, new Builder(_clusterName).externalViews(), ChangeType.EXTERNAL_VIEW,
        new EventType[] { EventType.NodeChildrenChanged });
  }

  @Override
  public void addCurrentStateChangeListener(CurrentStateChangeListener listener,
      String instanceName, String sessionId) throws Exception {
    addListener(listener, new Builder(_clusterName).currentStates(instanceName, sessionId),
        ChangeType.CURRENT_STATE, new EventType[] { EventType.NodeChildrenChanged
        });
  }

  @Override
  public HelixDataAccessor getHelixDataAccessor() {
    checkConnected();
    return _dataAccessor;
  }

  @Override
  public String getClusterName() {
    return _clusterName;
  }

  @Override
  public String getInstanceName() {
    return _instanceName;
  }

  @Override
  public void connect() throws Exception {
    if (isConnected()) {
      return;
    }
    // (the ZooKeeper connection is a client of the in-memory tree shared by the test)
    _zkclient = FakeZooKeeper.newClient(_instanceName);
    _dataAccessor = new ZKHelixDataAccessor(_clusterName, _zkclient);
  }

  @Override
  public boolean isConnected() {
    return _zkclient != null && !_zkclient.isClosed();
  }

  @Override
  public void disconnect() {
    if (_zkclient == null || _zkclient.isClosed()) {
      return;
    }
    resetHandlers(true);
    _zkclient.close();
  }

  void resetHandlers(boolean isShutdown) {
    synchronized (this) {
      if (_handlers != null) {
        // get a copy of the list and iterate over the copy list
        // in case handler.reset() modifies the original handler list
        List<CallbackHandler> tmpHandlers = new ArrayList<>(_handlers);
        for (CallbackHandler handler : tmpHandlers) {
          handler.reset(isShutdown);
        }
      }
    }
  }

  public List<CallbackHandler> getHandlers() {
    return _handlers;
  }
}
